// The editor area: tabs, the active text editor (ticket documents, reply/note drafts) and webview panels.
const T = require('./timeouts');

class Editor {
  constructor(page) {
    this.page = page;
    this.tabs = page.locator('.tabs-container .tab');
    this.activeGroup = page.locator('.editor-group-container.active');
  }

  tab(title) {
    return this.tabs.filter({ hasText: title }).first();
  }

  async waitForTab(title, timeout = T.ui) {
    await this.tab(title).waitFor({ timeout });
  }

  async waitForTabClosed(title, timeout = T.ui) {
    await this.tabs.filter({ hasText: title }).first().waitFor({ state: 'detached', timeout });
  }

  async tabTitles() {
    return this.tabs.evaluateAll((tabs) => tabs.map((t) => (t.getAttribute('aria-label') || t.textContent || '').trim()));
  }

  /** The text editor of the active group (Monaco). */
  get textEditor() {
    return this.activeGroup.locator('.monaco-editor').first();
  }

  /** The lines Monaco has rendered (it only renders what is on screen). */
  async visibleText() {
    return (await this.textEditor.locator('.view-lines').innerText()).replace(/\u00a0/g, ' ');
  }

  /** Waits until the rendered text of the active editor contains `text`. */
  async waitForText(text, timeout = T.ui) {
    await this.textEditor.locator('.view-lines', { hasText: text }).waitFor({ timeout });
  }

  /** Types into the focused editor, line by line (Enter between lines), as a person would. */
  async typeLines(lines) {
    await this.textEditor.locator('.view-lines').click();
    for (const [i, line] of lines.entries()) {
      if (i > 0) await this.page.keyboard.press('Enter');
      await this.page.keyboard.type(line);
    }
  }

  /** Scrolls the active text editor to the end (Ctrl+End) so the last lines are rendered. */
  async goToEnd() {
    await this.textEditor.locator('.view-lines').click();
    await this.page.keyboard.press('Control+End');
  }

  /** The body of a webview editor (ticket panel): VS Code overlays it as iframe.webview, the page is its inner frame. */
  webviewBody() {
    return this.page.frameLocator('iframe.webview.ready').last().frameLocator('iframe#active-frame').locator('body');
  }

  /** True when the active editor shows no text editor (so a webview, e.g. the ticket panel). */
  async isWebview() {
    return (await this.activeGroup.locator('.editor-instance').count()) > 0 && (await this.textEditor.count()) === 0;
  }

  /**
   * Waits until the ticket shown in the active editor (text document or webview panel) contains every string.
   * A text document only renders what is on screen, so strings further down are looked for after Ctrl+End.
   */
  async waitForTicketContent(strings, timeout = T.ui) {
    if (await this.isWebview()) {
      for (const s of strings) await this.webviewBody().filter({ hasText: s }).waitFor({ timeout });
      return;
    }
    for (const s of strings) {
      const found = await this.textEditor.locator('.view-lines', { hasText: s }).waitFor({ timeout: T.short }).then(() => true, () => false);
      if (found) continue;
      await this.goToEnd();
      await this.waitForText(s, timeout);
    }
  }

  async closeAll(workbench) {
    await workbench.runCommand('View: Close All Editors');
    await this.tabs.first().waitFor({ state: 'detached', timeout: T.ui });
  }
}

module.exports = { Editor };
