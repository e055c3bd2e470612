// Create Ticket without a 10-step wizard (issue 18), in a real extension host against the fake BoldDesk: the
// default brand and "no category" are used without asking, the description is written in a real editor, the
// confirm step has one editable row per field (the description with its first lines), and a new requester's
// e-mail typed into the search is kept. What reached BoldDesk is read from the fake.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { Commands, SCRATCH_SCHEME } from '../../src/constants';
import { activateExtension, dropUnsentTicket, fixture, PromptSwitch } from './fixture';
import { answer, ScriptedPrompts } from '../support/scriptedPrompts';

const CONTINUE = /^Continue with the description/;
let promptSwitch: PromptSwitch;

function scratchTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputText && t.input.uri.scheme === SCRATCH_SCHEME);
}

describe('Create Ticket flow (fake BoldDesk)', function () {
  this.timeout(60000);

  before(async () => {
    promptSwitch = new PromptSwitch(await activateExtension());
  });

  afterEach(async () => {
    await dropUnsentTicket(promptSwitch);
    promptSwitch.restore();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('asks only what has no default, takes the description from an editor and changes a field from its confirm row', async () => {
    const { fake } = fixture();
    fake.reset();
    const tabsSeen: string[] = [];
    const p = promptSwitch.use(
      new ScriptedPrompts(
        answer.input('Editor flow'),
        answer.write('Steps:\n\n1. open the app\n2. it crashes\n3. again'),
        answer.pick(CONTINUE),
        answer.pick('Low'),
        answer.search('fresh.person@example.com', 'Use fresh.person@example.com'),
        answer.input('Fresh Person'),
        answer.pick('Description'),
        answer.write('Changed in the editor\nsecond line'),
        answer.pick(CONTINUE),
        answer.pick('Create ticket'),
      ),
    );
    const writer = p.writer;
    p.writer = async (text) => {
      tabsSeen.push(...scratchTabs().map((t) => t.label));
      await writer?.(text);
    };
    const id = await vscode.commands.executeCommand<number | undefined>(Commands.createTicket);
    assert.deepEqual(p.unexpected, []);
    assert.equal(typeof id, 'number', JSON.stringify(p.messages));

    // Asked: subject, description, priority, requester, the new requester's name, confirm (and the two edits).
    assert.ok(!p.asked.some((q) => q.placeholder === 'Brand' || /^Category/.test(q.placeholder ?? '')), 'no brand or category question');
    assert.ok(!p.asked.some((q) => /^New requester's e-mail/.test(q.prompt ?? '')), 'the typed e-mail is not asked again');
    assert.deepEqual([...new Set(tabsSeen)], ['Description.md'], 'the description is written in a real editor tab');
    assert.deepEqual(scratchTabs(), [], 'its tab is closed once the ticket is created');

    const confirms = p.asked.filter((q) => q.placeholder?.startsWith('Check and create'));
    assert.equal(confirms.length, 2, 'back to the confirm step after the change');
    const [first, last] = [confirms[0], confirms[1]];
    assert.deepEqual(first.labels, ['Create ticket', 'Subject', 'Description', 'Brand', 'Priority', 'Category', 'Requester']);
    assert.equal(first.details?.[2], 'Steps: ⏎ 1. open the app ⏎ 2. it crashes…', 'the description row shows its first lines');
    assert.deepEqual(first.descriptions?.slice(3), ['Acme Cloud', 'Low', 'none', 'Fresh Person <fresh.person@example.com> (new)']);
    assert.equal(last.details?.[2], 'Changed in the editor ⏎ second line');

    const creates = fake.requests.filter((r) => r.method === 'POST' && r.path === '/api/v1/tickets');
    assert.equal(creates.length, 1);
    const body = creates[0].body as Record<string, unknown>;
    assert.equal(body.brandId, 1, 'the default brand');
    assert.equal(body.categoryId, undefined, 'no category');
    assert.equal(body.description, '<p>Changed in the editor<br>second line</p>');
    assert.deepEqual([body.requesterEmailId, body.requesterName], ['fresh.person@example.com', 'Fresh Person']);
  });

  it('cancelling keeps what is in the description editor and offers it again', async () => {
    const { fake } = fixture();
    fake.reset();
    promptSwitch.use(new ScriptedPrompts(answer.input('Kept subject'), answer.write('Typed in the editor, never confirmed'), answer.cancel()));
    assert.equal(await vscode.commands.executeCommand(Commands.createTicket), undefined);
    assert.deepEqual(scratchTabs(), [], 'the description editor is closed on cancel');
    let opened = '';
    const again = promptSwitch.use(new ScriptedPrompts(answer.pick('Continue the ticket you started'), answer.input('Kept subject'), answer.cancel()));
    again.writer = undefined;
    const read = vscode.workspace.onDidOpenTextDocument((d) => {
      if (d.uri.scheme === SCRATCH_SCHEME) opened = d.getText();
    });
    try {
      await vscode.commands.executeCommand(Commands.createTicket);
    } finally {
      read.dispose();
    }
    assert.equal(again.asked.find((q) => q.prompt === 'Subject')?.value, 'Kept subject');
    assert.equal(opened, 'Typed in the editor, never confirmed', 'the editor opens with the text typed before');
    assert.ok(!fake.requests.some((r) => r.method === 'POST'), 'nothing was sent');
  });
});
