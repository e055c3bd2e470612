// The tree row's icon: urgent tickets still to be handled stand out (issue 18); every other row shows its status.
import * as assert from 'node:assert/strict';
import { ticketLook } from '../../../src/views/nodes/ticketLook';

const ref = (name: string) => ({ id: 1, name });

describe('ticket row icon', () => {
  it('an urgent open ticket gets a red flame, whatever the tenant calls urgent', () => {
    for (const p of ['Urgent', 'Critical', 'Emergency', 'P1 - now']) {
      assert.deepEqual(ticketLook({ status: ref('Open'), priority: ref(p) }), { icon: 'flame', color: 'charts.red' }, p);
    }
    assert.deepEqual(ticketLook({ status: ref('Waiting on customer'), priority: ref('Urgent') }).icon, 'flame');
  });

  it('an urgent ticket that is done, and any other priority, show the status', () => {
    assert.deepEqual(ticketLook({ status: ref('Resolved'), priority: ref('Urgent') }), { icon: 'pass', color: 'charts.green' });
    assert.deepEqual(ticketLook({ status: ref('Closed'), priority: ref('Urgent') }), { icon: 'issue-closed', color: 'disabledForeground' });
    assert.deepEqual(ticketLook({ status: ref('Open'), priority: ref('High') }), { icon: 'issue-opened', color: 'charts.green' });
    assert.deepEqual(ticketLook({ status: ref('In Progress'), priority: ref('P10') }), { icon: 'issue-opened', color: 'charts.blue' });
    assert.deepEqual(ticketLook({ status: undefined, priority: undefined }), { icon: 'circle-outline', color: 'foreground' });
  });
});
