// Create Ticket from Selection in a real extension host: the description BoldDesk receives for a selection in
// a git repository (commit and a GitHub link to the lines, found through VS Code's built-in git extension) and
// for a file outside any repository. Questions are answered by ScriptedPrompts; the body is read from the fake.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { Commands } from '../../src/constants';
import type { ExtensionApi } from '../../src/extensionApi';
import { activateExtension, dropUnsentTicket, fixture, PromptSwitch } from './fixture';
import { answer, ScriptedPrompts, type ScriptStep } from '../support/scriptedPrompts';
import type { PickStepOptions } from '../../src/ui/prompts';
import type { Back } from '../../src/ui/back';

let ext: ExtensionApi;
let promptSwitch: PromptSwitch;
const tempDirs: string[] = [];

const CODE = Array.from({ length: 30 }, (_, i) => `const v${i + 1} = ${i + 1} < 2 && "x";`).join('\n') + '\n';

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();
}

function tempDir(): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'bolddesk-sel-')));
  tempDirs.push(dir);
  return dir;
}

/** Opens the file and selects lines `from`..`to` (1-based, whole lines). */
async function select(file: string, from: number, to: number): Promise<void> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  const editor = await vscode.window.showTextDocument(doc);
  editor.selection = new vscode.Selection(from - 1, 0, to - 1, doc.lineAt(to - 1).text.length);
}

/** Runs the command through the whole flow; returns the description BoldDesk received. */
async function createFromSelection(): Promise<string> {
  const { fake } = fixture();
  const contact = fake.db.contacts[1];
  const p = new ScriptedPrompts(
    answer.input('Crash in the value table'),
    answer.write('It throws.'),
    answer.pick(/^Continue with the description/),
    answer.pick(/^Add the code context/),
    answer.pick('High'),
    answer.search(contact.email, contact.email),
    answer.pick('Brand'), answer.pick('Acme Mobile'),
    answer.pick('Category'), answer.pick('Billing'),
    answer.pick('Create ticket'),
  );
  promptSwitch.use(p);
  fake.reset();
  const id = await vscode.commands.executeCommand<number | undefined>(Commands.createTicketFromSelection);
  assert.deepEqual(p.unexpected, []);
  assert.equal(typeof id, 'number', JSON.stringify(p.messages));
  const create = fake.requests.find((r) => r.method === 'POST' && r.path === '/api/v1/tickets');
  assert.ok(create);
  return (create.body as { description: string }).description;
}

/** Answers from the script; when the code-context step waits for the edited text, runs `whileEditing`, then cancels. */
class CancelWhileEditing extends ScriptedPrompts {
  constructor(private readonly whileEditing: () => Promise<void>, ...steps: ScriptStep[]) {
    super(...steps);
  }

  override async pickStep<T>(o: PickStepOptions<T>): Promise<T | Back | undefined> {
    if (!o.items.some((i) => /as edited in the editor/.test(i.label))) return super.pickStep(o);
    await this.whileEditing();
    return undefined; // Escape
  }
}

function tabsOf(uri: vscode.Uri): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === uri.toString());
}

describe('Create Ticket from Selection (fake BoldDesk)', function () {
  this.timeout(60000);

  before(async () => {
    ext = await activateExtension();
    promptSwitch = new PromptSwitch(ext);
  });

  after(async () => {
    promptSwitch.restore();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const d of tempDirs) fs.rmSync(d, { recursive: true, force: true });
  });

  it('in a git repository: path, lines, HEAD commit, a GitHub link to the lines and the escaped code', async function () {
    const git1 = vscode.extensions.getExtension('vscode.git');
    if (!git1) this.skip(); // the unit tests cover the builder with injected repository info
    const repo = tempDir();
    git(repo, 'init', '-q');
    git(repo, 'config', 'user.email', 'dev@example.com');
    git(repo, 'config', 'user.name', 'Dev');
    fs.mkdirSync(path.join(repo, 'src'));
    fs.writeFileSync(path.join(repo, 'src', 'app.ts'), CODE);
    git(repo, 'add', '.');
    git(repo, 'commit', '-q', '-m', 'init');
    git(repo, 'remote', 'add', 'origin', 'https://github.com/acme/app.git');
    const sha = git(repo, 'rev-parse', 'HEAD');

    await select(path.join(repo, 'src', 'app.ts'), 10, 12);
    const description = await createFromSelection();

    assert.ok(description.startsWith('<p>It throws.</p>'), description);
    assert.ok(description.includes('File: src/app.ts, lines 10–12'), description);
    assert.ok(description.includes(`Commit: ${sha}`), description);
    const link = `https://github.com/acme/app/blob/${sha}/src/app.ts#L10-L12`;
    assert.ok(description.includes(`<a href="${link}">${link}</a>`), description);
    assert.ok(
      description.includes(
        '<pre><code class="language-typescript">const v10 = 10 &lt; 2 &amp;&amp; &quot;x&quot;;\n' +
          'const v11 = 11 &lt; 2 &amp;&amp; &quot;x&quot;;\nconst v12 = 12 &lt; 2 &amp;&amp; &quot;x&quot;;</code></pre>',
      ),
      description,
    );
    assert.ok(!description.includes(repo), 'no absolute path reaches BoldDesk');
  });

  it('outside a repository: the file name, the lines and the code, no commit or link', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'plain.ts');
    fs.writeFileSync(file, CODE);
    await select(file, 3, 3);
    const description = await createFromSelection();
    assert.ok(description.includes('File: plain.ts, line 3'), description);
    assert.ok(!/Commit:|Link:/.test(description), description);
    assert.ok(description.includes('<pre><code class="language-typescript">const v3 = 3 &lt; 2'), description);
    assert.ok(!description.includes(dir), 'no absolute path reaches BoldDesk');
  });

  it('cancelling after editing the code context closes its editor without moving the focus or touching the user\'s file', async () => {
    // The web workbench saves after a delay by default; off, a revert of the user's unsaved work would show.
    const files = vscode.workspace.getConfiguration('files');
    await files.update('autoSave', 'off', vscode.ConfigurationTarget.Global);
    const dir = tempDir();
    const file = path.join(dir, 'mine.ts');
    fs.writeFileSync(file, CODE);
    await select(file, 3, 4);
    const mine = vscode.window.activeTextEditor;
    assert.ok(mine);
    const userDoc = mine.document;
    // Unsaved work in the user's file: a revert or an edit of the wrong editor would show here.
    assert.ok(await mine.edit((b) => b.insert(new vscode.Position(0, 0), '// unsaved work\n')));
    const selection = mine.selection;
    const userText = userDoc.getText();
    // Only what this flow leaves behind counts (an earlier suite may have left its own unsaved document).
    const dirtyBefore = new Set(vscode.workspace.textDocuments.filter((d) => d.isDirty));

    let scratch: vscode.TextDocument | undefined;
    const focusDuringCleanup: string[] = [];
    let watch: vscode.Disposable | undefined;
    const p = new CancelWhileEditing(
      async () => {
        // The code context is open beside the code, with the focus; the user edits it…
        const editor = vscode.window.activeTextEditor;
        assert.ok(editor && editor.document !== userDoc, 'the code context opens in its own editor');
        scratch = editor.document;
        assert.ok(await editor.edit((b) => b.insert(new vscode.Position(0, 0), 'Edited. ')));
        // …goes back to their file, and presses Escape: from now on the focus is theirs.
        await vscode.window.showTextDocument(userDoc, { viewColumn: mine.viewColumn, preserveFocus: false });
        watch = vscode.window.onDidChangeActiveTextEditor((e) => {
          focusDuringCleanup.push(e ? e.document.uri.toString() : '(none)');
          // The user keeps typing in their file: whatever took the focus, they click back into it.
          if (e && e.document !== userDoc) void vscode.window.showTextDocument(userDoc, { viewColumn: mine.viewColumn });
        });
      },
      answer.input('Crash in the value table'),
      answer.write('It throws.'),
      answer.pick(/^Continue with the description/),
      answer.pick(/^Edit the code context/),
    );
    promptSwitch.use(p);
    const { fake } = fixture();
    fake.reset();
    try {
      assert.equal(await vscode.commands.executeCommand(Commands.createTicketFromSelection), undefined);
      await new Promise((r) => setTimeout(r, 300)); // let any late focus change arrive
      assert.deepEqual(p.unexpected, []);
      assert.ok(!userDoc.isClosed, 'the user\'s file stays open');
      assert.ok(userDoc.isDirty, 'the user\'s unsaved work is not reverted');
      assert.equal(userDoc.getText(), userText);
      assert.deepEqual(vscode.window.activeTextEditor?.selection, selection);
      assert.equal(fs.readFileSync(file, 'utf8'), CODE, 'nothing was written to the user\'s file');
      assert.deepEqual(focusDuringCleanup, [], 'the cleanup never moved the focus');
      assert.equal(vscode.window.activeTextEditor?.document, userDoc);
      assert.ok(scratch);
      assert.deepEqual(tabsOf(scratch.uri), [], 'the code-context editor is closed');
      assert.ok(!vscode.workspace.textDocuments.some((d) => d.isDirty && d !== userDoc && !dirtyBefore.has(d)), 'no other unsaved document is left behind');
      assert.ok(!fake.requests.some((r) => r.method === 'POST'), 'nothing was sent');
    } finally {
      watch?.dispose();
      if (!userDoc.isClosed) {
        await vscode.window.showTextDocument(userDoc);
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      }
      await files.update('autoSave', undefined, vscode.ConfigurationTarget.Global);
      // The cancelled answers are kept for "Continue the ticket you started": drop them, so the next suite's
      // Create Ticket starts as a first one would.
      await dropUnsentTicket(promptSwitch);
    }
  });

  it('without a selection says what to do and sends nothing', async () => {
    const p = new ScriptedPrompts();
    promptSwitch.use(p);
    const doc = await vscode.workspace.openTextDocument({ content: 'x' });
    await vscode.window.showTextDocument(doc);
    fixture().fake.reset();
    assert.equal(await vscode.commands.executeCommand(Commands.createTicketFromSelection), undefined);
    assert.ok(p.messages.some((m) => /Select some code/.test(m.message)));
    assert.equal(fixture().fake.requests.length, 0);
  });
});
