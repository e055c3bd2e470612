import * as assert from 'node:assert/strict';
import { isTicketNumber, ticketFromArg, ticketIdFromArg } from '../../../src/ui/ticketArg';
import { InFlight } from '../../../src/commands/writeState';

describe('ticketIdFromArg', () => {
  it('accepts a tree node, a ticket, a number and a numeric string', () => {
    assert.equal(ticketIdFromArg({ ticket: { id: 12, subject: 's' } }), 12);
    assert.equal(ticketIdFromArg({ id: 13 }), 13);
    assert.equal(ticketIdFromArg({ ticketId: 14 }), 14);
    assert.equal(ticketIdFromArg(15), 15);
    assert.equal(ticketIdFromArg('#16'), 16);
  });

  it('gives undefined for anything that is not a ticket', () => {
    for (const bad of [undefined, null, 0, -3, 1.5, 'abc', {}, { ticket: {} }, { id: '1; drop' }, []]) {
      assert.equal(ticketIdFromArg(bad), undefined, JSON.stringify(bad));
    }
  });

  it('ticketFromArg returns the node\'s ticket only', () => {
    assert.deepEqual(ticketFromArg({ ticket: { id: 1, status: { id: 2, name: 'Open' } } }), { id: 1, status: { id: 2, name: 'Open' } });
    assert.equal(ticketFromArg(5), undefined);
  });
});

describe('isTicketNumber', () => {
  it('accepts 123 and #123, rejects the rest', () => {
    assert.equal(isTicketNumber('123'), true);
    assert.equal(isTicketNumber(' #123 '), true);
    for (const bad of ['', '0', 'abc', '12a', '-4', '1.5']) assert.equal(isTicketNumber(bad), false, bad);
  });
});

describe('InFlight', () => {
  it('refuses a second run with the same key while the first is running, then allows it again', async () => {
    const guard = new InFlight();
    let release!: () => void;
    const first = guard.run('k', () => new Promise<string>((r) => (release = () => r('done'))));
    assert.deepEqual(await guard.run('k', async () => 'second'), { started: false });
    assert.deepEqual(await guard.run('other', async () => 'other'), { started: true, value: 'other' });
    release();
    assert.deepEqual(await first, { started: true, value: 'done' });
    assert.deepEqual(await guard.run('k', async () => 'third'), { started: true, value: 'third' });
  });

  it('releases the key when the task throws', async () => {
    const guard = new InFlight();
    await assert.rejects(guard.run('k', async () => Promise.reject(new Error('boom'))));
    assert.equal(guard.has('k'), false);
  });
});
