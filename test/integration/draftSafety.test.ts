// Drafts in a real extension host against the fake BoldDesk (issue 13 §6, §7): the stored draft is kept while its
// POST is in flight (the fake holds the answer) and cleared only once BoldDesk confirmed; the status bar tooltip shows
// an agent name as text; a draft tab left open across a domain change stays with the help desk it was opened for.
import * as assert from 'assert';
import MarkdownIt from 'markdown-it';
import * as vscode from 'vscode';
import { Commands, Settings } from '../../src/constants';
import { draftTooltip } from '../../src/drafts/draftEditors';
import { draftKey } from '../../src/drafts/draftStore';
import type { ExtensionApi } from '../../src/extensionApi';
import { activateExtension, fakeOrigin, fixture, PromptSwitch, trusted } from './fixture';
import { waitFor } from '../support/poll';
import { ScriptedPrompts } from '../support/scriptedPrompts';
import { typeInto } from '../support/typeInto';

const OTHER_ORIGIN = 'https://tenant-b.example.com';
let ext: ExtensionApi;
let promptSwitch: PromptSwitch;

function storedDraft(ticketId: number, origin = fakeOrigin()): string | undefined {
  return ext.context.globalState.get<{ text: string }>(draftKey({ kind: 'reply', ticketId }, origin))?.text;
}

function tabOpen(uri: string): boolean {
  return vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === uri));
}

/** An open ticket nobody else writes to in this run (writeCommands.test.ts takes the last few). */
function quietTicketId(offset: number): number {
  const tickets = fixture().fake.db.tickets;
  return tickets[tickets.length - 12 - offset].id;
}

async function setDomain(value: string): Promise<void> {
  await vscode.workspace.getConfiguration(Settings.section).update(Settings.domain, value, vscode.ConfigurationTarget.Global);
  const origin = new URL(value).origin;
  await waitFor(`the domain ${origin}`, () => ext.session.origin === origin);
}

describe('Drafts: kept while sending, plain names, one help desk each (fake BoldDesk)', function () {
  this.timeout(60000);

  before(async () => {
    ext = await activateExtension();
    promptSwitch = new PromptSwitch(ext);
    await ext.session.resolveIdentity();
  });

  beforeEach(() => fixture().fake.reset());

  afterEach(async () => {
    fixture().fake.clearFaults(); // also lets a held request go
    promptSwitch.restore();
    if (ext.session.origin !== fakeOrigin()) await setDomain(fixture().fake.url);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('keeps the stored draft while its POST is in flight and clears it only after BoldDesk confirmed', async () => {
    const { fake } = fixture();
    const ticketId = quietTicketId(0);
    promptSwitch.use(new ScriptedPrompts());
    const uri = await vscode.commands.executeCommand<string>(Commands.addReply, ticketId);
    const doc = await typeInto(uri, 'Held in flight.');
    const path = `/api/v1/tickets/${ticketId}/updates`;
    fake.addFault({ fault: { type: 'hold' }, method: 'POST', path: `^${path}$`, times: 1 });

    let settled = false;
    const sent = vscode.commands.executeCommand<number | undefined>(Commands.sendDraft, trusted(vscode.Uri.parse(uri))).then((id) => {
      settled = true;
      return id;
    });
    await waitFor('the reply to reach BoldDesk', () => fake.requests.some((r) => r.method === 'POST' && r.path === path));

    // BoldDesk has the request but has not answered: nothing may be forgotten yet.
    assert.equal(settled, false, 'the send waits for BoldDesk');
    assert.equal(storedDraft(ticketId), 'Held in flight.', `the stored draft holds the text while the POST is in flight: ${JSON.stringify(ext.context.globalState.keys().filter((k) => k.includes(String(ticketId))).map((k) => [k, ext.context.globalState.get(k)]))} ${fakeOrigin()} ${ext.session.origin}`);
    assert.equal(doc.getText(), 'Held in flight.');
    assert.ok(tabOpen(uri), 'the draft tab stays open');

    assert.equal(fake.releaseHeld(), 1);
    assert.equal(typeof (await sent), 'number');
    assert.equal(storedDraft(ticketId), undefined, 'cleared once BoldDesk confirmed');
    await waitFor('the draft tab to close', () => !tabOpen(uri));
  });

  it('the draft status bar tooltip shows an agent name as text: no image, no link', () => {
    const name = '![pixel](https://evil.example/p.png) [Open](command:bolddesk.setDomain?%22https%3A%2F%2Fx.example%22) www.evil.example';
    const tip = draftTooltip(`BoldDesk shows this as “${name}”.`, 'reply');
    assert.ok(!tip.isTrusted && !tip.supportHtml, 'no commands, no HTML');
    // Rendered as the hover does (CommonMark + GFM autolinks of scheme:// and www.).
    const md = new MarkdownIt({ html: false, linkify: true });
    md.linkify.set({ fuzzyLink: false, fuzzyEmail: false });
    const html = md.render(tip.value);
    assert.doesNotMatch(html, /<img|<a\s/, html);
    assert.match(html.replace(/\u200b/g, ''), /!\[pixel\]/, 'the name is still there to read');
  });

  it('a draft tab left open across a domain change is saved under its own help desk and closed', async () => {
    const ticketId = quietTicketId(1);
    promptSwitch.use(new ScriptedPrompts());
    const uri = await vscode.commands.executeCommand<string>(Commands.addReply, ticketId);
    await typeInto(uri, 'For Acme only.');
    await setDomain(OTHER_ORIGIN); // before the autosave: the tab is dirty

    await waitFor('the previous domain’s draft tab to close', () => !tabOpen(uri));
    assert.equal(storedDraft(ticketId), 'For Acme only.', 'kept under the origin the tab was opened for');
    assert.equal(storedDraft(ticketId, OTHER_ORIGIN), undefined, 'never saved as the other help desk’s draft');

    await setDomain(fixture().fake.url);
    const again = await vscode.commands.executeCommand<string>(Commands.addReply, ticketId);
    const shown = () => vscode.workspace.textDocuments.find((d) => d.uri.toString() === again)?.getText();
    await waitFor('the draft back with its text', () => shown() === 'For Acme only.', 20000).catch(async (e: Error) => {
      const read = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.parse(again)));
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === again);
      throw new Error(`${e.message}: the tab shows ${JSON.stringify(shown())} (dirty ${doc?.isDirty}, v${doc?.version}), stored ${JSON.stringify(storedDraft(ticketId))}, read ${JSON.stringify(read)}`);
    });
  });
});
