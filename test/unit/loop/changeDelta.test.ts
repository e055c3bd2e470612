// What an auto-refresh delta means: changes vs. what we saw, new assignments, which lists to reload, and the
// one notification text.
import * as assert from 'node:assert/strict';
import type { TicketSummary } from '../../../src/api/types';
import { classifyChanges, listAffected, matchesQuery, notificationFor, stateOf, type KnownState } from '../../../src/loop/changeDelta';

const ME = 7;
const t = (id: number, agent: number | undefined, updated: string, extra: Partial<TicketSummary> = {}): TicketSummary => ({
  id,
  subject: `Ticket ${id}`,
  agent: agent === undefined ? undefined : { id: agent, name: `Agent ${agent}` },
  status: { id: 1, name: 'Open' },
  lastUpdatedOn: updated,
  createdOn: '2024-01-01T00:00:00.000Z',
  ...extra,
});

describe('auto refresh: classifying a delta', () => {
  it('ignores tickets unchanged since we saw them, finds new assignments and updates on mine', () => {
    const seen = new Map<number, KnownState>([
      [1, stateOf(t(1, 3, 'a'))], // reassigned to me
      [2, stateOf(t(2, ME, 'a'))], // mine, updated
      [3, stateOf(t(3, ME, 'a'))], // unchanged (overlap window)
      [4, stateOf(t(4, 3, 'a'))], // someone else's, updated
    ]);
    const since = Date.parse('2024-06-01T00:00:00Z');
    const items = [
      t(1, ME, 'b'),
      t(2, ME, 'b'),
      t(3, ME, 'a'),
      t(4, 3, 'b'),
      t(5, ME, 'b'), // never seen, old: cannot tell it is new to me
      t(6, ME, 'b', { createdOn: '2024-06-02T00:00:00Z' }), // never seen, created since: new
    ];
    const c = classifyChanges(items, (id) => seen.get(id), ME, since);
    assert.deepEqual(c.changed.map((x) => x.id), [1, 2, 4, 5, 6]);
    assert.deepEqual(c.newlyAssigned.map((x) => x.id), [1, 6]);
    assert.deepEqual(c.mineUpdated.map((x) => x.id), [2, 5]);
  });

  it('without a known agent nothing is "mine"', () => {
    const c = classifyChanges([t(1, ME, 'b')], () => undefined, undefined, 0);
    assert.deepEqual([c.changed.length, c.newlyAssigned.length, c.mineUpdated.length], [1, 0, 0]);
  });

  it('matches tickets to list queries (unassigned = agent 0; views cannot be told)', () => {
    const x = t(1, ME, 'b', { priority: { id: 2, name: 'High' } });
    assert.equal(matchesQuery({ statusIds: [1], agentIds: [ME] }, x), true);
    assert.equal(matchesQuery({ statusIds: [2] }, x), false);
    assert.equal(matchesQuery({ agentIds: [0] }, x), false);
    assert.equal(matchesQuery({ agentIds: [0] }, t(2, undefined, 'b')), true);
    assert.equal(matchesQuery({ unassigned: true }, x), false);
    assert.equal(matchesQuery({ unassigned: true }, t(2, undefined, 'b')), true);
    assert.equal(matchesQuery({ priorityIds: [3] }, x), false);
    assert.equal(matchesQuery({ text: 'TICKET 1' }, x), true);
    assert.equal(matchesQuery({ filterId: '5' }, x), undefined);
    assert.equal(matchesQuery(undefined, x), false);
  });

  it('reloads a list that shows a changed ticket or that a changed ticket now belongs in', () => {
    const changed = [t(9, ME, 'b')];
    assert.equal(listAffected({ query: { agentIds: [ME] }, items: [] }, changed), true);
    assert.equal(listAffected({ query: { agentIds: [0] }, items: [t(9, undefined, 'a')] }, changed), true);
    assert.equal(listAffected({ query: { agentIds: [0] }, items: [t(8, undefined, 'a')] }, changed), false);
    assert.equal(listAffected({ query: { filterId: '1' }, items: [] }, changed), false);
  });
});

describe('auto refresh: the one notification', () => {
  it('names a single ticket, with Open', () => {
    const n = notificationFor([t(12, ME, 'b', { subject: 'Printer on fire' })], []);
    assert.deepEqual(n && { m: n.message, a: n.action }, { m: 'Ticket #12 "Printer on fire" was assigned to you.', a: 'Open' });
    const r = notificationFor([], [t(13, ME, 'b')]);
    assert.equal(r?.message, 'A customer replied on your ticket #13 "Ticket 13".');
  });

  it('groups several into one message, with Show', () => {
    const n = notificationFor([t(1, ME, 'b'), t(2, ME, 'b'), t(3, ME, 'b')], [t(4, ME, 'b')]);
    assert.equal(n?.message, '3 tickets newly assigned to you and 1 customer reply on your tickets.');
    assert.equal(n?.action, 'Show');
    assert.deepEqual(n?.tickets.map((x) => x.id), [1, 2, 3, 4]);
    assert.equal(notificationFor([], []), undefined);
  });
});
