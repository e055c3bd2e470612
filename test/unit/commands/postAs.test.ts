// "Post as": the create flow's confirm step offers the identities (only with more than one) and returns the
// chosen one; the ticket webview may name an identity id in `send`, nothing else.
import * as assert from 'node:assert/strict';
import { emptyAnswers } from '../../../src/commands/createTicketAnswers';
import { runCreateTicketFlow, type CreateFlowEnv } from '../../../src/commands/createTicketFlow';
import { validateRequest } from '../../../src/views/ticketPanel/validateRequest';
import { answer, ScriptedPrompts } from '../../support/scriptedPrompts';

function env(prompts: ScriptedPrompts, identities?: CreateFlowEnv['identities']): CreateFlowEnv {
  return {
    prompts,
    lookups: { brands: [{ id: 1, name: 'Acme', isDefault: true }], priorities: [{ id: 1, name: 'Low' }], categories: [] },
    attribution: 'As Ana.',
    attributionFor: (id) => `As ${identities?.find((i) => i.id === id)?.label}.`,
    searchContacts: async () => [{ userId: 5, name: 'Jane', email: 'jane@example.com' }],
    identities,
  };
}

const fill = [answer.input('Subject'), answer.input('Body'), answer.pick('Low'), answer.search('jane', 'Jane')];

describe('Post as', () => {
  it('the confirm step has no "Post as" with one identity', async () => {
    const p = new ScriptedPrompts(...fill, answer.pick('Create ticket'));
    const r = await runCreateTicketFlow(env(p, [{ id: 'a', label: 'Me' }]), emptyAnswers());
    assert.equal(r.kind, 'create');
    assert.equal(r.answers.postAs, undefined);
    assert.ok(!p.asked.at(-1)?.labels?.some((l) => /Post as/.test(l)));
  });

  it('with several, "Post as…" picks the identity; Back keeps the choice; the confirm step names it', async () => {
    const ids = [{ id: 'a', label: 'Me' }, { id: 'b', label: 'API Bot' }];
    const p = new ScriptedPrompts(...fill, answer.pick(/^Post as Me/), answer.pick('API Bot'), answer.pick(/^Post as API Bot/), answer.back(), answer.pick('Create ticket'));
    const r = await runCreateTicketFlow(env(p, ids), emptyAnswers());
    assert.deepEqual(p.unexpected, []);
    assert.equal(r.kind, 'create');
    assert.equal(r.answers.postAs, 'b');
    assert.match(p.asked.at(-1)?.placeholder ?? '', /As API Bot\./);
  });

  it('the webview may pass an identity id with send, and nothing that is not one', () => {
    const ok = validateRequest({ id: 1, type: 'send', kind: 'reply', text: 'x', postAs: 'abc123' });
    assert.ok(ok.ok && ok.request.type === 'send' && ok.request.postAs === 'abc123');
    for (const postAs of ['', 'UPPER', 'a'.repeat(33), 42, null, '../x', { id: 'a' }]) {
      assert.equal(validateRequest({ id: 1, type: 'send', kind: 'reply', text: 'x', postAs }).ok, false, JSON.stringify(postAs));
    }
  });
});
