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

/** A stand-in for the real editor (the integration test uses the real one): `answer.write` replaces its text. */
function fakeEditor(p: ScriptedPrompts) {
  const opened: { text: string; what: string }[] = [];
  let text = '';
  let shown = 0;
  p.writer = (t) => void (text = t);
  const editText: CreateFlowEnv['editText'] = async (initial, what) => {
    opened.push({ text: initial, what });
    text = initial;
    return { read: () => text, show: async () => void (shown += 1) };
  };
  return { editText, opened, shownAgain: () => shown };
}

const CONTINUE = /^Continue with the description/;

describe('create-ticket flow', () => {
  it('asks only what has no default (the default brand and no category are used) and builds the body', async () => {
    const p = new ScriptedPrompts(
      answer.input('  Printer on fire  '),
      answer.input('It <really> is.\nPlease help.'),
      answer.pick('High'),
      answer.search('jane', 'Jane Doe'),
      answer.pick('Create ticket'),
    );
    const r = await runCreateTicketFlow(env(p), emptyAnswers());
    assert.deepEqual(p.unexpected, []);
    assert.ok(r.kind === 'create');
    assert.deepEqual(r.input, {
      brandId: 1,
      subject: 'Printer on fire',
      description: '<p>It &lt;really&gt; is.<br>Please help.</p>',
      priorityId: 3,
      requester: { kind: 'existing', userId: 501 },
    });
    assert.deepEqual(p.asked.map((q) => `${q.step}/${q.totalSteps}`), ['1/5', '2/5', '3/5', '4/5', '5/5']);
  });

  it('asks for the brand only when there is no default', async () => {
    const noDefault = { ...lookups, brands: lookups.brands.map((b) => ({ ...b, isDefault: false })) };
    assert.deepEqual(stepsFor(emptyAnswers(), noDefault), ['brand', 'subject', 'description', 'priority', 'requester', 'confirm']);
    const p = new ScriptedPrompts(answer.pick('Globex'), answer.input('S'), answer.input('D'), answer.pick('Low'), answer.search('jane', 'Jane Doe'), answer.pick('Create ticket'));
    const r = await runCreateTicketFlow(env(p, { lookups: noDefault }), emptyAnswers());
    assert.ok(r.kind === 'create');
    assert.equal(r.input.brandId, 2);
  });

  it('the confirm step shows one row per field, the description with its first lines, and names the author', async () => {
    const p = new ScriptedPrompts(
      answer.input('S'), answer.input('First line\n\nSecond line\nThird\nFourth'), answer.pick('Low'), answer.search('john', 'John Roe'), answer.cancel(),
    );
    await runCreateTicketFlow(env(p), emptyAnswers());
    const confirm = p.asked[p.asked.length - 1];
    assert.ok(confirm.placeholder?.includes(ATTRIBUTION), confirm.placeholder);
    assert.deepEqual(confirm.labels, ['Create ticket', 'Subject', 'Description', 'Brand', 'Priority', 'Category', 'Requester']);
    assert.deepEqual(confirm.descriptions, [ATTRIBUTION, 'S', '5 lines', 'Acme', 'Low', 'none', 'John Roe <john@example.com>']);
    assert.equal(confirm.details?.[2], 'First line ⏎ Second line ⏎ Third…');
  });

  it('each confirm row changes its field and comes back to the confirm step; Back there keeps the field', async () => {
    const p = new ScriptedPrompts(
      answer.input('Old subject'), answer.input('D'), answer.pick('Low'), answer.search('jane', 'Jane Doe'),
      answer.pick('Brand'), answer.pick('Globex'),
      answer.pick('Category'), answer.pick('Billing'),
      answer.pick('Subject'), answer.input('New subject'),
      answer.pick('Priority'), answer.back(), // unchanged
      answer.pick('Requester'), answer.search('john', 'John Roe'),
      answer.pick('Create ticket'),
    );
    const r = await runCreateTicketFlow(env(p), emptyAnswers());
    assert.deepEqual(p.unexpected, []);
    assert.ok(r.kind === 'create');
    assert.deepEqual(r.input, {
      brandId: 2, subject: 'New subject', description: '<p>D</p>', priorityId: 1, categoryId: 7, requester: { kind: 'existing', userId: 502 },
    });
    assert.equal(p.asked.filter((q) => q.placeholder?.startsWith('Check and create')).length, 6, 'back to the confirm step after each change');
    assert.equal(p.asked.find((q) => q.prompt === 'Subject' && q.value === 'Old subject')?.canGoBack, true);
    assert.equal(p.asked.filter((q) => q.method === 'searchPickStep').at(-1)?.value, 'jane', 'the requester search starts from what was typed');
  });

  it('the description is written in a real editor; Back, a refusal and a cancel keep what is in it', async () => {
    const p = new ScriptedPrompts(
      answer.input('S'),
      answer.pick(CONTINUE), // nothing written yet: refused, asked again
      answer.write('Written in\nthe editor'), answer.pick(CONTINUE),
      answer.back(), // at priority → the description's editor again, with its text
      answer.write('Written in\nthe editor, edited'), answer.back(), // → subject, the text is kept
      answer.input('S2'), answer.pick(CONTINUE), answer.pick('High'), answer.search('jane', 'Jane Doe'),
      answer.pick('Description'), answer.write('Changed from the confirm step'), answer.pick(CONTINUE),
      answer.cancel(),
    );
    const editor = fakeEditor(p);
    const r = await runCreateTicketFlow(env(p, { editText: editor.editText }), emptyAnswers());
    assert.deepEqual(p.unexpected, []);
    assert.equal(r.kind, 'cancel');
    assert.equal(r.answers.description, 'Changed from the confirm step', 'the cancelled answers hold the editor text');
    assert.deepEqual(editor.opened, [{ text: '', what: 'description' }], 'one editor for the whole flow');
    assert.equal(editor.shownAgain(), 3, 'shown again each time its step comes back');
    const steps = p.asked.filter((q) => q.labels?.some((l) => CONTINUE.test(l)));
    assert.match(steps[1].placeholder ?? '', /description is required/);
    assert.ok(!p.asked.some((q) => q.prompt?.startsWith('Description')), 'no one-line box for the description');
  });

  it('an e-mail typed in the requester search is offered as a new requester and not asked again', async () => {
    const p = new ScriptedPrompts(
      answer.input('S'), answer.input('D'), answer.pick('Low'),
      answer.search(' new@example.com ', 'Use new@example.com'),
      answer.input('New Person'),
      answer.pick('Create ticket'),
    );
    const r = await runCreateTicketFlow(env(p), emptyAnswers());
    assert.deepEqual(p.unexpected, []);
    assert.ok(r.kind === 'create');
    assert.deepEqual(r.input.requester, { kind: 'new', email: 'new@example.com', name: 'New Person' });
    assert.ok(!p.asked.some((q) => q.prompt?.startsWith("New requester's e-mail")));
    assert.equal(p.asked.at(-1)?.descriptions?.at(-1), 'New Person <new@example.com> (new)');
  });

  it('Back keeps text typed but not confirmed: shown when the step comes back, never created unconfirmed (issue 18)', async () => {
    const p = new ScriptedPrompts(
      answer.input('S'), answer.input('D'), answer.pick('Low'),
      answer.search('zed', 'New requester…'),
      answer.back('zed@exam'), // half an e-mail typed, then Back → the search
      answer.pick('New requester…'),
      answer.input('zed@example.com'), answer.input('Zed'),
      answer.pick('Subject'), answer.back('Half a new subj'), // from the confirm step: typed, not confirmed
      answer.pick('Subject'), answer.back('Half a new subject'),
      answer.pick('Create ticket'),
    );
    const r = await runCreateTicketFlow(env(p), emptyAnswers());
    assert.deepEqual(p.unexpected, []);
    assert.ok(r.kind === 'create');
    const emails = p.asked.filter((q) => q.prompt?.startsWith("New requester's e-mail")).map((q) => q.value ?? '');
    assert.deepEqual(emails, ['', 'zed@exam'], 'the e-mail box comes back with what was typed');
    const subjects = p.asked.filter((q) => q.prompt === 'Subject').map((q) => q.value ?? '');
    assert.deepEqual(subjects, ['', 'S', 'Half a new subj'], 'the subject box comes back with the typing');
    assert.equal(r.input.subject, 'S', 'what was never confirmed is not what gets created');
    assert.deepEqual(r.input.requester, { kind: 'new', email: 'zed@example.com', name: 'Zed' });
  });

  it('Back keeps what was typed and picked', async () => {
    const p = new ScriptedPrompts(
      answer.input('First subject'),
      answer.input('Body'),
      answer.back(), // at priority → description
      answer.back(), // at description → subject
      answer.input('Second subject'),
      answer.input('Body'),
      answer.pick('High'),
      answer.back(), // at requester → priority
      answer.pick('High'),
      answer.search('jane', 'Jane Doe'),
      answer.back(), // confirm → requester
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
      answer.input('S'), answer.input('D'), answer.pick('Low'),
      answer.pick('New requester…'),
      answer.input(' new@example.com '),
      answer.input('New Person'),
      answer.pick('Create ticket'),
    );
    const r = await runCreateTicketFlow(env(p), emptyAnswers());
    assert.deepEqual(p.unexpected, []);
    assert.ok(r.kind === 'create');
    assert.deepEqual(r.input.requester, { kind: 'new', email: 'new@example.com', name: 'New Person' });
    assert.equal(p.asked[p.asked.length - 1].totalSteps, 7);
  });

  it('rejects an empty subject and a malformed e-mail (validation)', async () => {
    const p = new ScriptedPrompts(answer.input('   '));
    const r = await runCreateTicketFlow(env(p), emptyAnswers());
    assert.equal(r.kind, 'cancel');
    assert.match(p.unexpected[0], /subject is required/i);

    const q = new ScriptedPrompts(
      answer.input('S'), answer.input('D'), answer.pick('Low'),
      answer.pick('New requester…'),
      answer.input('not-an-email'),
    );
    assert.equal((await runCreateTicketFlow(env(q), emptyAnswers())).kind, 'cancel');
    assert.match(q.unexpected[0], /e-mail address/);
  });

  it('returns the answers on cancel so the command can offer them again', async () => {
    const p = new ScriptedPrompts(answer.input('Keep me'), answer.cancel());
    const r = await runCreateTicketFlow(env(p), emptyAnswers());
    assert.equal(r.kind, 'cancel');
    assert.equal(r.answers.subject, 'Keep me');
    // …and a later run starts prefilled.
    const again = new ScriptedPrompts(answer.cancel());
    await runCreateTicketFlow(env(again), r.answers);
    assert.equal(again.asked[0].value, 'Keep me');
  });

  it('skips the brand step with one brand, and never asks for the optional category on the way', () => {
    const single = { ...lookups, brands: [lookups.brands[0]], categories: [] };
    assert.deepEqual(stepsFor(emptyAnswers(), single), ['subject', 'description', 'priority', 'requester', 'confirm']);
    assert.deepEqual(stepsFor(emptyAnswers(), lookups), ['subject', 'description', 'priority', 'requester', 'confirm']);
  });

  it('has no Back button on the first step', async () => {
    const p = new ScriptedPrompts(answer.cancel());
    await runCreateTicketFlow(env(p), emptyAnswers());
    assert.deepEqual([p.asked[0].step, p.asked[0].canGoBack], [1, false]);
  });
});
