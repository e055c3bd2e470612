// The columns of the fault matrix: each user action, driven through the real extension (commands, the tree's
// provider, the ticket panel's message handler). `run` injects the fault for the action's own requests,
// asserts what the user sees, what is kept, that nothing is sent twice and that it recovers, and returns that
// as a row of docs/RELIABILITY.md.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { Commands } from '../../../src/constants';
import type { ExtensionApi } from '../../../src/extensionApi';
import type { ExtensionMessage } from '../../../src/views/ticketPanel/protocol';
import type { FakeBoldDesk } from '../../fake-bolddesk';
import { draftKey, type DraftKind } from '../../../src/drafts/draftStore';
import { createSteps, dropUnsentTicket, fakeOrigin, fixture, type PromptSwitch, trusted } from '../fixture';
import { FAULTS, type FaultCase } from './reliabilityFaults';
import { ArmingPrompts, assertClean, normalise, problems, settle, type TreeReader, waitFor } from './reliabilitySupport';
import { answer, ScriptedPrompts, type ScriptStep } from '../../support/scriptedPrompts';
import { typeInto } from '../../support/typeInto';

export interface Cell {
  action: string;
  fault: string;
  /** The one message the user gets (tree label, notification or panel text), host and seconds normalised. */
  sees: string;
  /** What it offers to do next (node click, notification buttons). */
  offers: string;
  kept: string;
  duplicates: string;
  recovery: string;
}

/** What an action reports; the matrix adds which action and fault it was. */
export type CellBody = Omit<Cell, 'action' | 'fault'>;

export interface MatrixContext {
  ext: ExtensionApi;
  tree: TreeReader;
  prompts: PromptSwitch;
}

export interface Action {
  id: string;
  name: string;
  run(c: MatrixContext, f: FaultCase): Promise<CellBody>;
}

const fake = (): FakeBoldDesk => fixture().fake;
const writes = (method: string, path: RegExp) => fake().requests.filter((r) => r.method === method && path.test(r.path)).length;
/** Stable tickets of the seeded fake for the actions that act on one ticket. */
const ticketAt = (i: number) => fake().db.tickets[i].id;
/** A ticket of its own per fault (from `base` on), so one failed cell cannot spoil the next. */
const ticketFor = (base: number, f: FaultCase) => ticketAt(base + FAULTS.indexOf(f));
/** Write requests a fault lets reach the fake: one, or none when the connection is refused. */
const expectedWrites = (f: FaultCase) => (f.neverArrives ? 0 : 1);
const sentText = (f: FaultCase, what: string) => (f.neverArrives ? `0 ${what} arrived (refused)` : `1 ${what}, not retried`);

/** A tree message node: exactly one, clean, matching the fault, and it says or offers what to do. */
function checkNode(c: MatrixContext, nodes: ReturnType<TreeReader['messages']>, f: FaultCase, where: string) {
  assert.strictEqual(nodes.length, 1, `${where}: one message node, got [${nodes.map((n) => c.tree.label(n)).join(' | ')}]`);
  const d = c.tree.describe(nodes[0]);
  assertClean(d.label, where);
  assertClean(d.tooltip, `${where} (tooltip)`);
  assert.match(d.label, f.short, where);
  assert.ok(d.action || /— .*(Refresh|Set |ask |check|retrying|try)/i.test(d.label), `${where}: "${d.label}" neither says nor offers what to do`);
  return { sees: normalise(d.label), offers: d.action ? `click: ${d.action}` : '(in the label)' };
}

/** A command's failure: exactly one error/warning, clean; "may have" wording when the outcome is unknown. */
async function checkNotice(p: ScriptedPrompts, f: FaultCase, where: string, unknown: RegExp, definite: RegExp) {
  const shown = await p.waitForMessage((m) => m.level !== 'info');
  await settle();
  assert.strictEqual(problems(p).length, 1, `${where}: one message, got ${JSON.stringify(problems(p))}`);
  assertClean(shown.message, where);
  if (f.unknownOutcome) {
    assert.match(shown.message, unknown, `${where}: must say it may have gone through`);
  } else {
    assert.match(shown.message, f.long, where);
    assert.match(shown.message, definite, where);
  }
  return { sees: normalise(`${shown.level}: ${shown.message}`), offers: shown.actions.join(', ') || '(none)' };
}

const loadView: Action = {
  id: 'loadView',
  name: 'Load view (Refresh)',
  async run(c, f) {
    await f.arm(fake(), { method: 'GET', path: /./ });
    await c.ext.treeProvider.refresh();
    const roots = await c.tree.roots();
    assert.strictEqual(roots.length, 1, `only the error node at the root: [${roots.map((n) => c.tree.label(n)).join(' | ')}]`);
    const seen = checkNode(c, c.tree.messages(roots), f, 'root');
    await f.disarm(fake());
    if (f.selfHealing) {
      await waitFor('the view to reload by itself', async () => (await c.tree.roots()).some((n) => c.tree.label(n) === 'All open'));
    } else {
      await vscode.commands.executeCommand(Commands.refresh);
    }
    const open = await c.tree.children(await c.tree.category('All open'));
    assert.ok(c.tree.tickets(open).length > 0 && c.tree.messages(open).length === 0, 'tickets again, no error');
    return { ...seen, kept: 'n/a (nothing typed)', duplicates: 'n/a (reads)', recovery: f.selfHealing ? 'by itself after the wait' : 'Refresh' };
  },
};

const loadMore: Action = {
  id: 'loadMore',
  name: 'Load more',
  async run(c, f) {
    c.ext.treeProvider.setFilter(undefined); // fresh lists: page 1 only
    const category = await c.tree.category('All open');
    const first = c.tree.tickets(await c.tree.children(category)).map((n) => c.tree.label(n));
    assert.ok(first.length > 0);
    const clickLoadMore = async () => {
      const node = c.tree.ofKind(await c.tree.children(category), 'loadMore')[0];
      assert.ok(node, 'a Load more node');
      const cmd = c.tree.item(node).command;
      await vscode.commands.executeCommand(cmd?.command ?? '', ...(cmd?.arguments ?? []));
    };
    const p = c.prompts.use(new ScriptedPrompts());
    await f.arm(fake(), { method: 'GET', path: /^\/api\/v1\/tickets$/ });
    await clickLoadMore();
    const after = await c.tree.children(category);
    const seen = checkNode(c, c.tree.messages(after), f, 'Load more');
    assert.deepStrictEqual(c.tree.tickets(after).map((n) => c.tree.label(n)), first, 'the loaded page stays');
    assert.deepStrictEqual(problems(p), [], 'no pop-up besides the node');
    await f.disarm(fake());
    if (f.selfHealing) {
      await waitFor('the list to retry by itself', async () => c.tree.messages(await c.tree.children(category)).length === 0);
    }
    await clickLoadMore();
    const ids = c.tree.tickets(await c.tree.children(category)).map((n) => c.tree.label(n));
    assert.ok(ids.length > first.length, 'the next page arrived');
    assert.strictEqual(new Set(ids).size, ids.length, 'no duplicate ticket nodes');
    return {
      ...seen,
      kept: `the ${first.length} tickets already shown`,
      duplicates: 'none (ids unique after retry)',
      recovery: f.selfHealing ? 'retries by itself; Load more again' : 'Load more again',
    };
  },
};

const openTicket: Action = {
  id: 'openTicket',
  name: 'Open ticket',
  async run(c, f) {
    const id = ticketAt(6);
    await f.arm(fake(), { method: 'GET', path: /^\/api\/v1\/(tickets\/\d+(\/(updates|notes))?|\d+\/messages)$/ });
    await vscode.commands.executeCommand(Commands.openTicket, id);
    const panel = c.ext.ticketPanels.get(id);
    assert.ok(panel, 'the panel opens even when BoldDesk fails');
    // What the panel shows is what it posts to its webview: record those messages.
    const posted: ExtensionMessage[] = [];
    const webview = panel.panel.webview;
    const original = webview.postMessage.bind(webview);
    webview.postMessage = (m: ExtensionMessage) => {
      posted.push(m);
      return original(m);
    };
    const failed = await waitFor('the load to fail', () => posted.find((m) => m.type === 'loadFailed'), 30000);
    await settle();
    assert.strictEqual(posted.filter((m) => m.type === 'loadFailed').length, 1, 'one failure message');
    const message = failed.type === 'loadFailed' ? failed.message : '';
    assertClean(message, 'panel');
    assert.match(message, f.long, 'panel');
    await f.disarm(fake());
    const reply = await panel.handleMessage({ id: 9001, type: 'refresh' });
    assert.ok(reply?.ok, `Refresh in the panel recovers: ${JSON.stringify(reply)}`);
    assert.strictEqual(panel.controller.loaded?.ticket.id, id);
    panel.dispose();
    return { sees: normalise(`panel: ${message}`), offers: 'Refresh in the panel', kept: 'n/a (nothing typed)', duplicates: 'n/a (reads)', recovery: 'Refresh in the panel' };
  },
};

function createAnswers(subject: string): ScriptStep[] {
  const contact = fake().db.contacts[0];
  return [
    ...createSteps({ subject, description: 'Body', priority: 'High', requester: [answer.search(contact.email, contact.email)], brand: 'Acme Mobile', category: 'Billing' }),
    answer.pick('Create ticket'),
  ];
}

const createTicket: Action = {
  id: 'createTicket',
  name: 'Create ticket',
  async run(c, f) {
    const subject = `Reliability create ${f.id}`;
    // Start clean even if an earlier cell failed half-way: drop a create left to "Continue".
    await dropUnsentTicket(c.prompts);
    const creates = () => writes('POST', /^\/api\/v1\/tickets$/);
    const p = c.prompts.use(new ArmingPrompts(...createAnswers(subject)));
    p.armOn = /^Creating ticket/;
    p.onProgress = () => f.arm(fake(), { method: 'POST', path: /^\/api\/v1\/tickets$/ });
    assert.strictEqual(await vscode.commands.executeCommand(Commands.createTicket), undefined);
    assert.deepStrictEqual(p.unexpected, []);
    const seen = await checkNotice(p, f, 'create', /may have been created.*typed is kept/, /not created; what you typed is kept/);
    assert.strictEqual(creates(), expectedWrites(f), 'one POST, not retried');
    await f.disarm(fake());
    // Create again: it offers what was typed, prefilled; it is sent once and BoldDesk holds it once.
    const again = c.prompts.use(new ScriptedPrompts(answer.pick('Continue the ticket you started'), ...createAnswers(subject)));
    const id = await vscode.commands.executeCommand<number>(Commands.createTicket);
    assert.deepStrictEqual(again.unexpected, []);
    assert.strictEqual(again.asked.find((q) => q.prompt === 'Subject')?.value, subject, 'the subject is offered again');
    assert.strictEqual(typeof id, 'number');
    assert.strictEqual(fake().db.tickets.filter((t) => t.subject === subject).length, 1, 'one ticket in BoldDesk');
    return {
      ...seen,
      kept: 'all answers (offered again, prefilled)',
      duplicates: `${sentText(f, 'POST')}; ${f.unknownOutcome ? 'told to check first' : 'told it was not created'}`,
      recovery: 'Create again → Continue → created once',
    };
  },
};


const storedDraft = (c: MatrixContext, kind: string, id: number) => c.ext.context.globalState.get<{ text: string }>(draftKey({ kind: kind as DraftKind, ticketId: id }, fakeOrigin()))?.text;
const heldOnce = (id: number, text: string) => (fake().db.getTicket(id)?.messages ?? []).filter((m) => m.description === `<p>${text}</p>`).length;

const reply: Action = {
  id: 'reply',
  name: 'Reply (draft + Send)',
  async run(c, f) {
    const id = ticketFor(10, f);
    const text = `Reliability reply ${f.id}`;
    const path = new RegExp(`^/api/v1/tickets/${id}/updates$`);
    c.prompts.use(new ScriptedPrompts());
    const uri = await vscode.commands.executeCommand<string>(Commands.addReply, id);
    const doc = await typeInto(uri, text);
    const p = c.prompts.use(new ArmingPrompts());
    p.armOn = /^Sending reply/;
    p.onProgress = () => f.arm(fake(), { method: 'POST', path });
    assert.strictEqual(await vscode.commands.executeCommand(Commands.sendDraft, trusted(vscode.Uri.parse(uri))), undefined);
    const seen = await checkNotice(p, f, 'reply', /may have been sent.*text is kept/, /not sent; your text is kept/);
    assert.strictEqual(writes('POST', path), expectedWrites(f), 'one POST, not retried');
    assert.strictEqual(doc.getText(), text, 'the draft tab keeps the text');
    // Persisted too (sendDraft saves first; should that save not land, the 400 ms autosave does).
    await waitFor(`the stored draft to hold the text (dirty: ${doc.isDirty})`, () => storedDraft(c, 'reply', id) === text, 3000);
    await f.disarm(fake());
    const sent = await vscode.commands.executeCommand<number>(Commands.sendDraft, trusted(vscode.Uri.parse(uri)));
    assert.strictEqual(typeof sent, 'number', 'sending again works');
    assert.strictEqual(heldOnce(id, text), 1, 'BoldDesk holds the reply once');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    return {
      ...seen,
      kept: 'draft tab text + stored draft',
      duplicates: `${sentText(f, 'POST')}; ${f.unknownOutcome ? 'told to check first' : 'told it was not sent'}`,
      recovery: 'Send again → sent once',
    };
  },
};

const note: Action = {
  id: 'note',
  name: 'Private note (ticket panel)',
  async run(c, f) {
    const id = ticketFor(25, f);
    const text = `Reliability note ${f.id}`;
    const path = new RegExp(`^/api/v1/tickets/${id}/notes$`);
    await vscode.commands.executeCommand(Commands.openTicket, id);
    const panel = c.ext.ticketPanels.get(id);
    assert.ok(panel);
    await waitFor('the panel to load', () => panel.controller.loaded);
    await f.arm(fake(), { method: 'POST', path });
    const failed = await panel.handleMessage({ id: 9101, type: 'send', kind: 'note', text });
    assert.ok(failed && !failed.ok, 'the send fails');
    const message = failed.ok ? '' : failed.error.message;
    assertClean(message, 'panel note');
    if (f.unknownOutcome) {
      assert.match(message, /may have been sent.*text is kept/);
      assert.strictEqual(!failed.ok && failed.error.outcomeUnknown, true);
    } else {
      assert.match(message, f.long);
      assert.match(message, /Your text is kept/);
    }
    assert.strictEqual(writes('POST', path), expectedWrites(f), 'one POST, not retried');
    assert.strictEqual(storedDraft(c, 'note', id), text, 'the note is kept as a draft');
    await f.disarm(fake());
    const ok = await panel.handleMessage({ id: 9102, type: 'send', kind: 'note', text });
    assert.ok(ok?.ok, `sending again works: ${JSON.stringify(ok)}`);
    assert.strictEqual(heldOnce(id, text), 1, 'BoldDesk holds the note once');
    panel.dispose();
    return {
      sees: normalise(`panel: ${message}`),
      offers: 'Send again (text still in the composer)',
      kept: 'composer text (stored draft)',
      duplicates: `${sentText(f, 'POST')}; ${f.unknownOutcome ? 'told to check first' : 'told it was not sent'}`,
      recovery: 'Send again → sent once',
    };
  },
};

const changeField: Action = {
  id: 'changeField',
  name: 'Change status',
  async run(c, f) {
    const id = ticketFor(40, f);
    const statusNow = () => fake().db.getTicket(id)?.statusId;
    const target = fake().db.statuses.find((s) => s.id !== statusNow());
    assert.ok(target);
    const path = new RegExp(`^/api/v1/tickets/${id}/update_fields$`);
    const p = c.prompts.use(new ArmingPrompts(answer.pick(target.name)));
    p.armOn = /^Setting the status/;
    p.onProgress = () => f.arm(fake(), { method: 'PUT', path });
    const result = await vscode.commands.executeCommand(Commands.changeStatus, id);
    assert.strictEqual(writes('PUT', path), expectedWrites(f), 'one PUT, not retried');
    if (f.putSucceeds) {
      // A 2xx is accepted (the body need not say isSuccess), but the ticket is read back before anything is said:
      // here the fault answered instead of BoldDesk, the status did not change, and the user is told so
      // (docs/BOLDDESK-API.md, "Field changes"), never "status set".
      assert.strictEqual(result, false);
      const [warning] = problems(p);
      assert.match(warning?.message ?? '', /did not change the status/);
      assert.deepStrictEqual(warning?.actions, ['Open in Browser']);
      assert.notStrictEqual(statusNow(), target.id);
      await f.disarm(fake());
      return { sees: 'warning: BoldDesk did not change the status (re-read)', offers: 'Open in Browser', kept: 'n/a', duplicates: '1 PUT', recovery: 'Change again → changed' };
    }
    assert.strictEqual(result, undefined);
    const seen = await checkNotice(p, f, 'change status', /may or may not have been saved|probably saved/, /./);
    await f.disarm(fake());
    c.prompts.use(new ScriptedPrompts(answer.pick(target.name)));
    assert.strictEqual(await vscode.commands.executeCommand(Commands.changeStatus, id), true, 'changing again works');
    assert.strictEqual(statusNow(), target.id);
    return {
      ...seen,
      kept: 'n/a (a pick)',
      duplicates: `${sentText(f, 'PUT')}; ${f.unknownOutcome ? 'told it may or may not have changed' : 'nothing changed'}`,
      recovery: 'Change again → changed',
    };
  },
};

export const ACTIONS: Action[] = [loadView, loadMore, openTicket, createTicket, reply, note, changeField];
