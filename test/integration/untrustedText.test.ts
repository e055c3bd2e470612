// Text that others control reaches notifications, progress titles and errors as plain words, never as a live
// `[label](command:…)` link or a `$(icon)`: captured where it enters vscode.window, through the extension's real
// Prompts, for every channel of docs/SECURITY.md (ticket subject, BoldDesk's error words, a Content-Type, agent
// names, setting values). Fails on code that passes them through unneutralised.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { Commands, Settings } from '../../src/constants';
import type { ExtensionApi } from '../../src/extensionApi';
import { visibleText } from '../../src/text/untrusted';
import { activateExtension, fixture, PromptSwitch } from './fixture';
import { waitFor } from '../support/poll';
import { answer, ScriptedPrompts } from '../support/scriptedPrompts';
import { realPrompts, scriptedQuestionsRealMessages, WindowCapture, type WindowText } from './windowCapture';

/** VS Code's own link parser for notifications (vs/base/common/linkedText.ts) and its icon syntax. */
const VSCODE_LINK = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)(?: (["'])(.+?)(\3))?\)/i;
const VSCODE_ICON = /\$\([a-z0-9-]+(?:~[a-z0-9-]+)?\)/i;

let ext: ExtensionApi;
let promptSwitch: PromptSwitch;
let capture: WindowCapture;
let real: ReturnType<typeof realPrompts>;

function script(...steps: Parameters<ScriptedPrompts['then']>): ScriptedPrompts {
  const s = new ScriptedPrompts(...steps);
  promptSwitch.use(scriptedQuestionsRealMessages(real, s));
  return s;
}

/** Waits until a window text containing `fragment` (as read) was shown, and checks it is inert. */
async function shown(fragment: string, via?: WindowText['via']): Promise<string> {
  const hit = await waitFor(`a window text with ${JSON.stringify(fragment)}; got ${JSON.stringify(capture.shown)}`, () =>
    capture.shown.find((s) => (!via || s.via === via) && visibleText(s.text).includes(fragment)),
  );
  assert.doesNotMatch(hit.text, VSCODE_LINK, `a live link reached the window: ${hit.text}`);
  assert.doesNotMatch(hit.text, VSCODE_ICON, `an icon reached the window: ${hit.text}`);
  allInert();
  return hit.text;
}

/** Nothing else shown so far carried a link or an icon either (progress titles, other messages). */
function allInert(): void {
  for (const s of capture.shown) {
    assert.doesNotMatch(s.text, VSCODE_LINK, `a live link reached the window: ${s.text}`);
    assert.doesNotMatch(s.text, VSCODE_ICON, `an icon reached the window: ${s.text}`);
  }
}

function ticketNotMine(offset: number): number {
  const { fake, agent } = fixture();
  const open = fake.db.tickets.filter((t) => t.agentId !== agent.userId && !fake.db.statusById(t.statusId)?.isClosed);
  return open[open.length - 1 - offset].id;
}

describe('Untrusted text never becomes a command link in vscode.window calls (fake BoldDesk)', function () {
  this.timeout(60000);

  before(async () => {
    ext = await activateExtension();
    promptSwitch = new PromptSwitch(ext);
    await ext.session.resolveIdentity();
    real = realPrompts(ext, new ScriptedPrompts());
    capture = new WindowCapture(vscode.window);
    capture.install();
  });

  beforeEach(() => {
    capture.shown.length = 0;
  });

  afterEach(() => fixture().fake.clearFaults());

  after(async () => {
    capture.restore();
    promptSwitch.restore();
    const config = vscode.workspace.getConfiguration(Settings.section);
    await config.update(Settings.ticketReferencePattern, undefined, vscode.ConfigurationTarget.Global);
    await config.update(Settings.domain, fixture().fake.url, vscode.ConfigurationTarget.Global);
    // Leave the session as the next suites expect it: the demo key's identities read and its owner known.
    await waitFor('the identities of the fake again', async () => (await ext.session.loadIdentities()).length > 0);
    await waitFor('the acting agent', async () => (await ext.session.resolveIdentity()) ?? ext.session.actingAs);
  });

  it('a ticket subject in the auto-refresh notification', async () => {
    const { fake, agent } = fixture();
    const lists = ext.treeProvider.model.lists ?? (await ext.treeProvider.getChildren(), ext.treeProvider.model.lists) ?? [];
    await Promise.all(lists.filter((l) => l.id === 'open' || l.id === 'mine').map((l) => l.ensureLoaded()));
    script();
    await ext.loop.tick(); // absorbs earlier changes
    const subject = '[Open](command:bolddesk.setDomain?%22evil.example%22)';
    const other = fake.agents.find((a) => a.userId !== agent.userId);
    assert.ok(other);
    const id = ticketNotMine(0);
    fake.db.updateTicket(fake.db.getTicket(id)!, { subject, agentId: agent.userId }, other.userId, Date.now());
    await ext.loop.tick();
    await shown(subject, 'info');
  });

  it("BoldDesk's error words and field errors", async () => {
    const { fake } = fixture();
    const id = ticketNotMine(1);
    const t = fake.db.getTicket(id)!;
    const target = fake.db.statuses.find((s) => s.id !== t.statusId && !s.isClosed)!;
    const words = '[Fix it](command:workbench.action.terminal.new)';
    fake.addFault({
      fault: { type: 'status', status: 400, body: { message: words, errors: [{ field: 'statusId', errorMessage: `${words} now` }] } },
      method: 'PUT', path: 'update_fields$', times: 1,
    });
    script(answer.pick(target.name));
    await vscode.commands.executeCommand(Commands.changeStatus, id);
    await shown('command:workbench.action.terminal.new', 'error');
  });

  it("a non-JSON answer's Content-Type", async () => {
    const { fake } = fixture();
    const id = ticketNotMine(2);
    const t = fake.db.getTicket(id)!;
    const target = fake.db.priorities.find((p) => p.id !== t.priorityId)!;
    const type = 'text/[x](command:bolddesk.removeApiKey)';
    fake.addFault({ fault: { type: 'status', status: 200, body: 'not json', headers: { 'content-type': type } }, method: 'PUT', path: 'update_fields$', times: 1 });
    script(answer.pick(target.name));
    await vscode.commands.executeCommand(Commands.changePriority, id);
    await shown('command:bolddesk.removeApiKey', 'error');
  });

  it('an agent name in the progress title and the "assignee set to" message', async () => {
    const { fake, agent } = fixture();
    const other = fake.db.agents.find((a) => a.userId !== agent.userId)!;
    const before = other.name;
    other.name = '[Agent](command:bolddesk.setApiKey?%5B%22k%22%5D) $(key)';
    try {
      ext.session.clearCaches();
      script(answer.search(other.email, other.name));
      await vscode.commands.executeCommand(Commands.changeAssignee, ticketNotMine(3));
      await shown('command:bolddesk.setApiKey', 'progress');
      await shown('command:bolddesk.setApiKey', 'info');
    } finally {
      other.name = before;
    }
  });

  it('an invalid ticket reference pattern is not echoed', async () => {
    void ext.references; // the provider that reads the pattern
    const pattern = '[Run](command:workbench.action.terminal.new)(';
    await vscode.workspace.getConfiguration(Settings.section).update(Settings.ticketReferencePattern, pattern, vscode.ConfigurationTarget.Global);
    const text = await shown('ticket reference pattern', 'warning');
    assert.ok(!visibleText(text).includes('command:'), `the pattern was echoed: ${text}`);
  });

  it('an invalid domain setting, echoed by a command, stays text', async () => {
    const id = ticketNotMine(4);
    await vscode.workspace.getConfiguration(Settings.section).update(Settings.domain, '[x](command:bolddesk.setApiKey)', vscode.ConfigurationTarget.Global);
    script();
    await vscode.commands.executeCommand(Commands.changeStatus, id);
    await shown('domain', 'error');
  });
});

describe('A command link never silently redirects keys (fake BoldDesk)', function () {
  this.timeout(30000);

  it('Set Domain with an argument asks first, naming the origin, and changes nothing when declined', async () => {
    const e = await activateExtension();
    const switcher = new PromptSwitch(e);
    const before = e.session.origin;
    try {
      const p = switcher.use(new ScriptedPrompts(answer.confirm(false)));
      assert.equal(await vscode.commands.executeCommand(Commands.setDomain, 'evil-lookalike.example.com'), undefined);
      const asked = p.asked.find((q) => q.method === 'confirm');
      assert.ok(asked, `a confirmation was asked: ${JSON.stringify(p.asked)}`);
      assert.ok(`${asked.title} ${asked.prompt}`.includes('https://evil-lookalike.example.com'), JSON.stringify(asked));
      assert.equal(e.session.origin, before, 'the domain is unchanged');
    } finally {
      switcher.restore();
      await vscode.workspace.getConfiguration(Settings.section).update(Settings.domain, fixture().fake.url, vscode.ConfigurationTarget.Global);
    }
  });
});
