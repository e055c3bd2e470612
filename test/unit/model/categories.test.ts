// Which lists the tree shows and how the filter narrows them (pure functions).
import * as assert from 'node:assert/strict';
import type { Status } from '../../../src/api/types';
import { applyFilter, buildCategorySpecs, isFilterEmpty } from '../../../src/model/categories';

const statuses: Status[] = [
  { id: 1, name: 'Open', isClosed: false },
  { id: 3, name: 'Waiting', isClosed: false },
  { id: 5, name: 'Resolved', isClosed: true },
];

describe('categories', () => {
  it('"open" means every status that is not closed; views follow the built-in lists', () => {
    const specs = buildCategorySpecs(statuses, [{ filterId: '9', name: 'Mine' }], { userId: 11, name: 'Ana', email: 'a@x.io' });
    assert.deepEqual(specs.map((s) => s.id), ['mine', 'unassigned', 'open', 'view:9']);
    assert.deepEqual(specs[0].query, { statusIds: [1, 3], agentIds: [11] });
    assert.deepEqual(specs[1].query, { statusIds: [1, 3], unassigned: true });
    assert.deepEqual(specs[3].query, { filterId: '9' });
  });

  it('a status filter intersects with the category; an empty intersection needs no request', () => {
    assert.deepEqual(applyFilter({ statusIds: [1, 3] }, { statusIds: [3, 5] }), { statusIds: [3] });
    assert.equal(applyFilter({ statusIds: [1, 3] }, { statusIds: [5] }), undefined);
    assert.deepEqual(applyFilter({ filterId: '9' }, { statusIds: [5], text: 'vpn' }), { filterId: '9', statusIds: [5], text: 'vpn' });
  });

  it('an empty filter is no filter', () => {
    assert.ok(isFilterEmpty({ statusIds: [], priorityIds: [], text: '' }));
    assert.deepEqual(applyFilter({ statusIds: [1] }, {}), { statusIds: [1] });
    assert.ok(!isFilterEmpty({ priorityIds: [4] }));
  });
});
