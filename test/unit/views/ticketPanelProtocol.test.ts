// The ticket webview's messages are untrusted input: only the exact shapes of the protocol get through.
import * as assert from 'node:assert/strict';
import { isOpenableUrl, Limits } from '../../../src/views/ticketPanel/protocol';
import { validateRequest } from '../../../src/views/ticketPanel/validateRequest';

function accepted(raw: unknown) {
  const v = validateRequest(raw);
  assert.ok(v.ok, `expected ${JSON.stringify(raw)} to be accepted, got ${v.ok ? '' : v.reason}`);
  return v.request;
}

function rejected(raw: unknown): { reason: string; id?: number } {
  const v = validateRequest(raw);
  assert.ok(!v.ok, `expected ${JSON.stringify(raw)?.slice(0, 200)} to be rejected`);
  return v;
}

describe('ticket panel protocol: validateRequest', () => {
  it('accepts every request type in its exact shape', () => {
    assert.deepEqual(accepted({ id: 1, type: 'ready' }), { id: 1, type: 'ready' });
    assert.deepEqual(accepted({ id: 2, type: 'refresh' }), { id: 2, type: 'refresh' });
    assert.deepEqual(accepted({ id: 3, type: 'openInBrowser' }), { id: 3, type: 'openInBrowser' });
    assert.deepEqual(accepted({ id: 4, type: 'send', kind: 'note', text: 'hi' }), { id: 4, type: 'send', kind: 'note', text: 'hi' });
    assert.deepEqual(accepted({ id: 5, type: 'saveDraft', draft: { kind: 'reply', text: '' } }), {
      id: 5,
      type: 'saveDraft',
      draft: { kind: 'reply', text: '' },
    });
    assert.deepEqual(accepted({ id: 6, type: 'updateField', field: 'status', value: 3 }), { id: 6, type: 'updateField', field: 'status', value: 3 });
    assert.deepEqual(accepted({ id: 7, type: 'updateField', field: 'assignee', value: null }), {
      id: 7,
      type: 'updateField',
      field: 'assignee',
      value: null,
    });
    assert.deepEqual(accepted({ id: 8, type: 'searchAgents', text: 'ana' }), { id: 8, type: 'searchAgents', text: 'ana' });
    assert.deepEqual(accepted({ id: 9, type: 'openLink', url: 'https://example.com/a?b=1' }), {
      id: 9,
      type: 'openLink',
      url: 'https://example.com/a?b=1',
    });
    accepted({ id: 10, type: 'openLink', url: 'mailto:help@example.com' });
  });

  it('rejects non-objects and messages without a usable id (no reply possible)', () => {
    for (const raw of [null, undefined, 'ready', 42, [], [{ id: 1, type: 'ready' }]]) {
      assert.equal(rejected(raw).id, undefined);
    }
    for (const id of [0, -1, 1.5, '1', NaN, Limits.maxRequestId + 1, undefined]) {
      assert.equal(rejected({ id, type: 'ready' }).id, undefined, `id ${String(id)}`);
    }
  });

  it('rejects unknown types and extra fields, but keeps the id so the webview gets an error reply', () => {
    assert.equal(rejected({ id: 3, type: 'eval', code: 'x' }).id, 3);
    assert.equal(rejected({ id: 4, type: 'ready', extra: true }).id, 4);
    assert.equal(rejected({ id: 5, type: 'send', kind: 'reply', text: 'x', ticketId: 99 }).id, 5, 'a webview may not pick the ticket');
    assert.equal(rejected(JSON.parse('{"id":6,"type":"refresh","__proto__":{"polluted":1}}')).id, 6);
  });

  it('checks send: kind, type and length of the text, and refuses empty text', () => {
    rejected({ id: 1, type: 'send', kind: 'publicNote', text: 'x' });
    rejected({ id: 1, type: 'send', kind: 'reply', text: 42 });
    rejected({ id: 1, type: 'send', kind: 'reply', text: '   \n ' });
    rejected({ id: 1, type: 'send', kind: 'reply', text: 'x'.repeat(Limits.maxBodyChars + 1) });
    accepted({ id: 1, type: 'send', kind: 'reply', text: 'x'.repeat(Limits.maxBodyChars) });
  });

  it('checks saveDraft shape', () => {
    rejected({ id: 1, type: 'saveDraft', draft: 'text' });
    rejected({ id: 1, type: 'saveDraft', draft: { kind: 'reply', text: 'x', ticketId: 2 } });
    rejected({ id: 1, type: 'saveDraft', draft: { kind: 'other', text: 'x' } });
    rejected({ id: 1, type: 'saveDraft', draft: { kind: 'reply', text: 'x'.repeat(Limits.maxBodyChars + 1) } });
  });

  it('checks updateField: known field, positive integer id, null only for the assignee', () => {
    rejected({ id: 1, type: 'updateField', field: 'subject', value: 1 });
    rejected({ id: 1, type: 'updateField', field: 'status', value: null });
    rejected({ id: 1, type: 'updateField', field: 'priority', value: 0 });
    rejected({ id: 1, type: 'updateField', field: 'priority', value: 2.5 });
    rejected({ id: 1, type: 'updateField', field: 'priority', value: '2' });
    rejected({ id: 1, type: 'updateField', field: 'assignee', value: -3 });
  });

  it('only lets http(s) and mailto links through openLink', () => {
    for (const url of [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      'data:text/html,<script>x</script>',
      'vbscript:msgbox(1)',
      'file:///etc/passwd',
      'command:workbench.action.terminal.new',
      'vscode://some.extension/do',
      '/relative/path',
      '',
      `https://example.com/${'a'.repeat(Limits.maxUrlChars)}`,
    ]) {
      rejected({ id: 1, type: 'openLink', url });
      assert.equal(isOpenableUrl(url), false, url);
    }
  });

  it('limits agent searches', () => {
    rejected({ id: 1, type: 'searchAgents', text: 'a'.repeat(Limits.maxSearchChars + 1) });
    rejected({ id: 1, type: 'searchAgents' });
  });
});
