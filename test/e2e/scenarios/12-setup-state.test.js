// Scenario 12 — setup steps done outside the walkthrough count (issue 18): the domain is in the user settings, the
// key is stored and the tickets are listed, so the walkthrough shows those steps done, from the real state.
const assert = require('assert');
const path = require('path');
const { describe, it, before } = require('mocha');
const { sharedTicketsView, screenshotOnFailure, ROOT } = require('../support/context');

function walkthroughTitles() {
  const nls = require(path.join(ROOT, 'package.nls.json'));
  const [walkthrough] = require(path.join(ROOT, 'package.json')).contributes.walkthroughs;
  const text = (s) => (/^%(.+)%$/.test(s) ? nls[s.slice(1, -1)] : s);
  return { title: text(walkthrough.title), steps: walkthrough.steps.map((s) => text(s.title)) };
}

describe('Setup state is true', function () {
  let handle;
  let wb;
  screenshotOnFailure(() => handle && handle.page);

  before(async function () {
    this.timeout(5 * 60 * 1000);
    ({ handle, wb } = await sharedTicketsView());
  });

  it('the walkthrough shows the steps done outside it as done (domain, key, browsing)', async () => {
    const { title, steps } = walkthroughTitles();
    await wb.runCommand('Welcome: Open Walkthrough...');
    await wb.quickInput.pick(title, { filter: 'BoldDesk' });
    const slide = handle.page.locator('.gettingStartedSlideDetails');
    await slide.locator('.category-title', { hasText: title }).waitFor();
    for (const step of steps.slice(0, 3)) {
      // VS Code puts `complete` on the step's checkbox (and aria-checked on the step).
      await slide.locator('.getting-started-step', { hasText: step }).locator('.codicon.complete').waitFor({ timeout: 20000 })
        .catch(() => assert.fail(`the step "${step}" is shown as done`));
    }
    await wb.editor.closeAll(wb);
  });
});
