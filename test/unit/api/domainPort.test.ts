// Port 0 means "any port" to a socket API: never a BoldDesk address (issue 13).
import * as assert from 'node:assert/strict';
import { parseDomain } from '../../../src/api/domain';

describe('domain: port 0', () => {
  it('is refused in any spelling, for https and loopback http', () => {
    for (const input of ['acme.bolddesk.com:0', 'https://acme.bolddesk.com:0', 'http://127.0.0.1:0', 'http://[::1]:00', 'https://acme.bolddesk.com:000/']) {
      const r = parseDomain(input);
      assert.equal(r.ok, false, input);
      assert.match(r.ok ? '' : r.reason, /Port 0/, input);
    }
  });

  it('other ports are still accepted', () => {
    assert.deepEqual(parseDomain('http://127.0.0.1:4000'), { ok: true, origin: 'http://127.0.0.1:4000', host: '127.0.0.1:4000' });
    assert.equal(parseDomain('https://acme.bolddesk.com:8443').ok, true);
  });
});
