// Shared setup for the ticket webview tests in Chromium: the shell options, the bundled script, ticket messages, and a
// page that serves them from a fake webview origin with a stub acquireVsCodeApi recording what the page posts.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { ShellOptions } from '../../../src/views/ticketPanel/html';
import type { ExtensionMessage, PanelMessage, WebviewRequest } from '../../../src/views/ticketPanel/protocol';

export const REPO = path.resolve(__dirname, '..', '..', '..', '..');
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const WEBVIEW = 'http://webview.test';
export const BOLDDESK = 'http://bolddesk.test';

export const SHELL: ShellOptions = {
  cspSource: WEBVIEW, nonce: 'testnonce123', ticketId: 42, imageOrigin: BOLDDESK,
  scriptUri: `${WEBVIEW}/media/dist/ticketPanel.js`,
  styleUri: `${WEBVIEW}/media/ticketPanel/ticketPanel.css`,
  codiconUri: `${WEBVIEW}/media/codicons/codicon.css`,
};

/**
 * Skips the suite (from its `before` hook) when Chromium is not installed — except in CI (`CI` set and not "false"),
 * where a missing browser fails the run: the sanitizer and CSP tests must not silently stop running there.
 */
export function skipWithoutChromium(ctx: Pick<Mocha.Context, 'skip'>, executable = CHROMIUM, env: NodeJS.ProcessEnv = process.env): void {
  if (fs.existsSync(executable)) return;
  if (env.CI && env.CI !== 'false' && env.CI !== '0') {
    throw new Error(`No Chromium at ${executable}: in CI (CI=${env.CI}) the browser tests must run. Install chromium or set CHROMIUM_PATH.`);
  }
  console.log(`      (skipped: no Chromium at ${executable}; set CHROMIUM_PATH)`);
  ctx.skip();
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
}

export function bundle(): string {
  return esbuild.buildSync({
    entryPoints: [path.join(REPO, 'src', 'webview', 'ticketPanel', 'main.ts')],
    bundle: true, format: 'iife', platform: 'browser', target: 'es2022', write: false, logLevel: 'silent',
  }).outputFiles[0].text;
}

export function msg(i: number, over: Partial<PanelMessage> = {}): PanelMessage {
  return {
    key: `m${i}`, kind: 'reply', html: `<p>message ${i}</p>`, author: `Author ${i}`, fromCustomer: false,
    createdOn: new Date(Date.UTC(2025, 0, 1, 0, i)).toISOString(), attachments: [], ...over,
  };
}

export function loaded(messages: PanelMessage[], subject = 'Printer on fire'): ExtensionMessage {
  return {
    type: 'ticketLoaded',
    ticket: { id: 42, subject, status: { id: 1, name: 'Open' }, priority: { id: 2, name: 'High' }, assignee: { id: 3, name: 'Ana Agent' }, requester: 'Jane', createdOn: '2025-01-01T00:00:00Z', lastUpdatedOn: '2025-01-02T00:00:00Z' },
    messages,
    lookups: { statuses: [{ id: 1, name: 'Open' }, { id: 4, name: 'Resolved' }], priorities: [{ id: 2, name: 'High' }, { id: 1, name: 'Low' }] },
    attribution: 'BoldDesk will show this as "Ana Agent".',
    origin: BOLDDESK,
  };
}

export interface PageSinks {
  /** The shell to serve (read on every load, so a suite can switch shells between tests). */
  html(): string;
  script(): string;
  pageErrors: string[];
  outside: string[];
}

/** A page that serves the shell, the bundled script and the CSS from WEBVIEW, with a stub acquireVsCodeApi. */
export async function openWebviewPage(b: Browser, sinks: PageSinks): Promise<Page> {
  const page = await b.newPage();
  page.on('pageerror', (e) => sinks.pageErrors.push(e.message));
  await page.route('**/*', (route) => {
    const u = new URL(route.request().url());
    if (u.origin !== WEBVIEW) {
      sinks.outside.push(u.href);
      return route.abort();
    }
    if (u.pathname === '/index.html') return route.fulfill({ contentType: 'text/html', body: sinks.html() });
    if (u.pathname === '/media/dist/ticketPanel.js') return route.fulfill({ contentType: 'text/javascript', body: sinks.script() });
    if (u.pathname === '/media/ticketPanel/ticketPanel.css') return route.fulfill({ contentType: 'text/css', path: path.join(REPO, 'media', 'ticketPanel', 'ticketPanel.css') });
    if (u.pathname.startsWith('/media/codicons/')) return route.fulfill({ path: path.join(REPO, 'node_modules', '@vscode', 'codicons', 'dist', path.basename(u.pathname)) });
    return route.fulfill({ status: 404, body: '' });
  });
  await page.addInitScript(() => {
    const w = window as unknown as { posted: unknown[]; saved: unknown; acquireVsCodeApi: () => unknown };
    w.posted = [];
    w.saved = undefined;
    w.acquireVsCodeApi = () => ({
      postMessage: (m: unknown) => w.posted.push(m),
      getState: () => w.saved,
      setState: (s: unknown) => (w.saved = s),
    });
  });
  return page;
}

export const postedBy = (page: Page) => page.evaluate(() => (window as unknown as { posted: WebviewRequest[] }).posted);
export const sendTo = (page: Page, m: ExtensionMessage) => page.evaluate((data) => window.postMessage(data, '*'), m);
export async function waitPostedBy(page: Page, pred: (m: WebviewRequest) => boolean): Promise<WebviewRequest> {
  for (let i = 0; i < 400; i++) {
    const hit = (await postedBy(page)).find(pred);
    if (hit) return hit;
    await new Promise((r) => setTimeout(r, 10));
  }
  assert.fail('the webview never posted the expected request');
}
