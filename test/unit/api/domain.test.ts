import * as assert from 'node:assert/strict';
import { parseDomain } from '../../../src/api/domain';

describe('parseDomain', () => {
  const good: Array<[string, string, string]> = [
    ['acme.bolddesk.com', 'https://acme.bolddesk.com', 'acme.bolddesk.com'],
    ['  acme.bolddesk.com  ', 'https://acme.bolddesk.com', 'acme.bolddesk.com'],
    ['https://acme.bolddesk.com', 'https://acme.bolddesk.com', 'acme.bolddesk.com'],
    ['https://acme.bolddesk.com/', 'https://acme.bolddesk.com', 'acme.bolddesk.com'],
    ['HTTPS://ACME.BoldDesk.com', 'https://acme.bolddesk.com', 'acme.bolddesk.com'],
    ['support.example.co.uk', 'https://support.example.co.uk', 'support.example.co.uk'],
    ['https://help.example.com:8443', 'https://help.example.com:8443', 'help.example.com:8443'],
    ['help.example.com:443', 'https://help.example.com', 'help.example.com'],
    ['xn--blddesk-90a.com', 'https://xn--blddesk-90a.com', 'xn--blddesk-90a.com'],
    ['http://127.0.0.1:4000', 'http://127.0.0.1:4000', '127.0.0.1:4000'],
    ['http://127.1.2.3:4000/', 'http://127.1.2.3:4000', '127.1.2.3:4000'],
    ['http://[::1]:3000', 'http://[::1]:3000', '[::1]:3000'],
    ['127.0.0.1:4000', 'https://127.0.0.1:4000', '127.0.0.1:4000'],
  ];
  for (const [input, origin, host] of good) {
    it(`accepts ${JSON.stringify(input)} as ${origin}`, () => {
      assert.deepEqual(parseDomain(input), { ok: true, origin, host });
    });
  }

  /** [input, a fragment the reason must contain so the person knows what to fix] */
  const bad: Array<[string, RegExp]> = [
    ['', /empty/],
    ['   ', /empty/],
    ['https://acme.bolddesk.com/api/v1', /Remove the path "\/api\/v1".*adds \/api\/v1 itself.*acme\.bolddesk\.com/],
    ['acme.bolddesk.com/agent/tickets/12', /Remove the path/],
    ['https://user:pass@acme.bolddesk.com', /user name or password.*Set API Key/],
    ['key@acme.bolddesk.com', /user name or password/],
    ['http://acme.bolddesk.com', /http:\/\/ is not allowed.*https:\/\/acme\.bolddesk\.com/],
    ['http://acme.bolddesk.com:8080', /https:\/\/acme\.bolddesk\.com:8080/],
    ['http://192.168.1.10', /http:\/\/ is not allowed/],
    // A name is not a loopback address: /etc/hosts, a DNS search domain or a proxy decides where "localhost" goes.
    ['http://localhost:4000/', /http:\/\/127\.0\.0\.1:4000/],
    ['http://LOCALHOST', /http:\/\/127\.0\.0\.1/],
    ['http://128.0.0.1', /http:\/\/ is not allowed/],
    ['acme bolddesk.com', /spaces/],
    ['acme_x.bolddesk.com', /letters, digits, hyphens/],
    ['acme!.bolddesk.com', /not a valid domain/],
    ['https://bölddesk.com', /non-ASCII.*xn--blddesk-90a\.com/],
    ['https://аcme.bolddesk.com', /non-ASCII.*xn--/], // Cyrillic "а"
    ['https://acme.bolddesk.com?tenant=1', /"\?…" or "#…"/],
    ['https://acme.bolddesk.com/#/tickets', /"\?…" or "#…"/],
    ['ftp://acme.bolddesk.com', /not supported/],
    ['mailto:ana@acme.com', /not a domain/],
    ['acme', /Did you mean acme\.bolddesk\.com/],
    ['acme.bolddesk.com.', /trailing dot/],
    ['https://', /not a valid domain/],
  ];
  for (const [input, reason] of bad) {
    it(`refuses ${JSON.stringify(input)}`, () => {
      const r = parseDomain(input);
      assert.equal(r.ok, false);
      if (!r.ok) assert.match(r.reason, reason);
    });
  }
});
