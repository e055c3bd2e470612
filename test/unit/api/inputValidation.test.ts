// Bad domain input that test/unit/api/domain.test.ts does not cover yet: ports, lookalikes, credentials hidden in odd
// places, loopback impostors — and a property: whatever is typed, an accepted domain is https (or loopback http),
// has no credentials, path, query or fragment, and its host is exactly the host that was typed.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { isLoopbackHost, parseDomain } from '../../../src/api/domain';

describe('parseDomain: hostile and odd input', () => {
  const bad: Array<[string, RegExp]> = [
    ['\t', /empty/],
    ['acme.bolddesk.com:99999', /not a valid domain/],
    ['acme.bolddesk.com:abc', /is not a domain/],
    [':443', /not a valid domain|not a domain/],
    ['https://acme.bolddesk.com@evil.example', /user name or password/],
    ['https://evil.example\\@acme.bolddesk.com', /Remove the path/],
    ['https://acme.bolddesk.com#@evil.example', /"\?…" or "#…"/],
    ['https://acme.bolddesk.com%2F@evil.example', /user name or password/],
    ['http://localhost.evil.example', /http:\/\/ is not allowed/],
    ['http://127.0.0.1.nip.io', /http:\/\/ is not allowed/],
    ['http://[::ffff:127.0.0.1]', /http:\/\/ is not allowed/],
    ['acme。bolddesk。com', /non-ASCII/], // ideographic full stops
    ['аcme.bolddesk.com', /non-ASCII.*xn--/], // Cyrillic а, no scheme
    ['acme.bolddesk.com\u200b', /non-ASCII/], // zero-width space
    ['acme.bolddesk.com\u0000', /control characters/],
    ['javascript:alert(1)', /not a domain/],
    ['0', /not a complete address.*0\.0\.0\.0/], // the URL parser would make it 0.0.0.0
    ['2130706433', /not a complete address.*127\.0\.0\.1/],
    ['http://0x7f.1:4000', /not a complete address/],
    ['https://10.1', /not a complete address/],
    ['//аcme.bolddesk.com', /non-ASCII/], // extra slashes must not hide a lookalike
    ['https:////0', /not a complete address/],
    ['acme%2ebolddesk.com', /Remove the "%" escapes/], // the URL parser would decode it to acme.bolddesk.com
    ['file:///etc/passwd', /not supported/],
  ];
  for (const [input, reason] of bad) {
    it(`refuses ${JSON.stringify(input)} with a reason that says what to enter`, () => {
      const r = parseDomain(input);
      assert.equal(r.ok, false, JSON.stringify(r));
      if (!r.ok) assert.match(r.reason, reason);
    });
  }

  it('normalises what is harmless: case, a default port, a trailing slash, spaces around', () => {
    assert.deepEqual(parseDomain('  HTTPS://Acme.BoldDesk.com:443/ '), { ok: true, origin: 'https://acme.bolddesk.com', host: 'acme.bolddesk.com' });
    assert.deepEqual(parseDomain('HTTP://127.0.0.1:4000'), { ok: true, origin: 'http://127.0.0.1:4000', host: '127.0.0.1:4000' });
    assert.deepEqual(parseDomain('//acme.bolddesk.com'), { ok: true, origin: 'https://acme.bolddesk.com', host: 'acme.bolddesk.com' });
  });

  it('property: an accepted domain is https or loopback http, with nothing but scheme, host and port', () => {
    const part = fc.constantFrom('acme', 'bolddesk', 'com', 'xn--80ak6aa92e', '127.0.0.1', 'localhost', '[::1]', 'evil', 'а', 'é', '');
    const sep = fc.constantFrom('.', '/', ':', '@', '?', '#', '\\', ' ', '%2e', ':443', ':4000', '');
    const scheme = fc.constantFrom('', 'https://', 'http://', 'HTTP://', 'ftp://', '//');
    const typed = fc.oneof(
      fc.tuple(scheme, fc.array(fc.tuple(part, sep), { maxLength: 5 })).map(([s, xs]) => s + xs.map(([p, q]) => p + q).join('')),
      fc.string({ maxLength: 40 }),
    );
    fc.assert(
      fc.property(typed, (input) => {
        const r = parseDomain(input);
        if (!r.ok) {
          assert.ok(r.reason.length > 0);
          return;
        }
        const u = new URL(r.origin);
        assert.equal(u.origin, r.origin);
        assert.ok(u.protocol === 'https:' || (u.protocol === 'http:' && isLoopbackHost(u.hostname)), r.origin);
        assert.equal(u.username + u.password + u.search + u.hash, '');
        assert.equal(u.host, r.host);
        // The host the key goes to is the one typed (lower-cased), never something parsed out of a path or userinfo.
        assert.ok(input.toLowerCase().includes(u.hostname.toLowerCase()), `${JSON.stringify(input)} → ${r.origin}`);
      }),
      { numRuns: 1500 },
    );
  });
});
