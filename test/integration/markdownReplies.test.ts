// Markdown replies and notes in a real extension host: the draft tab is a Markdown document, and what BoldDesk
// receives (the fake's recorded request body and stored message) is the rendered, sanitized HTML.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { Commands } from '../../src/constants';
import type { ExtensionApi } from '../../src/extensionApi';
import { activateExtension, fixture, PromptSwitch, trusted } from './fixture';
import { ScriptedPrompts } from '../support/scriptedPrompts';
import { typeInto } from '../support/typeInto';

let ext: ExtensionApi;
let promptSwitch: PromptSwitch;

const MARKDOWN = [
  'Hi,',
  '',
  'Run this:',
  '',
  '```ts',
  'if (a < b) run("x");',
  '```',
  '',
  '- see [the docs](https://docs.test/a?b=1&c=2)',
  '- not [this](javascript:alert(1)) nor <img src=x onerror=alert(1)>',
  '',
  '![shot](https://elsewhere.test/pixel.png)',
].join('\n');

const EXPECTED_HTML = [
  '<p>Hi,</p>',
  '<p>Run this:</p>',
  '<pre><code class="language-ts">if (a &lt; b) run(&quot;x&quot;);\n</code></pre>',
  '<ul>',
  '<li>see <a href="https://docs.test/a?b=1&amp;c=2">the docs</a></li>',
  '<li>not [this](javascript:alert(1)) nor &lt;img src=x onerror=alert(1)&gt;</li>',
  '</ul>',
  '<p><a href="https://elsewhere.test/pixel.png">shot</a></p>',
].join('\n');


describe('Markdown replies and notes (fake BoldDesk)', function () {
  this.timeout(60000);

  before(async () => {
    ext = await activateExtension();
    promptSwitch = new PromptSwitch(ext);
    await ext.session.resolveIdentity();
  });

  beforeEach(() => fixture().fake.reset());

  afterEach(async () => {
    promptSwitch.restore();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens drafts as Markdown and sends a reply as rendered, sanitized HTML', async () => {
    const { fake } = fixture();
    const ticketId = fake.db.tickets[fake.db.tickets.length - 3].id;
    promptSwitch.use(new ScriptedPrompts());
    const uri = await vscode.commands.executeCommand<string>(Commands.addReply, ticketId);
    const doc = await typeInto(uri, MARKDOWN);
    assert.equal(doc.languageId, 'markdown');
    const id = await vscode.commands.executeCommand<number>(Commands.sendDraft, trusted(vscode.Uri.parse(uri)));
    assert.equal(typeof id, 'number');
    const posts = fake.requests.filter((r) => r.method === 'POST' && r.path === `/api/v1/tickets/${ticketId}/updates`);
    assert.equal(posts.length, 1);
    assert.deepEqual(posts[0].body, { description: EXPECTED_HTML, replyOnBehalfOfRequester: false });
    assert.equal(fake.db.getTicket(ticketId)?.messages.at(-1)?.description, EXPECTED_HTML);
  });

  it('previews a draft tab as BoldDesk will receive it, in a page that runs and loads nothing', async () => {
    const { fake } = fixture();
    const ticketId = fake.db.tickets[fake.db.tickets.length - 5].id;
    promptSwitch.use(new ScriptedPrompts());
    const uri = await vscode.commands.executeCommand<string>(Commands.addReply, ticketId);
    await typeInto(uri, MARKDOWN);
    const preview = await vscode.commands.executeCommand<string>(Commands.previewDraft, vscode.Uri.parse(uri));
    assert.ok(preview.includes(`<body>${EXPECTED_HTML}</body>`), preview);
    assert.match(preview, /default-src 'none'; style-src 'unsafe-inline'/);
    assert.equal(fake.requests.filter((r) => r.method === 'POST').length, 0, 'a preview sends nothing');
  });

  it('sends a plain-text note exactly as before (paragraphs and line breaks, escaped)', async () => {
    const { fake } = fixture();
    const ticketId = fake.db.tickets[fake.db.tickets.length - 4].id;
    promptSwitch.use(new ScriptedPrompts());
    const uri = await vscode.commands.executeCommand<string>(Commands.addNote, ticketId);
    await typeInto(uri, "Customer's plan: <old>\nrenews in May\n\nR&D knows.");
    await vscode.commands.executeCommand<number>(Commands.sendDraft, trusted(vscode.Uri.parse(uri)));
    const notes = fake.requests.filter((r) => r.method === 'POST' && r.path === `/api/v1/tickets/${ticketId}/notes`);
    assert.deepEqual(notes.map((r) => r.body), [{ description: '<p>Customer&#39;s plan: &lt;old&gt;<br>renews in May</p><p>R&amp;D knows.</p>' }]);
  });
});
