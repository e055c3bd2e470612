// The VS Code workbench in the browser: load, command palette, and the page objects for its parts.
const fs = require('fs');
const path = require('path');
const T = require('./timeouts');
const { QuickInput } = require('./quickInput');
const { Notifications } = require('./notifications');
const { TicketsView } = require('./ticketsView');
const { Editor } = require('./editor');

const SCREENSHOT_DIR = path.resolve(__dirname, '..', '..', '..', 'docs', 'screenshots');

class Workbench {
  constructor(page, { fakeUrl } = {}) {
    this.page = page;
    this.fakeHost = fakeUrl ? new URL(fakeUrl).host : undefined;
    this.quickInput = new QuickInput(page);
    this.notifications = new Notifications(page);
    this.tickets = new TicketsView(page);
    this.editor = new Editor(page);
  }

  async goto(url) {
    await this.page.goto(url);
    await this.waitReady();
  }

  /** The workbench is rendered and its activity bar lists the BoldDesk container (the extension is installed). */
  async waitReady() {
    await this.page.locator('.monaco-workbench').waitFor({ timeout: T.startup });
    await this.tickets.activityItem.waitFor({ timeout: T.startup });
  }

  /** "Developer: Reload Window" — reloads the workbench and restarts the extension host. */
  async reload() {
    const loaded = this.page.waitForEvent('load', { timeout: T.startup });
    await this.runCommand('Developer: Reload Window');
    await loaded;
    await this.waitReady();
  }

  /** Runs a command from the palette (F1) by its full title, e.g. "BoldDesk: Create Ticket". */
  async runCommand(title) {
    await this.page.keyboard.press('Escape'); // close whatever quick input is open
    await this.page.keyboard.press('F1');
    await this.quickInput.waitOpen();
    await this.quickInput.type(`>${title}`);
    await this.quickInput.pick(title, { exact: true });
  }

  /** Moves the mouse to an empty spot so no hover or tooltip covers what a screenshot shows. */
  async moveMouseAway() {
    const vp = this.page.viewportSize() || { width: 1400, height: 900 };
    await this.page.mouse.move(24, Math.round(vp.height * 0.65)); // the empty middle of the activity bar
    // A hover that was already open fades out once the mouse left; screenshots should not show it.
    await this.page.locator('.workbench-hover-container').first().waitFor({ state: 'hidden', timeout: T.short }).catch(() => undefined);
  }

  /** Drags the sash between the side bar and the editor so long ticket subjects fit (for screenshots). */
  async widenSidebar(width = 520) {
    const sidebar = await this.page.locator('#workbench\\.parts\\.sidebar').boundingBox();
    const sash = await this.page.locator('.monaco-sash.primary-sidebar-sash').boundingBox();
    if (!sidebar || !sash || sidebar.width >= width) return;
    const y = sash.y + sash.height / 2;
    await this.page.mouse.move(sash.x + sash.width / 2, y);
    await this.page.mouse.down();
    await this.page.mouse.move(sidebar.x + width, y, { steps: 8 });
    await this.page.mouse.up();
    await this.moveMouseAway();
  }

  /**
   * Waits for a status bar entry whose text matches `text` (string or RegExp), e.g. a passing success message
   * (Prompts.status); resolves with its text.
   */
  async waitForStatus(text, timeout = T.ui) {
    const item = this.page.locator('#workbench\\.parts\\.statusbar .statusbar-item', { hasText: text }).first();
    await item.waitFor({ timeout });
    return (await item.innerText()).trim();
  }

  /** Saves docs/screenshots/<name>.png (referenced by the README). */
  async screenshot(name) {
    await this.moveMouseAway();
    // Let fades finish (a quick pick that just opened fades in and would be half transparent); endless ones (progress
    // bars, spinners) are not waited for.
    await this.page.evaluate(() => Promise.all(document.getAnimations()
      .filter((a) => a.effect && a.effect.getComputedTiming().iterations !== Infinity)
      .map((a) => a.finished.catch(() => undefined))));
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const file = path.join(SCREENSHOT_DIR, `${name}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }
}

module.exports = { Workbench };
