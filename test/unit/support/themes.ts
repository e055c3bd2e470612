// VS Code's theme colours for the ticket webview, captured from the real workbench (e2e scenario 11 checks them;
// CAPTURE_THEMES=1 rewrites them), and how to give them to a page the way VS Code does.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { REPO } from './webviewPage';

export interface Theme {
  bodyClass: string;
  vars: Record<string, string | null>;
}

export const THEMES = JSON.parse(fs.readFileSync(path.join(REPO, 'test', 'unit', 'fixtures', 'vscodeThemeColors.json'), 'utf8')) as Record<string, Theme>;

/** The colours on <html> (a null = the theme leaves it unset) and the theme's class on <body>, as VS Code sets them. */
export async function applyTheme(page: Page, theme: Theme): Promise<void> {
  await page.evaluate((t) => {
    for (const [k, v] of Object.entries(t.vars)) if (v !== null) document.documentElement.style.setProperty(k, v);
    document.body.classList.add(t.bodyClass);
  }, theme);
}
