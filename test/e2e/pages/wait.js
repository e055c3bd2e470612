// Waiting for a state the DOM cannot express as one locator (e.g. "the rows changed"): poll until true or timeout.
const T = require('./timeouts');

/** Resolves true once `check()` is truthy, false after `timeout` ms. */
async function until(page, check, timeout = T.short, interval = 100) {
  const end = Date.now() + timeout;
  for (;;) {
    if (await check()) return true;
    if (Date.now() > end) return false;
    await page.waitForTimeout(interval); // poll interval, not a fixed delay
  }
}

module.exports = { until };
