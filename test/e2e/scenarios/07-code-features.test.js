// Scenario 7 — where developers work: a ticket reference in an editor shows the ticket on hover, and a selection
// in a committed file of a git checkout (GitHub origin) becomes the start of a new ticket: the flow's code-context
// step offers the file, lines, commit, a link to the lines and the code, shown whole in an editor; cancelling sends
// nothing. Runs on the shared workbench (demo key stored).
const assert = require('assert');
const { describe, it, before } = require('mocha');
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const { sharedTicketsView, fake, screenshotOnFailure, ROOT } = require('../support/context');
const { allOpenTickets, requestsSince } = require('../support/expect');

// The file the selection comes from; lines SELECTED[0]..SELECTED[1] are selected.
const RETRY_TS = [
  '// Calls the payment gateway again when it times out.',
  'export async function withRetry<T>(call: () => Promise<T>, attempts = 3): Promise<T> {',
  '  let lastError: unknown;',
  '  for (let i = 0; i < attempts || attempts === 0; i++) {',
  '    try {',
  '      return await call();',
  '    } catch (error) {',
  '      lastError = error;',
  '      await new Promise((resolve) => setTimeout(resolve, 2 ** i * 100));',
  '    }',
  '  }',
  '  throw lastError;',
  '}',
  '',
].join('\n');
const SELECTED = [4, 10];

describe('Tickets in code', function () {
  let handle;
  let wb;
  screenshotOnFailure(() => handle && handle.page);

  before(async function () {
    this.timeout(5 * 60 * 1000);
    ({ handle, wb } = await sharedTicketsView({ widen: false, clearNotifications: false }));
  });

  it('shows the ticket when hovering a BD-1234 reference in an editor', async () => {
    const ticket = allOpenTickets()[3];
    await wb.runCommand('File: New Untitled Text File');
    await wb.editor.typeLines([`BD-${ticket.id}`, '// retry twice until the ticket above is fixed']);
    const from = fake().requests.length;
    await handle.page.locator('.view-lines span', { hasText: new RegExp(`^BD-${ticket.id}$`) }).last().hover();
    const hover = handle.page.locator('.monaco-hover', { hasText: ticket.subject });
    await hover.waitFor();
    await handle.page.screenshot({ path: path.join(ROOT, 'docs', 'screenshots', 'reference-hover.png') }); // with the hover
    const lookups = requestsSince(from, 'GET').filter((r) => r.path === `/api/v1/tickets/${ticket.id}`);
    assert.strictEqual(lookups.length, 1, 'one lookup for the hovered ticket');
  });

  it('starts a ticket from the selected code: file, lines, commit, link and code are prefilled', async () => {
    // A small project in the workspace, committed, with a GitHub origin (what a developer's checkout looks like).
    const repo = handle.server.workspace;
    const file = path.join('src', 'checkout', 'retry.ts');
    fs.mkdirSync(path.join(repo, 'src', 'checkout'), { recursive: true });
    fs.writeFileSync(path.join(repo, file), RETRY_TS);
    const git = (...args) => execFileSync('git', ['-c', 'user.name=Ana Agent', '-c', 'user.email=ana@example.com', ...args],
      { cwd: repo, encoding: 'utf8' }).trim();
    git('init', '-q');
    git('add', '.');
    git('commit', '-q', '-m', 'Retry payment calls');
    git('remote', 'add', 'origin', 'https://github.com/acme/shop.git');
    const sha = git('rev-parse', 'HEAD');
    const code = RETRY_TS.split('\n').slice(SELECTED[0] - 1, SELECTED[1]);
    const from = fake().requests.length;

    // Open the file (Go to File), select lines 4–10 with the keyboard.
    await wb.runCommand('View: Revert and Close Editor'); // the untitled file of the hover test, unsaved
    await wb.editor.tabs.filter({ hasText: 'Untitled' }).first().waitFor({ state: 'detached' });
    await wb.editor.closeAll(wb);
    await wb.tickets.collapse('All open'); // a shorter tree for the screenshot
    await wb.runCommand('Go to File...');
    await wb.quickInput.pick('retry.ts', { filter: 'retry.ts' });
    await wb.editor.waitForTab('retry.ts');
    await wb.editor.waitForText('withRetry');
    await wb.runCommand('Go to Line/Column...');
    await wb.quickInput.submit(`:${SELECTED[0]}`);
    await wb.quickInput.waitClosed();
    for (let i = SELECTED[0]; i <= SELECTED[1]; i++) await handle.page.keyboard.press('Shift+ArrowDown');
    await handle.page.locator('.monaco-editor .selected-text').first().waitFor();

    // Not wb.runCommand: its Escape would clear the selection the command needs.
    await handle.page.keyboard.press('F1');
    const qi = wb.quickInput;
    await qi.waitOpen();
    await qi.type('>BoldDesk: Create Ticket from Selection');
    await qi.pick('BoldDesk: Create Ticket from Selection', { exact: true });
    // The default brand is used without asking; the description is written in its own editor.
    await qi.waitForStep(1);
    await qi.submit('Checkout retries forever when the gateway times out');
    await qi.waitForStep(2);
    await wb.editor.waitForTab('Description.md');
    await qi.row('Continue with the description from the editor').first().waitFor();
    await wb.editor.typeLines(['Customers see a spinner for minutes; the retry below never gives up on a 504.']);
    await qi.pick('Continue with the description from the editor');

    // The code-context step: what was prefilled from the selection, offered as it is, to edit, or to leave out.
    await qi.waitForStep(3);
    const include = qi.row('Add the code context below the description').first();
    await include.waitFor();
    const headline = `File: ${file.split(path.sep).join('/')}, lines ${SELECTED[0]}–${SELECTED[1]}`;
    assert.ok((await include.getAttribute('aria-label')).includes(headline), `the step names ${headline}: ${await include.getAttribute('aria-label')}`);
    await qi.pick('Edit the code context in an editor');
    // The whole context opens in an editor beside the code; the step waits with "Use … as edited".
    await qi.row('Use the code context as edited in the editor').first().waitFor();
    await wb.editor.waitForText(headline);
    // Long lines wrap on screen: compare without whitespace.
    const shown = (await wb.editor.visibleText()).replace(/\s+/g, '');
    const link = `https://github.com/acme/shop/blob/${sha}/src/checkout/retry.ts#L${SELECTED[0]}-L${SELECTED[1]}`;
    for (const part of [headline, `Commit: ${sha}`, `Link: ${link}`, '```typescript', ...code.map((l) => l.trim()).filter(Boolean)]) {
      assert.ok(shown.includes(part.replace(/\s+/g, '')), `the prefilled code context shows ${part}:\n${await wb.editor.visibleText()}`);
    }
    await wb.screenshot('create-from-selection');

    // Edit it, then cancel and at once type into the command palette (issue 18, bug 5: the cleanup used to take
    // the focus back, so the typing replaced the selection in retry.ts, which auto-save then wrote to disk).
    await wb.editor.typeLines(['Seen on every checkout. ']);
    await qi.cancel();
    await handle.page.keyboard.press('F1');
    await handle.page.keyboard.type('View: Toggle');
    // Nothing is sent, and the code-context editor goes away without a "Save changes?" question.
    await wb.editor.waitForTabClosed('Code context');
    await wb.editor.waitForTabClosed('Description.md');
    assert.deepStrictEqual(requestsSince(from, 'POST').map((r) => r.path), [], 'nothing was sent to BoldDesk');
    assert.strictEqual(await qi.input.inputValue(), '>View: Toggle', 'the typing went to the palette');
    await handle.page.keyboard.press('Escape');
    await qi.waitClosed();
    assert.strictEqual(await wb.editor.tabs.filter({ hasText: 'retry.ts' }).and(handle.page.locator('.tab.dirty')).count(), 0, 'retry.ts was not edited');
    assert.strictEqual(fs.readFileSync(path.join(repo, file), 'utf8'), RETRY_TS, 'retry.ts on disk is unchanged');
    await wb.editor.closeAll(wb);
  });
});
