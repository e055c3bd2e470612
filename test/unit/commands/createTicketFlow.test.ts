import * as assert from 'node:assert/strict';
import type { Contact } from '../../../src/api/types';
import { emptyAnswers, type CreateTicketLookups } from '../../../src/commands/createTicketAnswers';
import { runCreateTicketFlow, stepsFor, type CreateFlowEnv } from '../../../src/commands/createTicketFlow';
import { answer, ScriptedPrompts } from '../../support/scriptedPrompts';

const lookups: CreateTicketLookups = {
  brands: [
    { id: 1, name: 'Acme', isDefault: true },
    { id: 2, name: 'Globex', isDefault: false },
  ],
  priorities: [
    { id: 1, name: 'Low' },
    { id: 3, name: 'High' },
  ],
  categories: [{ id: 7, name: 'Billing' }],
};
const contacts: Contact[] = [
  { userId: 501, name: 'Jane Doe', email: 'jane@example.com' },
  { userId: 502, name: 'John Roe', email: 'john@example.com' },
];
const ATTRIBUTION = 'BoldDesk will show this as "Ana Agent".';

function env(prompts: ScriptedPrompts, over: Partial<CreateFlowEnv> = {}): CreateFlowEnv {
  return {
    prompts,
    lookups,
    attribution: ATTRIBUTION,
    searchContacts: async (text) => contacts.filter((c) => `${c.name} ${c.email}`.toLowerCase().includes(text.toLowerCase())),
    ...over,
  };
}

describe('create-ticket flow', () => {
  it('asks every step in order and builds the request body for an existing requester', async () => {
    const p = new ScriptedPrompts(
      answer.pick('Globex'),
      answer.input('  Printer on fire  '),
      answer.input('It <really> is.\nPlease help.'),
      answer.pick('High'),
      answer.pick('Billing'),
      answer.search('jane', 'Jane Doe'),
      answer.pick('Create ticket'),
    );
    const r = await runCreateTicketFlow(env(p), emptyAnswers());
    assert.deepEqual(p.unexpected, []);
    assert.equal(r.kind, 'create');
    assert.ok(r.kind === 'create');
    assert.deepEqual(r.input, {
      brandId: 2,
      subject: 'Printer on fire',
      description: '<p>It &lt;really&gt; is.<br>Please help.</p>',
      priorityId: 3,
      categoryId: 7,
      requester: { kind: 'existing', userId: 501 },
    });
    assert.deepEqual(
      p.asked.map((q) => `${q.step}/${q.totalSteps}`),
      ['1/7', '2/7', '3/7', '4/7', '5/7', '6/7', '7/7'],
    );
  });

  it('names whose name BoldDesk will show on the confirm step', async () => {
    const p = new ScriptedPrompts(
      answer.pick('Acme'), answer.input('S'), answer.input('D'), answer.pick('Low'), answer.pick('No category'),
      answer.search('john', 'John Roe'), answer.cancel(),
    );
    await runCreateTicketFlow(env(p), emptyAnswers());
    const confirm = p.asked[p.asked.length - 1];
    assert.ok(confirm.placeholder?.includes(ATTRIBUTION), confirm.placeholder);
  });

  it('Back keeps what was typed and picked', async () => {
    const p = new ScriptedPrompts(
      answer.pick('Acme'),
      answer.input('First subject'),
      answer.input('Body'),
      answer.back(), // at priority → description
      answer.back(), // at description → subject
      answer.input('Second subject'),
      answer.input('Body'),
      answer.pick('High'),
      answer.back(), // at category → priority
      answer.pick('High'),
      answer.pick('No category'),
      answer.search('jane', 'Jane Doe'),
      answer.pick('Change something'), // confirm → requester
      answer.pick('Jane Doe'), // the previous choice is offered without searching again
      answer.pick('Create ticket'),
    );
    const r = await runCreateTicketFlow(env(p), emptyAnswers());
    assert.deepEqual(p.unexpected, []);
    assert.ok(r.kind === 'create');
    assert.equal(r.input.subject, 'Second subject');
    assert.equal(r.input.categoryId, undefined);
    const subjectPrefills = p.asked.filter((q) => q.prompt === 'Subject').map((q) => q.value);
    assert.deepEqual(subjectPrefills, ['', 'First subject']);
    const descriptionPrefills = p.asked.filter((q) => q.prompt?.startsWith('Description')).map((q) => q.value);
    assert.deepEqual(descriptionPrefills, ['', 'Body', 'Body']);
    const priorityPicks = p.asked.filter((q) => q.placeholder === 'Priority').map((q) => q.picked);
    assert.deepEqual(priorityPicks, [[], [], ['High']]);
  });

  it('a new requester adds e-mail and name steps and sends requesterEmail + name', async () => {
    const p = new ScriptedPrompts(
      answer.pick('Acme'), answer.input('S'), answer.input('D'), answer.pick('Low'), answer.pick('No category'),
      answer.pick('New requester…'),
      answer.input(' new@example.com '),
      answer.input('New Person'),
      answer.pick('Create ticket'),
    );
    const r = await runCreateTicketFlow(env(p), emptyAnswers());
    assert.deepEqual(p.unexpected, []);
    assert.ok(r.kind === 'create');
    assert.deepEqual(r.input.requester, { kind: 'new', email: 'new@example.com', name: 'New Person' });
    assert.equal(p.asked[p.asked.length - 1].totalSteps, 9);
  });

  it('rejects an empty subject and a malformed e-mail (validation)', async () => {
    const p = new ScriptedPrompts(answer.pick('Acme'), answer.input('   '));
    const r = await runCreateTicketFlow(env(p), emptyAnswers());
    assert.equal(r.kind, 'cancel');
    assert.match(p.unexpected[0], /subject is required/i);

    const q = new ScriptedPrompts(
      answer.pick('Acme'), answer.input('S'), answer.input('D'), answer.pick('Low'), answer.pick('No category'),
      answer.pick('New requester…'),
      answer.input('not-an-email'),
    );
    assert.equal((await runCreateTicketFlow(env(q), emptyAnswers())).kind, 'cancel');
    assert.match(q.unexpected[0], /e-mail address/);
  });

  it('returns the answers on cancel so the command can offer them again', async () => {
    const p = new ScriptedPrompts(answer.pick('Acme'), answer.input('Keep me'), answer.cancel());
    const r = await runCreateTicketFlow(env(p), emptyAnswers());
    assert.equal(r.kind, 'cancel');
    assert.equal(r.answers.subject, 'Keep me');
    // …and a later run starts prefilled.
    const again = new ScriptedPrompts(answer.pick('Acme'), answer.cancel());
    await runCreateTicketFlow(env(again), r.answers);
    assert.equal(again.asked[1].value, 'Keep me');
  });

  it('skips the brand step with one brand and the category step without categories', () => {
    const single = { ...lookups, brands: [lookups.brands[0]], categories: [] };
    assert.deepEqual(stepsFor(emptyAnswers(), single), ['subject', 'description', 'priority', 'requester', 'confirm']);
  });

  it('has no Back button on the first step', async () => {
    const p = new ScriptedPrompts(answer.cancel());
    await runCreateTicketFlow(env(p), emptyAnswers());
    assert.deepEqual([p.asked[0].step, p.asked[0].canGoBack], [1, false]);
  });
});
