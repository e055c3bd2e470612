// What the scenarios share: the fake BoldDesk (started by run.js), how the extension is loaded, and the workbenches.
// A workbench = one throw-away code-server (fresh user data, so an empty SecretStorage) + one Chromium + one page.
// Scenarios that need a first-run state ask for a fresh one; the rest share one that starts with the demo key stored.
const fs = require('fs');
const path = require('path');
const { startCodeServer, launchBrowser } = require('../../harness/codeServer');
const { Workbench } = require('../pages/workbench');
const T = require('../pages/timeouts');

const ROOT = path.resolve(__dirname, '..', '..', '..');
const FAILURE_DIR = path.join(ROOT, 'test-results', 'e2e');

/** Filled in by run.js before mocha loads the scenarios. */
const state = {
  /** @type {import('../../../out/test/fake-bolddesk/index.js').FakeBoldDesk | undefined} */
  fake: undefined,
  /** { vsix: string } or { devPath: string } */
  extension: undefined,
  shared: undefined,
  open: new Set(),
};

function fake() {
  if (!state.fake) throw new Error('The fake BoldDesk is not running: start the e2e tests with `npm run test:e2e`.');
  return state.fake;
}

/** The key of the demo agent ("Ana Agent"): what a person pastes into "Set API Key". */
function demoKey() {
  return fake().keys[0];
}

// Settings a user could have; they keep screenshots clean and typing in the draft editor literal.
function userSettings() {
  const f = fake();
  return {
    'bolddesk.domain': f.url,
    'bolddesk.agentEmail': demoKey().agent.email,
    'bolddesk.pageSize': 10,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'editor.minimap.enabled': false,
    'editor.quickSuggestions': { other: false, comments: false, strings: false },
    'editor.suggestOnTriggerCharacters': false,
    'editor.acceptSuggestionOnEnter': 'off',
    'editor.autoClosingBrackets': 'never',
    'editor.autoClosingQuotes': 'never',
    'editor.wordWrap': 'on',
    // "Beside" opens below: the code-context editor of Create Ticket from Selection is then not under the quick input.
    'workbench.editor.openSideBySideDirection': 'down',
  };
}

/**
 * Starts code-server + Chromium and opens the workbench with the extension installed.
 * @param {{ withDemoKey?: boolean }} o  withDemoKey: BOLDDESK_DEMO_KEY is set, so the key is stored at activation.
 */
async function openWorkbench(o = {}) {
  const ext = state.extension;
  if (!ext) throw new Error('run.js did not say how to load the extension');
  const env = o.withDemoKey ? { BOLDDESK_DEMO_KEY: demoKey().key } : {};
  const server = await startCodeServer({
    vsix: ext.vsix ? [ext.vsix] : [],
    testDriver: !!ext.devPath, // a built workbench honours the extensionDevelopmentPath payload only with it
    env,
    userSettings: userSettings(),
  });
  let browser;
  try {
    browser = await launchBrowser();
    const page = await browser.context.newPage();
    page.setDefaultTimeout(T.ui); // a slow 2-core machine: generous waits that end as soon as the state is there
    page.on('pageerror', (e) => { if (process.env.VERBOSE) console.log('[browser:pageerror]', e.message); });
    let url = `${server.origin}/?folder=${encodeURIComponent(server.workspace)}`;
    if (ext.devPath) {
      const payload = [['extensionDevelopmentPath', `vscode-remote://${server.host}${ext.devPath}`], ['skipWelcome', 'true']];
      url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    }
    const wb = new Workbench(page, { fakeUrl: fake().url });
    await wb.goto(url);
    const handle = {
      page, workbench: wb, server,
      async close() {
        state.open.delete(handle);
        await browser.close().catch(() => undefined);
        await server.stop();
      },
    };
    state.open.add(handle);
    return handle;
  } catch (e) {
    if (browser) await browser.close().catch(() => undefined);
    await server.stop();
    throw e;
  }
}

/** The workbench scenarios 2–9 share: started once, with the demo key already stored. */
async function sharedWorkbench() {
  if (!state.shared) state.shared = openWorkbench({ withDemoKey: true });
  try {
    return await state.shared;
  } catch (e) {
    state.shared = undefined;
    throw e;
  }
}

/**
 * The usual start of a scenario on the shared workbench: resets the fake, shows the Tickets view and waits for its
 * categories; optionally widens the side bar (long subjects stay readable in screenshots), closes all editors (a
 * ticket panel left open by an earlier scenario could take the focus from a quick input, or become the active editor
 * when a draft tab closes) and clears the notifications.
 * @param {{ categories?: string[], widen?: boolean, closeEditors?: boolean, clearNotifications?: boolean }} [o]
 *   categories: the category rows to wait for (default ["All open"]; [] waits for none).
 * @returns {Promise<{ handle: Awaited<ReturnType<typeof openWorkbench>>, wb: Workbench }>}
 */
async function sharedTicketsView({ categories = ['All open'], widen = true, closeEditors = true, clearNotifications = true } = {}) {
  fake().reset();
  const handle = await sharedWorkbench();
  const wb = handle.workbench;
  await wb.tickets.open();
  if (widen) await wb.widenSidebar();
  await wb.tickets.waitForCategories(categories);
  if (closeEditors) await wb.editor.closeAll(wb);
  if (clearNotifications) await wb.notifications.clearAll(wb);
  return { handle, wb };
}

async function closeAll() {
  for (const h of [...state.open]) await h.close();
  state.shared = undefined;
}

/** Saves a screenshot of the failing state (test-results/e2e, not committed) and returns its path. */
async function saveFailure(page, title) {
  fs.mkdirSync(FAILURE_DIR, { recursive: true });
  const file = path.join(FAILURE_DIR, `${title.replace(/[^\w.-]+/g, '_').slice(0, 120)}.png`);
  await page.screenshot({ path: file }).catch(() => undefined);
  return file;
}

/** Registers hooks that screenshot the page when a test, or a before-all hook, of the current suite failed. */
function screenshotOnFailure(getPage) {
  const { afterEach, after } = require('mocha');
  const save = async (title) => {
    const page = getPage();
    if (page) console.log(`      failure screenshot: ${path.relative(ROOT, await saveFailure(page, title))}`);
  };
  afterEach(async function () {
    if (this.currentTest && this.currentTest.state === 'failed') await save(this.currentTest.fullTitle());
  });
  after(async function () {
    const suite = this.test.parent;
    if ((suite._beforeAll || []).some((h) => h.state === 'failed')) await save(`${suite.fullTitle()} before all`);
  });
}

module.exports = { state, fake, demoKey, openWorkbench, sharedWorkbench, sharedTicketsView, closeAll, screenshotOnFailure, ROOT };
