#!/usr/bin/env node
// Renders scripts/icon.svg into media/icon.png (128×128, the Marketplace icon; PNG because the Marketplace refuses
// SVG icons) with Debian's chromium through playwright-core. Run by hand after changing the SVG.
const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');
const { CHROMIUM_PATH } = require('../test/harness/paths');

(async () => {
  const svg = fs.readFileSync(path.join(__dirname, 'icon.svg'), 'utf8');
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage({ viewport: { width: 128, height: 128 } });
    await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
    await page.locator('svg').screenshot({ path: path.join(__dirname, '..', 'media', 'icon.png'), omitBackground: true });
  } finally {
    await browser.close();
  }
})();
