// The key never shows up in a message or a log line, even when BoldDesk echoes it back — as sent, in another letter
// case or URL-encoded. Exercised with the real fake BoldDesk answering with the key in its error words.
import * as assert from 'node:assert/strict';
import { describeError } from '../../../src/api/describeError';
import { BoldDeskError } from '../../../src/api/errors';
import { HttpTransport } from '../../../src/api/http';
import { type Harness, startHarness } from './clientHelpers';

function variants(key: string): string[] {
  return [key, key.toUpperCase(), key.toLowerCase(), encodeURIComponent(key), encodeURIComponent(key).toLowerCase()];
}

function assertClean(key: string, texts: string[]): void {
  for (const t of texts) for (const v of variants(key)) assert.ok(!t.toLowerCase().includes(v.toLowerCase()), `key (${v}) in: ${t}`);
}

describe('key redaction (the server echoes the key)', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({ tickets: 4 });
  });
  after(() => h.fake.close());
  beforeEach(() => h.fake.reset());

  for (const status of [400, 403, 500]) {
    it(`an HTTP ${status} whose words quote the key (as sent and upper-case) shows and logs no key`, async () => {
      const echo = `key ${h.key} is bad; KEY=${h.key.toUpperCase()}`;
      h.fake.addFault({ fault: { type: 'status', status, body: { message: echo, errors: [{ field: 'x', errorMessage: echo }] } }, times: 1 });
      const err = await h.client().getTicket(h.fake.db.tickets[0].id).then(
        () => assert.fail('expected an error'),
        (e: unknown) => e,
      );
      assert.ok(err instanceof BoldDeskError);
      assert.ok(err.message.includes('[redacted]'), `the echo was redacted, not dropped: ${err.message}`);
      assertClean(h.key, [err.message, describeError(err), ...h.logs]);
    });
  }

  it('redacts URL-encoded and differently cased forms of a key with special characters', () => {
    const key = 'Ab/c+d=Ef9';
    const t = new HttpTransport({ origin: 'https://a.example.com', apiKey: key, timeoutMs: 1000 });
    const text = `sent ${key}, echoed ${key.toLowerCase()} and in a URL ?k=${encodeURIComponent(key)} / ${encodeURIComponent(key).toLowerCase()}`;
    const out = t.redact(text);
    assertClean(key, [out]);
    assert.equal(out.split('[redacted]').length - 1, 4, out);
  });
});
