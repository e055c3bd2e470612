// The create flow with a code context (Create Ticket from Selection): the extra step, editing in an editor,
// leaving it out, and the HTML description that reaches BoldDesk.
import * as assert from 'node:assert/strict';
import { buildCodeContext } from '../../../src/code/codeContext';
import { emptyAnswers } from '../../../src/commands/createTicketAnswers';
import { runCreateTicketFlow, type CreateFlowEnv } from '../../../src/commands/createTicketFlow';
import { answer, ScriptedPrompts } from '../../support/scriptedPrompts';

const context = buildCodeContext({ displayPath: 'src/a.ts', startLine: 2, endLine: 2, code: 'x < y', languageId: 'typescript' });

function env(prompts: ScriptedPrompts, over: Partial<CreateFlowEnv> = {}): CreateFlowEnv {
  return {
    prompts,
    lookups: { brands: [{ id: 1, name: 'Acme', isDefault: true }], priorities: [{ id: 1, name: 'Low' }], categories: [] },
    attribution: 'BoldDesk will show this as "Ana Agent".',
    searchContacts: async () => [{ userId: 501, name: 'Jane Doe', email: 'jane@example.com' }],
    ...over,
  };
}

const rest = [answer.pick('Low'), answer.search('jane', 'Jane Doe'), answer.pick('Create ticket')];

describe('create flow with a code context', () => {
  it('adds the code context below the description as escaped HTML', async () => {
    const p = new ScriptedPrompts(
      answer.input('Crash'),
      answer.input('It throws <here>.'),
      answer.pick(/^Add the code context/),
      ...rest,
    );
    const r = await runCreateTicketFlow(env(p), { ...emptyAnswers(), codeContext: context });
    assert.deepEqual(p.unexpected, []);
    assert.ok(r.kind === 'create');
    assert.equal(
      r.input.description,
      '<p>It throws &lt;here&gt;.</p><p>File: src/a.ts, line 2</p><pre><code class="language-typescript">x &lt; y</code></pre>',
    );
    assert.match(p.asked.find((q) => q.placeholder === 'Code context from your selection')?.labels?.join('|') ?? '', /Leave the code context out/);
  });

  it('uses the text as edited in the editor (the description is written in its own editor)', async () => {
    let opened: string | undefined;
    const p = new ScriptedPrompts(
      answer.input('Crash'),
      answer.write('Details'),
      answer.pick(/^Continue with the description/),
      answer.pick(/^Edit the code context/),
      answer.pick(/^Use the code context as edited/),
      ...rest,
    );
    const r = await runCreateTicketFlow(
      env(p, {
        editText: async (text, what) => {
          if (what === 'codeContext') return (opened = text), { read: () => 'Edited: see\n```\n<b>\n```' };
          let description = text;
          p.writer = (t) => void (description = t);
          return { read: () => description };
        },
      }),
      { ...emptyAnswers(), codeContext: context },
    );
    assert.equal(opened, context);
    assert.ok(r.kind === 'create');
    assert.equal(r.input.description, '<p>Details</p><p>Edited: see</p><pre><code>&lt;b&gt;</code></pre>');
  });

  it('can leave it out, and Back from the next step keeps the choice', async () => {
    const p = new ScriptedPrompts(
      answer.input('Crash'),
      answer.input('Details'),
      answer.pick(/^Leave the code context out/),
      answer.back(),
      answer.pick(/^Leave the code context out/),
      ...rest,
    );
    const r = await runCreateTicketFlow(env(p), { ...emptyAnswers(), codeContext: context });
    assert.ok(r.kind === 'create');
    assert.equal(r.input.description, '<p>Details</p>');
    const steps = p.asked.filter((q) => q.placeholder === 'Code context from your selection');
    assert.deepEqual(steps[1].picked?.map((l) => l.replace(/\$\([a-z-]+\)\s*/, '')), ['Leave the code context out']);
  });

  it('has no code-context step in the plain create flow', async () => {
    const p = new ScriptedPrompts(answer.input('S'), answer.input('D'), ...rest);
    const r = await runCreateTicketFlow(env(p), emptyAnswers());
    assert.deepEqual(p.unexpected, []);
    assert.ok(r.kind === 'create');
    assert.equal(r.input.description, '<p>D</p>');
  });
});
