// The fault matrix: every fault the fake BoldDesk can inject × every user action, in the real extension host.
// Each cell asserts one clean message, nothing typed lost, nothing sent twice, and recovery (reliabilityActions.ts);
// the results become docs/RELIABILITY.md (reliabilityReport.ts). Short client timeout (3 s: 1 s made the recovery steps time out on a loaded machine) keeps stalls quick.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { Settings } from '../../../src/constants';
import type { ExtensionApi } from '../../../src/extensionApi';
import { fixture, PromptSwitch } from '../fixture';
import { ACTIONS, type Cell, type MatrixContext } from './reliabilityActions';
import { disarmAll, FAULTS } from './reliabilityFaults';
import { writeReport } from './reliabilityReport';
import { activate, setGlobal, TreeReader, watchUnhandledRejections } from './reliabilitySupport';

describe('Reliability: fault × action matrix (fake BoldDesk)', function () {
  this.timeout(60000);
  let ext: ExtensionApi;
  let c: MatrixContext;
  let rejections: ReturnType<typeof watchUnhandledRejections>;
  const cells: Cell[] = [];

  before(async () => {
    ext = await activate();
    c = { ext, tree: new TreeReader(ext), prompts: new PromptSwitch(ext) };
    rejections = watchUnhandledRejections();
    await ext.session.resolveIdentity();
    await setGlobal(Settings.requestTimeoutSeconds, 3);
    await setGlobal(Settings.pageSize, 10);
  });

  after(async () => {
    rejections.stop();
    c.prompts.restore();
    await setGlobal(Settings.requestTimeoutSeconds, undefined);
    await setGlobal(Settings.pageSize, undefined);
    writeReport(ACTIONS, FAULTS, cells);
  });

  beforeEach(() => fixture().fake.reset());

  afterEach(async () => {
    await disarmAll(fixture().fake);
    c.prompts.restore();
    for (const id of ext.ticketPanels.openTicketIds) ext.ticketPanels.get(id)?.dispose();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  for (const action of ACTIONS) {
    describe(action.name, () => {
      for (const fault of FAULTS) {
        it(fault.name, async () => {
          const cell = await action.run(c, fault);
          cells.push({ ...cell, action: action.id, fault: fault.id });
        });
      }
    });
  }

  it('no unhandled promise rejection in the extension host during the matrix', () => {
    assert.deepStrictEqual(rejections.seen.map(String), []);
  });
});
