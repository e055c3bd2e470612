// BoldDesk: Check Connection's probe (src/api/connectionCheck.ts) against the fake in every dialect: what it finds,
// that it stays within 15 requests, that the report holds no key and no customer data, and that the forms it
// yields make the lists correct (client-side filtering for an ignored form, agents:[0] only when it works).
import * as assert from 'node:assert/strict';
import { formsFrom, MAX_CHECK_REQUESTS } from '../../../src/api/checkResult';
import { reportText, runConnectionCheck } from '../../../src/api/connectionCheck';
import { DIALECTS, type Dialect } from '../../fake-bolddesk';
import { OPEN_STATUS_IDS } from '../../fake-bolddesk/seedData';
import { assertNoKey, startHarness, type Harness } from './clientHelpers';

describe('BoldDesk: Check Connection (probe, against every dialect)', function () {
  let h: Harness;

  before(async () => {
    h = await startHarness({ tickets: 60, seed: 3 });
  });
  after(() => h.fake.close());
  beforeEach(() => {
    h.fake.reset();
    h.fake.setDialects([]);
  });

  const me = () => ({ userId: h.fake.keys[0].agent.userId, name: h.fake.keys[0].agent.name });

  it('on the default fake every form is applied, lookups complete, views readable', async () => {
    const r = await runConnectionCheck(h.client(), me());
    assert.equal(r.key, 'valid');
    assert.deepEqual(r.forms, { status: 'honoured', agent: 'honoured', unassigned: 'honoured', priority: 'honoured', text: 'honoured' });
    assert.equal(r.filterIdWithQ, 'honoured');
    assert.deepEqual(r.statuses, { unpaged: 6, total: 6 });
    assert.equal(r.views, 'admin list');
    assert.ok(r.requests <= MAX_CHECK_REQUESTS);
    assert.equal(h.fake.requests.length, r.requests);
    assert.deepEqual(formsFrom(r), { unassignedQ: true, ignored: [], subjectQuoted: true });
  });

  it('finds each dialect\'s difference', async () => {
    const expect: Record<Dialect, (r: Awaited<ReturnType<typeof runConnectionCheck>>) => void> = {
      'ignore-undocumented-q': (r) => {
        assert.equal(r.forms.agent, 'ignored');
        assert.equal(r.forms.priority, 'ignored');
        assert.equal(r.forms.unassigned, 'ignored');
        assert.deepEqual(formsFrom(r).ignored.sort(), ['agent', 'priority', 'text']);
      },
      'unassigned-none': (r) => {
        assert.equal(r.forms.unassigned, 'ignored');
        assert.equal(formsFrom(r).unassignedQ, false);
      },
      'note-type-ids': (r) => assert.notEqual(r.notes, 'unreadable'),
      'paged-lookups': (r) => assert.deepEqual(r.statuses, { unpaged: 3, total: 6 }),
      'filterid-wins': (r) => assert.equal(r.filterIdWithQ, 'ignored'),
      'unassign-ignored': (r) => assert.equal(r.key, 'valid'),
      'views-admin-only': (r) => assert.equal(r.views, 'agent list'),
      'attachments-listed-only': (r) => assert.equal(r.key, 'valid'),
    };
    for (const d of DIALECTS) {
      h.fake.reset();
      h.fake.setDialects([d]);
      const r = await runConnectionCheck(h.client(), me());
      assert.ok(r.requests <= MAX_CHECK_REQUESTS, `${d}: ${r.requests} requests`);
      expect[d](r);
    }
  });

  it('the report names no key and no customer data', async () => {
    h.fake.setDialects(['ignore-undocumented-q', 'paged-lookups']);
    const r = await runConnectionCheck(h.client(), me());
    const report = reportText(r, '1.2.3');
    assertNoKey(h.key, [report]);
    for (const c of h.fake.db.contacts) {
      assert.ok(!report.includes(c.email), 'no customer e-mail');
      assert.ok(!report.includes(c.name), 'no customer name');
    }
    for (const t of h.fake.db.tickets) assert.ok(!report.includes(t.subject), 'no ticket subject');
    assert.match(report, /agents:\[0\]/);
    assert.match(report, /filtered in VS Code/);
  });

  it('a rejected key stops after one request and says so', async () => {
    const r = await runConnectionCheck(h.client({ apiKey: 'not-a-key' }), undefined);
    assert.equal(r.key, 'rejected');
    assert.equal(r.requests, 1);
    assert.match(reportText(r, '1'), /REJECTED/);
  });

  it('with its forms, "Unassigned" is sent as agents:[0] only where BoldDesk applies it, and is right either way', async () => {
    for (const dialects of [[], ['unassigned-none']] as Dialect[][]) {
      h.fake.reset();
      h.fake.setDialects(dialects);
      const forms = formsFrom(await runConnectionCheck(h.client(), me()));
      const client = h.client({ forms: () => forms });
      const expected = h.fake.db.tickets.filter((t) => t.agentId === null && OPEN_STATUS_IDS.includes(t.statusId)).length;
      h.fake.reset();
      const page = await client.listTickets({ statusIds: OPEN_STATUS_IDS, unassigned: true }, 1, 100);
      assert.equal(page.items.length, expected, dialects.join(','));
      const sent = h.requestsTo(/^\/api\/v1\/tickets$/)[0].query.Q ?? [];
      assert.equal(sent.includes('agents:[0]'), dialects.length === 0);
    }
  });
});
