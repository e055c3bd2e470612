// Notifications: toasts in the corner, or the notification centre (status-bar bell, #status.notifications).
// In headless code-server some messages never show as a toast, so a wait falls back to opening the centre.
const T = require('./timeouts');

class Notifications {
  constructor(page) {
    this.page = page;
    this.toasts = page.locator('.notifications-toasts .notification-toast');
    this.center = page.locator('.notifications-center');
    this.bell = page.locator('#status\\.notifications');
  }

  /** Every notification's text (toasts and centre). */
  async texts() {
    return this.page.locator('.notification-list-item').evaluateAll((items) => items.map((i) => i.innerText.trim()));
  }

  /**
   * Waits for a notification whose text contains `text` (string or RegExp); returns its full text.
   * Looks at the toasts first; after a few seconds also opens the centre (and closes it again).
   */
  async waitFor(text, timeout = T.ui) {
    const matches = (s) => (text instanceof RegExp ? text.test(s) : s.includes(text));
    const started = Date.now();
    let openedCenter = false;
    try {
      for (;;) {
        const found = (await this.texts()).find(matches);
        if (found) return found;
        if (Date.now() - started > timeout) {
          throw new Error(`No notification containing ${text} within ${timeout} ms; shown: ${JSON.stringify(await this.texts())}`);
        }
        if (!openedCenter && Date.now() - started > 5000 && !(await this.center.isVisible())) {
          await this.bell.click();
          openedCenter = true;
        }
        await this.page.waitForTimeout(200); // polling interval of a state wait, not a fixed delay
      }
    } finally {
      if (openedCenter && (await this.center.isVisible())) await this.bell.click();
    }
  }

  /** Dismisses every notification (what "Notifications: Clear All Notifications" does). */
  async clearAll(workbench) {
    await workbench.runCommand('Notifications: Clear All Notifications');
    await this.toasts.first().waitFor({ state: 'detached', timeout: T.short }).catch(() => undefined);
  }
}

module.exports = { Notifications };
