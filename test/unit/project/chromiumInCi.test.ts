// The browser-based unit tests (sanitizer, CSP, the panel in Chromium) skip themselves on a machine without Chromium,
// but in CI a missing browser is a failure: otherwise the run passes with those guarantees untested.
import * as assert from 'node:assert/strict';
import { skipWithoutChromium } from '../support/webviewPage';

describe('a missing Chromium', () => {
  const missing = '/nonexistent/chromium-for-this-test';
  const ctx = () => {
    const c = { skipped: false, skip: () => void (c.skipped = true) as never };
    return c;
  };

  it('fails the run in CI (CI=true)', () => {
    const c = ctx();
    assert.throws(() => skipWithoutChromium(c, missing, { CI: 'true' }), /in CI/);
    assert.equal(c.skipped, false);
  });

  it('skips the suite on a developer machine (no CI, or CI=false)', () => {
    for (const env of [{}, { CI: 'false' }]) {
      const c = ctx();
      skipWithoutChromium(c, missing, env);
      assert.equal(c.skipped, true, JSON.stringify(env));
    }
  });
});
