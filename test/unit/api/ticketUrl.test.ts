import * as assert from 'node:assert/strict';
import { ticketWebUrl } from '../../../src/api/ticketUrl';

describe('ticketWebUrl', () => {
  it('builds the agent-portal URL of a ticket', () => {
    assert.equal(ticketWebUrl('https://acme.bolddesk.com', 123), 'https://acme.bolddesk.com/agent/tickets/123');
  });

  it('does not double a trailing slash of the origin', () => {
    assert.equal(ticketWebUrl('http://127.0.0.1:4000/', 7), 'http://127.0.0.1:4000/agent/tickets/7');
  });

  it('rejects ids that are not ticket numbers', () => {
    for (const bad of [0, -1, 1.5, Number.NaN]) assert.throws(() => ticketWebUrl('https://a.b', bad), RangeError);
  });
});
