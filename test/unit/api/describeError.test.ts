import * as assert from 'node:assert/strict';
import { describeError, describeErrorShort } from '../../../src/api/describeError';
import {
  AuthError,
  CancelledError,
  ConfigError,
  NetworkError,
  NotFoundError,
  PermissionError,
  ProtocolError,
  RateLimitError,
  RedirectError,
  ServerError,
  TimeoutError,
  ValidationError,
} from '../../../src/api/errors';
import { authMessage } from '../../../src/api/httpErrors';

describe('describeError', () => {
  it('returns a BoldDeskError message as is', () => {
    assert.equal(describeError(new AuthError(authMessage(), 401)), authMessage());
    assert.equal(describeError(new NotFoundError('Ticket #4 was not found in BoldDesk.', 404)), 'Ticket #4 was not found in BoldDesk.');
  });

  it('never shows a stack, [object Object] or a foreign message for anything else', () => {
    const secretish = new TypeError('Invalid header value x-api-key: abc123');
    for (const err of [secretish, { some: 'object' }, 'a string', 42, null, undefined, Symbol('s')]) {
      const text = describeError(err);
      assert.doesNotMatch(text, /\[object Object\]|at .*\(|abc123|TypeError/);
      assert.match(text, /Show Log/);
    }
  });

  it('says "Cancelled." for an AbortError', () => {
    const abort = new Error('The operation was aborted.');
    abort.name = 'AbortError';
    assert.equal(describeError(abort), 'Cancelled.');
  });
});

describe('describeErrorShort', () => {
  const host = 'acme.bolddesk.com';
  const now = 1_700_000_000_000;
  const cases: Array<[string, unknown, string | RegExp]> = [
    ['auth', new AuthError(authMessage(), 401), 'API key rejected — Set API Key…'],
    ['rate limit', new RateLimitError('limited', now + 11_200), 'Rate limited — retrying in 12 s'],
    ['rate limit over', new RateLimitError('limited', now - 5), 'Rate limited — try Refresh'],
    ['network', new NetworkError("Can't reach acme.bolddesk.com: refused."), "Can't reach acme.bolddesk.com"],
    ['server', new ServerError('BoldDesk had a problem (HTTP 500).', 500), 'BoldDesk error (500) — try Refresh'],
    ['timeout', new TimeoutError('slow'), 'acme.bolddesk.com did not answer — try Refresh'],
    ['permission', new PermissionError('denied', 403), /^No permission/],
    ['not found', new NotFoundError('gone', 404), /^Not found/],
    ['protocol', new ProtocolError('bad json'), /check the domain/],
    ['redirect', new RedirectError('moved', 302), /redirected elsewhere/],
    ['cancelled', new CancelledError('Cancelled.'), 'Cancelled'],
    ['config', new ConfigError("No BoldDesk API key is stored. Run 'BoldDesk: Set API Key'."), 'No BoldDesk API key is stored.'],
    [
      'validation',
      new ValidationError('BoldDesk did not accept the request: subject: This field is required.', 400, [], [], 'subject: This field is required.'),
      'BoldDesk refused the request — subject: This field is required.',
    ],
    ['validation without BoldDesk words', new ValidationError('BoldDesk did not accept the request.', 400, []), 'BoldDesk refused the request'],
    ['unknown', new Error('boom'), /see Show Log/],
  ];
  for (const [name, err, expected] of cases) {
    it(name, () => {
      const text = describeErrorShort(err, host, now);
      if (typeof expected === 'string') assert.equal(text, expected);
      else assert.match(text, expected);
      assert.ok(text.length <= 100, `too long for a tree node: ${text}`);
    });
  }
});
