// Waiting for a state the DOM cannot express as one locator (e.g. "the rows changed"): the one polling helper of
// every suite (test/support/poll.ts, compiled to out/), with the e2e default timeout.
const path = require('path');
const T = require('./timeouts');
const poll = require(path.join(__dirname, '..', '..', '..', 'out', 'test', 'support', 'poll.js'));

/** Resolves true once `check()` is truthy, false after `timeout` ms. */
function until(check, timeout = T.short, interval = 100) {
  return poll.until(check, timeout, interval);
}

module.exports = { until };
