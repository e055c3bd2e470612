// Scenario 10 — accessibility in the real workbench: axe-core (WCAG rules) inside the real ticket panel, the
// panel's theme colours (the unit suite checks contrast per state and theme with them), and journeys done with the
// keyboard only. The per-state, per-theme axe matrix runs in the unit stage (test/unit/ticketPanelWebviewAxe.test.ts).
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const { describe, it, before } = require('mocha');
const { sharedTicketsView, screenshotOnFailure, ROOT } = require('../support/context');
const { allOpenTickets } = require('../support/expect');
const { THEMES, variablesUsed, readFixture, writeFixture, FIXTURE } = require('../support/themeColors');

const AXE = path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');

/** The Frame of the ticket webview's page (VS Code's iframe.webview, then its inner #active-frame). */
async function webviewFrame(page) {
  const html = page.frameLocator('iframe.webview.ready').last().frameLocator('iframe#active-frame').locator('html');
  const handle = await html.elementHandle();
  return handle.ownerFrame();
}

/** Runs axe-core in `frame` (evaluated through the debugger protocol, so the panel's CSP stays as it is). */
async function axe(frame) {
  await frame.evaluate(fs.readFileSync(AXE, 'utf8'));
  return frame.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  });
}

describe('Accessibility', function () {
  let handle;
  let wb;
  let ticket;
  screenshotOnFailure(() => handle && handle.page);

  before(async function () {
    this.timeout(5 * 60 * 1000);
    ({ handle, wb } = await sharedTicketsView());
    ticket = allOpenTickets().find((t) => t.messages.some((m) => m.kind === 'privateNote')) || allOpenTickets()[0];
  });

  it('the open ticket panel has no serious or critical axe violation, and its theme colours are the ones the unit suite uses', async () => {
    await wb.tickets.expand('All open');
    const row = await wb.tickets.reveal(wb.tickets.ticket(ticket.id));
    await row.click();
    await wb.editor.waitForTab(`#${ticket.id}`);
    await wb.editor.webviewBody().locator('.message').first().waitFor();
    const frame = await webviewFrame(handle.page);
    const serious = (await axe(frame)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
    assert.deepStrictEqual(serious, [], 'no serious or critical violation in the real panel (light theme)');

    const names = variablesUsed();
    const captured = {};
    const themed = async (t) => {
      await wb.runCommand('Preferences: Color Theme');
      await wb.quickInput.pick(t.label, { filter: t.label, exact: true });
      await handle.page.locator(`.monaco-workbench.${t.workbenchClass}`).waitFor();
      await wb.editor.webviewBody().and(handle.page.frameLocator('iframe.webview.ready').last().frameLocator('iframe#active-frame').locator(`body.${t.bodyClass}`)).waitFor();
      const f = await webviewFrame(handle.page);
      const vars = await f.evaluate((list) => Object.fromEntries(list.map((n) => {
        const v = document.documentElement.style.getPropertyValue(n).trim();
        return [n, v === '' ? null : v];
      })), names);
      captured[t.key] = { bodyClass: t.bodyClass, vars };
    };
    try {
      for (const t of [...THEMES.slice(1), THEMES[0]]) await themed(t);
    } finally {
      if (!captured.light) await themed(THEMES[0]).catch(() => undefined);
    }
    if (process.env.CAPTURE_THEMES) {
      writeFixture(captured);
      console.log(`      wrote ${path.relative(ROOT, FIXTURE)}`);
    }
    assert.deepStrictEqual(readFixture(), captured,
      `the theme colours in ${path.relative(ROOT, FIXTURE)} are VS Code's (re-capture with CAPTURE_THEMES=1 after a CSS or VS Code change)`);
  });
});
