// A write whose answer cannot be read may well have been saved: the error says so (and is marked outcomeUnknown),
// so nobody sends it twice blindly. A read with the same fault says nothing of the kind. Against the real fake.
import * as assert from 'node:assert/strict';
import { describeError } from '../../../src/api/describeError';
import { BoldDeskError } from '../../../src/api/errors';
import { IdentityStore } from '../../../src/auth/identityStore';
import { MemoryState } from '../../support/memoryState';
import { type Harness, startHarness } from './clientHelpers';

const MAY = /may or may not have been saved/;

async function failure(p: Promise<unknown>): Promise<BoldDeskError> {
  const e = await p.then(
    () => assert.fail('expected an error'),
    (err: unknown) => err,
  );
  assert.ok(e instanceof BoldDeskError, String(e));
  return e;
}

describe('a write whose answer is unreadable "may have been saved"', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({ tickets: 6 });
  });
  after(() => h.fake.close());
  beforeEach(() => h.fake.reset());

  const writes: [string, 'POST' | 'PUT', (h: Harness) => Promise<unknown>][] = [
    ['create ticket', 'POST', (x) => x.client().createTicket({ brandId: x.fake.db.brands[0].brandId, priorityId: x.fake.db.priorities[0].id, subject: 'S', description: 'D' })],
    ['reply', 'POST', (x) => x.client().addReply(x.fake.db.tickets[0].id, '<p>Hi</p>')],
    ['note', 'POST', (x) => x.client().addNote(x.fake.db.tickets[0].id, '<p>Hi</p>')],
    ['field change', 'PUT', (x) => x.client().updateFields(x.fake.db.tickets[0].id, { priorityId: x.fake.db.priorities[1].id })],
  ];
  for (const [name, method, run] of writes) {
    it(`${name}: an unreadable 2xx answer is outcomeUnknown and says so`, async () => {
      h.fake.addFault({ fault: { type: 'malformedJson' }, method, times: 1 });
      const err = await failure(run(h));
      assert.equal(err.outcomeUnknown, true);
      assert.match(describeError(err), MAY);
    });
  }

  it('a read with the same fault does not claim anything may have been saved', async () => {
    h.fake.addFault({ fault: { type: 'malformedJson' }, method: 'GET', times: 1 });
    const err = await failure(h.client().getTicket(h.fake.db.tickets[0].id));
    assert.equal(err.outcomeUnknown, false);
    assert.doesNotMatch(describeError(err), MAY);
  });
});

describe('replaceKey writes the key to SecretStorage only', () => {
  it('the state (globalState) never holds the new key, the secret store does', async () => {
    const secrets = new Map<string, string>();
    const keys = {
      get: async (origin: string, id?: string) => secrets.get(`${origin}#${id}`),
      store: async (origin: string, key: string, id?: string) => void secrets.set(`${origin}#${id}`, key),
      delete: async (origin: string, id?: string) => void secrets.delete(`${origin}#${id}`),
    };
    const state = new MemoryState();
    const store = new IdentityStore(keys, state);
    const origin = 'https://acme.bolddesk.com';
    const added = await store.add(origin, { label: 'Me' }, 'first-key-123', true);
    await store.replaceKey(origin, added.id, 'second-key-456');
    assert.equal(secrets.get(`${origin}#${added.id}`), 'second-key-456');
    const everythingElse = JSON.stringify([...state.map]);
    for (const k of ['first-key-123', 'second-key-456']) assert.ok(!everythingElse.includes(k), `${k} in globalState: ${everythingElse}`);
    assert.equal((await store.load(origin)).identities[0].apiKey, 'second-key-456');
  });
});
