// Quick inputs never throw away typing (issue 18): text typed into Filter Tickets' first list is the text filter on
// Enter. (A number typed into the ticket picker: ticketInFront.test.ts.)
import * as assert from 'assert';
import * as vscode from 'vscode';
import { Commands } from '../../src/constants';
import type { ExtensionApi } from '../../src/extensionApi';
import { activateExtension, PromptSwitch } from './fixture';
import { answer, ScriptedPrompts } from '../support/scriptedPrompts';

let ext: ExtensionApi;
let prompts: PromptSwitch;

describe('Quick inputs keep what is typed (fake BoldDesk)', function () {
  this.timeout(30000);

  before(async () => {
    ext = await activateExtension();
    prompts = new PromptSwitch(ext);
  });
  afterEach(async () => {
    prompts.restore();
    await vscode.commands.executeCommand(Commands.clearFilter);
  });

  it('Filter Tickets: text typed into the first list becomes the text filter on Enter', async () => {
    const p = prompts.use(new ScriptedPrompts(answer.type('  login ')));
    await vscode.commands.executeCommand(Commands.filter);
    assert.equal(p.asked.length, 1, `one question, no second text box: ${JSON.stringify(p.asked)}`);
    assert.equal(ext.treeProvider.filter?.text, 'login');
    assert.match(ext.treeView.message ?? '', /Filtered by “login”/);
  });

  it('Filter Tickets: a typed text keeps the status and priority already chosen', async () => {
    await vscode.commands.executeCommand(Commands.filter, { priorityIds: [4] });
    prompts.use(new ScriptedPrompts(answer.type('export')));
    await vscode.commands.executeCommand(Commands.filter);
    assert.deepEqual([ext.treeProvider.filter?.text, ext.treeProvider.filter?.priorityIds], ['export', [4]]);
  });
});
