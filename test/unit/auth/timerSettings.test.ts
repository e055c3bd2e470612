// Timer settings a workspace can set never overflow setTimeout (2^31-1 ms; above it Node fires every millisecond):
// autoRefreshMinutes ≥ 35,792 and requestTimeoutSeconds ≥ 2,147,484 used to. Runs the real settings code over an
// inert vscode module.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { FakeSettings, withInertVscode } from '../support/inertVscode';

const MAX_TIMER_MS = 2 ** 31 - 1;
const settings = new FakeSettings();
/* eslint-disable @typescript-eslint/no-require-imports -- loaded with the inert vscode module */
const { loop, sessionSettings } = withInertVscode(
  () => ({
    loop: require(path.resolve(__dirname, '../../../src/loop/loopController.js')) as typeof import('../../../src/loop/loopController'),
    sessionSettings: require(path.resolve(__dirname, '../../../src/auth/sessionSettings.js')) as typeof import('../../../src/auth/sessionSettings'),
  }),
  settings,
);
/* eslint-enable @typescript-eslint/no-require-imports */

describe('timer settings are clamped (setTimeout cannot overflow)', () => {
  it('auto refresh: 0 is off, below 2 is 2, anything large is at most a day', () => {
    assert.equal(loop.intervalMs(0), undefined);
    assert.equal(loop.intervalMs(1), 2 * 60_000);
    for (const minutes of [35_792, 1e9, Number.MAX_VALUE]) {
      const ms = loop.intervalMs(minutes);
      assert.ok(ms !== undefined && ms <= 1440 * 60_000 && ms <= MAX_TIMER_MS, `${minutes} min → ${ms} ms`);
    }
  });

  it('request timeout: at most the declared 300 s, whatever the setting says', () => {
    for (const seconds of [2_147_484, 1e12]) {
      settings.values.set('bolddesk.requestTimeoutSeconds', seconds);
      const s = new sessionSettings.SessionSettings();
      assert.ok(s.config.timeoutMs <= 300_000 && s.config.timeoutMs <= MAX_TIMER_MS, `${seconds} s → ${s.config.timeoutMs} ms`);
    }
    settings.values.set('bolddesk.requestTimeoutSeconds', 20);
    assert.equal(new sessionSettings.SessionSettings().config.timeoutMs, 20_000);
  });
});
