// The "Tickets" view in the BoldDesk activity-bar container: welcome content, tree rows, title actions.
// Rows are read by what a person sees: the label (".label-name") and the tree level (1 = category, 2 = ticket).
const T = require('./timeouts');
const { until } = require('./wait');

const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

class TicketsView {
  constructor(page) {
    this.page = page;
    this.sidebar = page.locator('#workbench\\.parts\\.sidebar');
    this.activityItem = page.locator('.activitybar a.action-label[aria-label^="BoldDesk"]');
    this.welcome = this.sidebar.locator('.welcome-view-content');
    this.tree = this.sidebar.locator('.monaco-list[role="tree"][aria-label="Tickets"]');
    this.rows = this.tree.locator('.monaco-list-row');
  }

  /** Clicks the BoldDesk icon in the activity bar (unless the view is already showing). */
  async open() {
    await this.activityItem.waitFor({ timeout: T.startup });
    const title = this.sidebar.locator('.title-label', { hasText: 'BoldDesk' });
    // Clicking the icon of the container already shown hides the side bar, and after a reload the workbench may
    // still be restoring it: click only while the view is not visible, and check again after each click.
    // The click goes to the icon's action item: once the badge (open-ticket count) shows, it covers the icon link.
    const item = this.activityItem.locator('xpath=ancestor::li[contains(@class, "action-item")][1]');
    const shown = await until(async () => {
      if (await title.isVisible().catch(() => false)) return true;
      await item.click();
      return title.waitFor({ timeout: T.short }).then(() => true, () => false);
    }, T.ui, 500);
    if (!shown) await title.waitFor({ timeout: 1 }); // fails with the locator's own message
  }

  welcomeButton(label) {
    return this.welcome.locator('.monaco-button', { hasText: label });
  }

  /** A row whose label starts with `label` (string: exact prefix; RegExp: tested against the label). */
  row(label, { level } = {}) {
    const re = label instanceof RegExp ? label : new RegExp(`^\\s*${escapeRe(label)}`);
    let rows = level ? this.tree.locator(`.monaco-list-row[aria-level="${level}"]`) : this.rows;
    rows = rows.filter({ has: this.page.locator('.label-name', { hasText: re }) });
    return rows;
  }

  /** The category row labelled exactly `label`; `expanded` (true/false) narrows to that state. */
  category(label, expanded) {
    const state = expanded === undefined ? '' : `[aria-expanded="${expanded}"]`;
    const name = this.page.locator('.label-name', { hasText: new RegExp(`^\\s*${escapeRe(label)}\\s*$`) });
    return this.tree.locator(`.monaco-list-row[aria-level="1"]${state}`).filter({ has: name }).first();
  }

  ticket(id) {
    return this.row(`#${id} `, { level: 2 }).first();
  }

  async waitForRow(label, opts = {}, timeout = T.ui) {
    const row = this.row(label, opts).first();
    await row.waitFor({ timeout });
    return row;
  }

  /** Waits until the categories are shown (the tree loaded). */
  async waitForCategories(labels = ['Unassigned', 'All open'], timeout = T.ui) {
    for (const l of labels) await this.category(l).waitFor({ timeout });
  }

  /**
   * Expands category `label`. A click can land while the tree re-renders after a refresh (and be lost with the old
   * row): click the twistie again, a few seconds apart, until the row says it is expanded.
   */
  async expand(label) {
    const row = this.category(label);
    await row.waitFor({ timeout: T.ui });
    const expanded = this.category(label, true);
    const done = await until(async () => {
      if (await expanded.count()) return true;
      await row.locator('.monaco-tl-twistie').click().catch(() => undefined);
      return expanded.waitFor({ timeout: 5000 }).then(() => true, () => false);
    }, T.ui, 200);
    if (!done) await expanded.waitFor({ timeout: 1 }); // fails with the locator's own message
  }

  async collapse(label) {
    const row = this.category(label);
    await row.waitFor({ timeout: T.ui });
    if ((await row.getAttribute('aria-expanded')) === 'true') await row.locator('.monaco-tl-twistie').click();
    await this.category(label, false).waitFor({ timeout: T.ui });
  }

  /** Label, description, level and expansion of every row currently rendered, top to bottom. */
  async visibleRows() {
    return this.rows.evaluateAll((rows) => rows
      .map((r) => ({
        index: Number(r.getAttribute('data-index')),
        label: (r.querySelector('.label-name')?.textContent || '').trim(),
        description: (r.querySelector('.label-description')?.textContent || '').trim(),
        level: Number(r.getAttribute('aria-level')),
        expanded: r.getAttribute('aria-expanded'),
      }))
      .sort((a, b) => a.index - b.index));
  }

  /** The rendered children of category `label` (the rows after it, until the next category). */
  async childrenOf(label) {
    const rows = await this.visibleRows();
    const start = rows.findIndex((r) => r.level === 1 && r.label === label);
    if (start < 0) throw new Error(`Category "${label}" is not shown; rows: ${rows.map((r) => r.label).join(' | ')}`);
    const out = [];
    for (const r of rows.slice(start + 1)) {
      if (r.level === 1) break;
      out.push(r);
    }
    return out;
  }

  /** Scrolls the tree with the mouse wheel (as a person would) until `locator` is rendered, then into view. */
  async reveal(locator) {
    const box = await this.tree.boundingBox();
    if (!box) throw new Error('The tickets tree is not visible');
    for (const direction of [1, -1]) { // down to the bottom, then up to the top
      for (let i = 0; i < 40 && (await locator.count()) === 0; i++) {
        const before = JSON.stringify(await this.visibleRows());
        await this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
        await this.page.mouse.wheel(0, (direction * box.height) / 2);
        const moved = await until(async () => JSON.stringify(await this.visibleRows()) !== before, 3000);
        if (!moved) break; // reached the end
      }
    }
    await locator.first().scrollIntoViewIfNeeded({ timeout: T.ui });
    return locator.first();
  }

  /**
   * Right-clicks `row` and runs `item` from its context menu with the keyboard (arrow keys + Enter): a mouse click
   * right after the menu opened can be swallowed by the menu's guard against the opening click.
   */
  async contextMenu(row, item) {
    await row.click({ button: 'right' });
    const menu = this.page.locator('.context-view .monaco-menu');
    const target = menu.locator('.action-item').filter({ has: this.page.locator('.action-label', { hasText: new RegExp(`^${escapeRe(item)}$`) }) });
    await target.waitFor({ timeout: T.ui });
    for (let i = 0; i < 30; i++) {
      if (await target.and(menu.locator('.action-item.focused')).count()) {
        await this.page.keyboard.press('Enter');
        await menu.waitFor({ state: 'hidden', timeout: T.ui });
        return;
      }
      await this.page.keyboard.press('ArrowDown');
    }
    throw new Error(`Could not focus "${item}" in the context menu`);
  }

  /** Clicks an action in the view's title bar, e.g. "Refresh Tickets". */
  async titleAction(label) {
    await this.sidebar.locator(`.title-actions a.action-label[aria-label="${label}"]`).click();
  }

  async refresh() {
    await this.titleAction('Refresh Tickets');
  }
}

module.exports = { TicketsView };
