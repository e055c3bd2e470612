// Start Work on Ticket in a real extension host: a real git repository (through VS Code's built-in git API), the
// fake BoldDesk receiving exactly one field change under the key owner, the commit box and the status bar item.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { Commands } from '../../src/constants';
import type { ExtensionApi } from '../../src/extensionApi';
import type { StartWorkResult } from '../../src/work/startWork';
import { activateExtension, fixture, PromptSwitch } from './fixture';
import { waitFor } from '../support/poll';
import { answer, ScriptedPrompts } from '../support/scriptedPrompts';

let ext: ExtensionApi;
let promptSwitch: PromptSwitch;

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();
}

describe('Start Work on Ticket (fake BoldDesk, real git)', function () {
  this.timeout(60000);
  let repo: string;

  before(async function () {
    if (!vscode.extensions.getExtension('vscode.git')) this.skip();
    ext = await activateExtension();
    promptSwitch = new PromptSwitch(ext);
    await ext.session.resolveIdentity();
    repo = fs.mkdtempSync(path.join(os.tmpdir(), 'bolddesk-work-'));
    git(repo, 'init', '-q', '-b', 'main');
    git(repo, 'config', 'user.email', 'dev@example.com');
    git(repo, 'config', 'user.name', 'Dev');
    fs.writeFileSync(path.join(repo, 'README.md'), 'x\n');
    git(repo, 'add', '.');
    git(repo, 'commit', '-q', '-m', 'init');
  });

  after(() => {
    promptSwitch?.restore();
    if (repo) fs.rmSync(repo, { recursive: true, force: true });
  });

  it('says what will happen, creates the branch, moves and assigns the ticket (confirmed by BoldDesk), fills the commit box', async () => {
    const { fake, agent } = fixture();
    fake.reset();
    const ticket = fake.db.tickets.find((t) => t.statusId === 1 && !t.agentId);
    assert.ok(ticket, 'an open, unassigned ticket in the fake');
    const p = promptSwitch.use(new ScriptedPrompts(answer.pick('In Progress'), answer.confirm(true)));
    const result = await vscode.commands.executeCommand<StartWorkResult>(Commands.startWork, { ticketId: ticket.id, repoRoot: vscode.Uri.file(repo) });

    const confirm = p.asked.find((q) => q.method === 'confirm');
    assert.ok(confirm, 'asked before doing anything');
    const said = `${confirm.title ?? ''}\n${confirm.prompt ?? ''}`;
    assert.ok(said.includes(result.branch) && said.includes('In Progress') && said.includes(ext.session.actingAs?.name ?? '?'), said);

    assert.ok(result.branch.startsWith(`bd-${ticket.id}-`), result.branch);
    assert.deepStrictEqual([result.createdBranch, result.statusConfirmed, result.assigneeConfirmed], [true, true, true]);
    assert.strictEqual(git(repo, 'rev-parse', '--abbrev-ref', 'HEAD'), result.branch);
    const puts = fake.requests.filter((r) => r.method === 'PUT');
    assert.deepStrictEqual(puts.map((r) => [r.path, r.body, r.agentUserId]),
      [[`/api/v1/tickets/${ticket.id}/update_fields`, { fields: { statusId: 2, agentId: agent.userId } }, agent.userId]]);

    const gitApi = vscode.extensions.getExtension('vscode.git')?.exports.getAPI(1);
    const repository = gitApi.getRepository(vscode.Uri.file(repo));
    assert.ok(repository.inputBox.value.startsWith(`BD-${ticket.id} `), repository.inputBox.value);

    // The way back: the branch names the ticket.
    await waitFor('the git extension to see the new branch', () => repository.state.HEAD?.name === result.branch);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const opened = await vscode.commands.executeCommand<number | undefined>(Commands.openTicketForBranch);
    assert.strictEqual(opened, ticket.id);
    assert.ok(ext.ticketPanels.get(ticket.id), 'the ticket panel opened');
  });

  it('checks out an existing branch and changes nothing in BoldDesk when asked to keep the status', async () => {
    const { fake } = fixture();
    fake.reset();
    const ticket = fake.db.tickets.find((t) => t.agentId);
    assert.ok(ticket);
    git(repo, 'checkout', '-q', 'main');
    promptSwitch.use(new ScriptedPrompts(answer.pick(/^Keep the status/), answer.confirm(true)));
    const first = await vscode.commands.executeCommand<StartWorkResult>(Commands.startWork, { ticketId: ticket.id, repoRoot: vscode.Uri.file(repo) });
    git(repo, 'checkout', '-q', 'main');
    promptSwitch.use(new ScriptedPrompts(answer.pick(/^Keep the status/), answer.confirm(true)));
    const again = await vscode.commands.executeCommand<StartWorkResult>(Commands.startWork, { ticketId: ticket.id, repoRoot: vscode.Uri.file(repo) });
    assert.strictEqual(first.createdBranch, true);
    assert.strictEqual(again.createdBranch, false);
    assert.strictEqual(git(repo, 'rev-parse', '--abbrev-ref', 'HEAD'), first.branch);
    assert.strictEqual(fake.requests.filter((r) => r.method === 'PUT').length, 0);
  });
  it('the ticket panel\'s Start Work button runs Start Work for that ticket', async () => {
    const { fake } = fixture();
    fake.reset();
    const ticket = fake.db.tickets.find((t) => t.agentId && t.id !== fake.db.tickets[0].id);
    assert.ok(ticket);
    git(repo, 'checkout', '-q', 'main');
    const gitApi = vscode.extensions.getExtension('vscode.git')?.exports.getAPI(1);
    // The panel names no repository: Start Work takes the one the git extension has open (this test's).
    assert.deepStrictEqual(gitApi.repositories.map((r: { rootUri: vscode.Uri }) => fs.realpathSync(r.rootUri.fsPath)), [fs.realpathSync(repo)]);
    await vscode.commands.executeCommand(Commands.openTicket, ticket.id);
    const panel = ext.ticketPanels.get(ticket.id);
    assert.ok(panel);
    const p = promptSwitch.use(new ScriptedPrompts(answer.pick(/^Keep the status/), answer.confirm(true)));
    const reply = await panel.handleMessage({ id: 4001, type: 'startWork' });
    assert.ok(reply?.ok, JSON.stringify(reply));
    assert.deepStrictEqual(p.unexpected, []);
    assert.ok(git(repo, 'rev-parse', '--abbrev-ref', 'HEAD').startsWith(`bd-${ticket.id}-`));
    assert.strictEqual(fake.requests.filter((r) => r.method === 'PUT').length, 0);
    panel.dispose();
  });
});
