// The files attached to a draft are keyed like the draft itself: by help desk origin, ticket and kind (issue 13 §6).
import * as assert from 'node:assert/strict';
import { draftFiles, setDraftFiles } from '../../../src/drafts/draftFileList';
import { MemoryState } from '../../support/memoryState';

const A = 'https://acme.bolddesk.com';
const B = 'https://other.bolddesk.com';
const ref = { ticketId: 123, kind: 'reply' as const };
const LOG = 'file:///home/me/app.log';

describe('draft files: one help desk’s attachments never show on another’s ticket', () => {
  it('keys the list by origin', async () => {
    const state = new MemoryState();
    await setDraftFiles(state, ref, A, [LOG]);
    assert.deepEqual(draftFiles(state, ref, A), [LOG]);
    assert.deepEqual(draftFiles(state, ref, B), [], 'the other help desk’s #123 has no files');
    await setDraftFiles(state, ref, B, ['file:///b.txt']);
    await setDraftFiles(state, ref, A, []);
    assert.deepEqual(draftFiles(state, ref, A), [], 'cleared for Acme only');
    assert.deepEqual(draftFiles(state, ref, B), ['file:///b.txt']);
    assert.deepEqual(draftFiles(state, { ticketId: 123, kind: 'note' }, B), [], 'a note is not the reply');
  });

  it('a list kept before lists were keyed by origin is adopted by the first help desk that reads it, never dropped', () => {
    const state = new MemoryState();
    state.map.set('bolddesk.draftFiles.reply.123', [LOG]);
    assert.deepEqual(draftFiles(state, ref, A), [LOG]);
    assert.deepEqual(draftFiles(state, ref, B), [], 'then it is Acme’s only');
    assert.deepEqual(draftFiles(state, ref, A), [LOG], 'and still Acme’s');
    assert.equal(state.map.has('bolddesk.draftFiles.reply.123'), false);
  });

  it('ignores a stored value that is not a list of strings', () => {
    const state = new MemoryState();
    state.map.set(`bolddesk.draftFiles.reply.123@${A}`, [1, 2]);
    assert.deepEqual(draftFiles(state, ref, A), []);
  });
});
