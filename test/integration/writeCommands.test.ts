// The write commands against the fake BoldDesk in a real extension host: questions are answered by a
// ScriptedPrompts (ExtensionApi.setPrompts); what reached BoldDesk is read from the fake's recorded requests
// and data. No HTTP mocks, no timing assertions: tests wait for states.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { Commands, Settings } from '../../src/constants';
import type { ExtensionApi } from '../../src/extensionApi';
import type { RecordedRequest } from '../fake-bolddesk';
import { draftKey } from '../../src/drafts/draftStore';
import { activateExtension, createSteps, fakeOrigin, fixture, PromptSwitch, trusted } from './fixture';
import { waitFor } from '../support/poll';
import { answer, ScriptedPrompts } from '../support/scriptedPrompts';
import { typeInto } from '../support/typeInto';

let ext: ExtensionApi;
let promptSwitch: PromptSwitch;

function posts(pathRe: RegExp): RecordedRequest[] {
  return fixture().fake.requests.filter((r) => r.method === 'POST' && pathRe.test(r.path));
}

function queryValue(r: RecordedRequest, name: string): string[] | undefined {
  const key = Object.keys(r.query).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : r.query[key];
}

/** An open ticket of the fake that nobody has written to in this run. */
function freshTicketId(offset: number): number {
  const tickets = fixture().fake.db.tickets;
  return tickets[tickets.length - 1 - offset].id;
}


/** The key owner's name as BoldDesk reports it (what the attribution shows). */
function actingAsName(): string {
  const name = ext.session.actingAs?.name;
  assert.ok(name);
  return name;
}

function storedDraft(kind: 'reply' | 'note', ticketId: number): string | undefined {
  return ext.context.globalState.get<{ text: string }>(draftKey({ kind, ticketId }, fakeOrigin()))?.text;
}

describe('Write commands (fake BoldDesk)', function () {
  this.timeout(30000);

  before(async () => {
    ext = await activateExtension();
    promptSwitch = new PromptSwitch(ext);
    await ext.session.resolveIdentity();
    assert.equal(ext.session.actingAs?.userId, fixture().agent.userId, 'the demo key owner is known');
  });

  beforeEach(() => fixture().fake.reset());

  afterEach(async () => {
    fixture().fake.clearFaults();
    promptSwitch.restore();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('creates ONE ticket with the right key, body and author, even when invoked twice', async () => {
    const { fake, key, agent } = fixture();
    const contact = fake.db.contacts[0];
    const p = promptSwitch.use(
      new ScriptedPrompts(
        ...createSteps({
          subject: 'Printer <on> fire', description: 'It burns.\nPlease help.', priority: 'High',
          requester: [answer.search(contact.email, contact.email)], brand: 'Acme Mobile', category: 'Billing',
        }),
        answer.pick('Create ticket'),
      ),
    );
    const first = vscode.commands.executeCommand<number | undefined>(Commands.createTicket);
    const second = vscode.commands.executeCommand<number | undefined>(Commands.createTicket);
    const [id, none] = await Promise.all([first, second]);

    assert.deepEqual(p.unexpected, []);
    assert.equal(typeof id, 'number');
    assert.equal(none, undefined);
    assert.ok(p.messages.some((m) => /already being created/.test(m.message)), JSON.stringify(p.messages));
    const creates = posts(/^\/api\/v1\/tickets$/);
    assert.equal(creates.length, 1, 'exactly one POST /tickets');
    assert.equal(creates[0].headers['x-api-key'], key);
    assert.deepEqual(creates[0].body, {
      brandId: 2,
      subject: 'Printer <on> fire',
      description: '<p>It burns.<br>Please help.</p>',
      priorityId: 3,
      categoryId: 22,
      requesterId: contact.userId,
    });
    const created = fake.db.getTicket(id as number);
    assert.ok(created);
    assert.equal(created.createdById, agent.userId, 'BoldDesk records the key owner as creator');
    const confirm = p.asked[p.asked.length - 1];
    assert.ok(confirm.placeholder?.includes(actingAsName()), `confirm step names the agent: ${confirm.placeholder}`);
    // A success is a status bar message, not a notification (issue 18: notifications only for what needs attention).
    await p.waitForMessage((m) => m.level === 'status' && m.message === `Ticket #${id} created.`);
    assert.deepEqual(p.messages.filter((m) => m.level !== 'status' && !/already being created/.test(m.message)), []);
  });

  it('when BoldDesk does not answer a create, warns it may exist and offers the typed input again', async () => {
    const { fake } = fixture();
    const config = vscode.workspace.getConfiguration(Settings.section);
    await config.update(Settings.requestTimeoutSeconds, 1, vscode.ConfigurationTarget.Global);
    try {
      fake.addFault({ fault: { type: 'stall', ms: 3000 }, method: 'POST', path: '^/api/v1/tickets$', times: 1 });
      const p = promptSwitch.use(
        new ScriptedPrompts(
          ...createSteps({
            subject: 'Maybe created', description: 'Body', priority: 'Low',
            requester: [answer.pick('New requester…'), answer.input('new.person@example.com'), answer.input('New Person')],
          }),
          answer.pick('Create ticket'),
        ),
      );
      assert.equal(await vscode.commands.executeCommand(Commands.createTicket), undefined);
      const warning = await p.waitForMessage((m) => m.level === 'warning');
      assert.match(warning.message, /may have been created/);
      assert.ok(warning.actions.includes('Refresh'));
      assert.equal(posts(/^\/api\/v1\/tickets$/).length, 1, 'a POST is never retried');
    } finally {
      await config.update(Settings.requestTimeoutSeconds, undefined, vscode.ConfigurationTarget.Global);
    }

    // Next time the typed answers come back, prefilled.
    const again = promptSwitch.use(
      new ScriptedPrompts(
        answer.pick('Continue the ticket you started'),
        ...createSteps({
          subject: 'Maybe created (2)', description: 'Body', priority: 'Low',
          requester: [answer.pick('New requester…'), answer.input('new.person@example.com'), answer.input('New Person')],
        }),
        answer.pick('Create ticket'),
      ),
    );
    const id = await vscode.commands.executeCommand<number>(Commands.createTicket);
    assert.deepEqual(again.unexpected, []);
    assert.equal(again.asked.find((q) => q.prompt === 'Subject')?.value, 'Maybe created');
    const body = posts(/^\/api\/v1\/tickets$/).at(-1)?.body as Record<string, unknown>;
    assert.deepEqual(
      [body.requesterEmailId, body.requesterName, body.requesterId],
      ['new.person@example.com', 'New Person', null],
    );
    assert.equal(fake.db.getTicket(id)?.subject, 'Maybe created (2)');
  });

  it('sends a reply once, as the key owner, then forgets the draft and closes its tab', async () => {
    const { fake, agent } = fixture();
    const ticketId = freshTicketId(0);
    const p = promptSwitch.use(new ScriptedPrompts());
    const uri = await vscode.commands.executeCommand<string>(Commands.addReply, { ticket: { id: ticketId } });
    assert.equal(uri, `bolddesk-draft:/Reply%20to%20%23${ticketId}.md`);
    const opened = await p.waitForMessage((m) => m.message.includes(`#${ticketId}`));
    assert.ok(opened.message.includes(actingAsName()), `names the author before sending: ${opened.message}`);
    assert.equal(opened.level, 'status', 'no notification when a draft opens');
    await typeInto(uri, 'Hello <Jane>,\n\nfixed it.');
    const before = fake.db.getTicket(ticketId)?.messages.length ?? 0;

    fake.addFault({ fault: { type: 'latency', ms: 300 }, method: 'POST', path: '/updates$' });
    const sends = [1, 2].map(() => vscode.commands.executeCommand<number | undefined>(Commands.sendDraft, trusted(vscode.Uri.parse(uri))));
    const results = await Promise.all(sends);

    assert.equal(results.filter((r) => typeof r === 'number').length, 1, JSON.stringify(results));
    assert.ok(p.messages.some((m) => /is being sent/.test(m.message)), 'the second press is refused by the guard');
    const replies = posts(new RegExp(`^/api/v1/tickets/${ticketId}/updates$`));
    assert.equal(replies.length, 1, 'one POST for two presses');
    assert.deepEqual(replies[0].body, { description: '<p>Hello &lt;Jane&gt;,</p><p>fixed it.</p>', replyOnBehalfOfRequester: false });
    const messages = fake.db.getTicket(ticketId)?.messages ?? [];
    assert.equal(messages.length, before + 1);
    assert.deepEqual([messages.at(-1)?.kind, messages.at(-1)?.authorId], ['reply', agent.userId]);
    await p.waitForMessage((m) => m.level === 'status' && m.message === `Reply sent to #${ticketId}.`);
    await waitFor('the draft tab to close', () =>
      !vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === uri)),
    );
    assert.equal(storedDraft('reply', ticketId), undefined);
  });

  it('adds a private note (isPublicNote=false) by the key owner', async () => {
    const { fake, agent } = fixture();
    const ticketId = freshTicketId(1);
    const p = promptSwitch.use(new ScriptedPrompts());
    const uri = await vscode.commands.executeCommand<string>(Commands.addNote, ticketId);
    await typeInto(uri, 'Internal: customer is on the old plan.');
    const id = await vscode.commands.executeCommand<number>(Commands.sendDraft, trusted(vscode.Uri.parse(uri)));
    assert.equal(typeof id, 'number');
    const notes = posts(new RegExp(`^/api/v1/tickets/${ticketId}/notes$`));
    assert.equal(notes.length, 1);
    assert.deepEqual(queryValue(notes[0], 'isPublicNote'), ['false']);
    assert.deepEqual(notes[0].body, { description: '<p>Internal: customer is on the old plan.</p>' });
    const last = fake.db.getTicket(ticketId)?.messages.at(-1);
    assert.deepEqual([last?.kind, last?.authorId], ['privateNote', agent.userId]);
    await p.waitForMessage((m) => m.level === 'status' && m.message === `Private note added to #${ticketId}.`);
    // One send, one message: no notification at all, one status bar message for this send.
    assert.deepEqual(p.messages.filter((m) => m.level !== 'status'), []);
    assert.equal(p.messages.filter((m) => m.message.includes('added to')).length, 1, JSON.stringify(p.messages));
  });

  it('a reply that fails keeps its text, is never retried, and says whether it may have been sent', async () => {
    const { fake } = fixture();
    const ticketId = freshTicketId(2);
    const p = promptSwitch.use(new ScriptedPrompts());
    const uri = await vscode.commands.executeCommand<string>(Commands.addReply, ticketId);
    const doc = await typeInto(uri, 'Please keep me.');
    const send = () => vscode.commands.executeCommand<number | undefined>(Commands.sendDraft, trusted(vscode.Uri.parse(uri)));
    const kept = () => {
      assert.equal(doc.getText(), 'Please keep me.');
      assert.equal(storedDraft('reply', ticketId), 'Please keep me.');
      assert.ok(vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri && !d.isClosed));
    };

    // A 500 may have been applied by BoldDesk: the user is told to check before sending again.
    fake.addFault({
      fault: { type: 'status', status: 500, body: { message: 'Internal error', statusCode: 500, errors: [{ errorType: 'UnknownError' }] } },
      method: 'POST',
      path: '/updates$',
      times: 1,
    });
    assert.equal(await send(), undefined);
    const unsure = await p.waitForMessage((m) => m.level === 'warning');
    assert.match(unsure.message, /may have been sent.*kept/);
    assert.equal(posts(/\/updates$/).length, 1, 'the failed POST is not retried');
    kept();

    // A 503 was not accepted: an error with "Try Again".
    fake.addFault({ fault: { type: 'status', status: 503 }, method: 'POST', path: '/updates$', times: 1 });
    assert.equal(await send(), undefined);
    const failed = await p.waitForMessage((m) => m.level === 'error');
    assert.match(failed.message, /not sent.*kept/);
    assert.ok(failed.actions.includes('Try Again'));
    assert.equal(posts(/\/updates$/).length, 2);
    kept();

    // The user sends again: the same text goes out once more, and BoldDesk holds it once.
    assert.equal(typeof (await send()), 'number');
    assert.equal(posts(/\/updates$/).length, 3);
    const sent = (fake.db.getTicket(ticketId)?.messages ?? []).filter((m) => m.description === '<p>Please keep me.</p>');
    assert.equal(sent.length, 1);
  });

  it('keeps an unsent draft when its tab is closed and brings it back', async () => {
    const ticketId = freshTicketId(3);
    promptSwitch.use(new ScriptedPrompts());
    const uri = await vscode.commands.executeCommand<string>(Commands.addReply, ticketId);
    await typeInto(uri, 'Half-written reply');
    await waitFor('the draft to be saved', () => storedDraft('reply', ticketId) === 'Half-written reply');
    await waitFor('the draft to be clean', () => !vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri)?.isDirty);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const again = await vscode.commands.executeCommand<string>(Commands.addReply, ticketId);
    const doc = await waitFor('the reopened draft', () => vscode.workspace.textDocuments.find((d) => d.uri.toString() === again));
    assert.equal(doc.getText(), 'Half-written reply');
    assert.equal(posts(/\/updates$/).length, 0, 'nothing was sent');
  });

  it('"No changes found." is a gentle "Nothing changed", and a real change updates BoldDesk', async () => {
    const { fake } = fixture();
    const ticketId = freshTicketId(4);
    const ticket = fake.db.getTicket(ticketId);
    assert.ok(ticket);
    const current = fake.db.statuses.find((s) => s.id === ticket.statusId);
    const other = fake.db.statuses.find((s) => s.id !== ticket.statusId);
    assert.ok(current && other);

    const p = promptSwitch.use(new ScriptedPrompts(answer.pick(current.name)));
    assert.equal(await vscode.commands.executeCommand(Commands.changeStatus, ticketId), false);
    assert.deepEqual(p.asked[0].picked?.map((l) => l.replace(/\$\([a-z-]+\)\s*/, '')), [current.name], 'current status marked');
    await p.waitForMessage((m) => /Nothing changed/.test(m.message));
    assert.deepEqual(p.messages.filter((m) => m.level !== 'info'), []);

    p.then(answer.pick(other.name));
    assert.equal(await vscode.commands.executeCommand(Commands.changeStatus, ticketId), true);
    assert.equal(fake.db.getTicket(ticketId)?.statusId, other.id);
    const puts = fake.requests.filter((r) => r.method === 'PUT');
    assert.deepEqual(puts.map((r) => r.body), [{ fields: { statusId: current.id } }, { fields: { statusId: other.id } }]);
  });

  it('unassigns through Change Assignee (agentId null)', async () => {
    const { fake } = fixture();
    const ticketId = [...fake.db.tickets].reverse().find((t) => t.agentId !== null && t.id < freshTicketId(5))?.id;
    assert.ok(ticketId);
    const p = promptSwitch.use(new ScriptedPrompts(answer.pick('Unassign')));
    const result = await vscode.commands.executeCommand(Commands.changeAssignee, ticketId);
    assert.deepEqual(p.unexpected, []);
    assert.notEqual(result, undefined);
    assert.equal(fake.db.getTicket(ticketId)?.agentId, null);
    assert.deepEqual(fake.requests.filter((r) => r.method === 'PUT').map((r) => r.body), [{ fields: { agentId: null } }]);
  });

  it('builds the browser link from the configured origin', async () => {
    promptSwitch.use(new ScriptedPrompts());
    const url = await vscode.commands.executeCommand<string>(Commands.copyLink, 7);
    assert.equal(url, `${fixture().fake.url}/agent/tickets/7`);
    assert.equal(await vscode.env.clipboard.readText(), url);
  });
});
