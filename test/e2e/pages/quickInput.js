// The quick input widget: command palette, input boxes (Set API Key, create-ticket steps) and quick picks.
const T = require('./timeouts');
const { until } = require('./wait');

class QuickInput {
  constructor(page) {
    this.page = page;
    this.widget = page.locator('.quick-input-widget');
    this.input = this.widget.locator('.quick-input-box input');
    this.title = this.widget.locator('.quick-input-title');
    this.message = this.widget.locator('.quick-input-message');
    this.rows = this.widget.locator('.quick-input-list .monaco-list-row');
  }

  async waitOpen(timeout = T.ui) {
    await this.input.waitFor({ state: 'visible', timeout });
  }

  async waitClosed(timeout = T.ui) {
    await this.widget.waitFor({ state: 'hidden', timeout });
  }

  /** Waits until the widget's title contains `text` (e.g. "Create BoldDesk ticket (3/7)"). */
  async waitForTitle(text, timeout = T.ui) {
    await this.title.filter({ hasText: text }).waitFor({ timeout });
  }

  /** Waits for step n of a multi-step input ("(n/…)" in the title). */
  async waitForStep(n, timeout = T.ui) {
    await this.waitForTitle(`(${n}/`, timeout);
  }

  async titleText() {
    return (await this.title.innerText()).trim();
  }

  /** The prompt or validation message under the input. */
  async messageText() {
    return (await this.message.innerText()).trim();
  }

  async placeholder() {
    return (await this.input.getAttribute('placeholder')) || '';
  }

  /** Replaces the text in the input (what typing or pasting does; fires the same input events). */
  async type(text) {
    await this.waitOpen();
    await this.input.fill(text);
  }

  async accept() {
    await this.input.press('Enter');
  }

  /** Types `text` into an input box and presses Enter. */
  async submit(text) {
    await this.type(text);
    await this.accept();
  }

  /**
   * Answers "which ticket?" with ticket `id`: the picker (issue 18) takes a typed "#id", and Enter acts on the ticket
   * it offers for it, listed or not; the plain number box of a picker with nothing to list takes the number.
   */
  async answerTicket(id) {
    const asked = this.input.and(this.page.locator('[placeholder="e.g. 123"]'));
    const offered = this.input.and(this.page.locator('[placeholder^="Pick an open or recent ticket"]'));
    await asked.or(offered).waitFor();
    if (await offered.isVisible()) {
      await this.type(`#${id}`);
      await this.row(`#${id}`).first().waitFor();
      await this.accept();
    } else await this.submit(String(id));
  }

  /** Rows containing `text`; with exact, rows whose label is exactly `text`. */
  row(text, { exact = false } = {}) {
    if (!exact) return this.rows.filter({ hasText: text });
    const re = new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
    return this.rows.filter({ has: this.page.locator('.label-name', { hasText: re }) });
  }

  /**
   * Picks the row containing `text` (or labelled exactly `text`): optionally types `filter` first, then moves the
   * keyboard focus to the row and presses Enter (keyboard: a mouse click can land on a hover covering the row).
   * `settled(rowLabels)` (optional) must return true before anything is picked, e.g. once search results are in.
   */
  async pick(text, { filter, exact = false, settled } = {}) {
    await this.waitOpen();
    if (filter !== undefined) await this.input.fill(filter);
    // A searching pick replaces its rows when the results arrive (which also moves the focus): wait for them.
    if (settled && !(await until(async () => settled(await this.rowLabels()), T.ui))) {
      throw new Error(`The quick pick never showed the expected rows; rows: ${(await this.rowLabels()).join(' | ')}`);
    }
    const target = this.row(text, { exact });
    await target.first().waitFor({ timeout: T.ui });
    const focused = target.and(this.widget.locator('.monaco-list-row.focused'));
    for (let i = 0; i < 60; i++) {
      if (await focused.count()) {
        await this.accept();
        return;
      }
      await this.input.press('ArrowDown');
    }
    throw new Error(`Could not move the quick pick focus to "${text}"; rows: ${(await this.rowLabels()).join(' | ')}`);
  }

  /** The aria-labels of the rows shown. */
  async rowLabels() {
    return this.rows.evaluateAll((rows) => rows.map((r) => r.getAttribute('aria-label') || ''));
  }

  async cancel() {
    await this.input.press('Escape');
    await this.waitClosed();
  }
}

module.exports = { QuickInput };
