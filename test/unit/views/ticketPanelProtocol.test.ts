// The ticket webview's messages are untrusted input: only the exact shapes of the protocol get through.
import * as assert from 'node:assert/strict';
import { isOpenableUrl, Limits, maxDropBase64Chars } from '../../../src/views/ticketPanel/protocol';
import { validateRequest } from '../../../src/views/ticketPanel/validateRequest';
import { withInertVscode } from '../support/inertVscode';

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
    assert.deepEqual(accepted({ id: 3, type: 'focused' }), { id: 3, type: 'focused' });
    assert.deepEqual(accepted({ id: 3, type: 'keepOpen' }), { id: 3, type: 'keepOpen' });
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

  describe('dropFile (a file dropped onto the composer: a name and base64 bytes, never a path)', () => {
    const drop = (fields: Record<string, unknown>) => ({ id: 20, type: 'dropFile', kind: 'reply', name: 'trace.log', data: 'RkFUQUwK', ...fields });

    it('accepts a plain name with base64 bytes, for a reply or a note', () => {
      assert.deepEqual(accepted(drop({})), { id: 20, type: 'dropFile', kind: 'reply', name: 'trace.log', data: 'RkFUQUwK' });
      assert.equal((accepted(drop({ kind: 'note', data: '' })) as { data: string }).data, '');
      accepted(drop({ name: 'Screenshot 2025-12-01 at 10.15.png', data: 'iVBORw==' }));
      accepted(drop({ name: 'é'.repeat(Limits.maxFileNameChars) }));
    });

    it('refuses names that are paths, empty, too long or carry control characters', () => {
      for (const name of ['', '.', '..', '../secret.txt', '/etc/passwd', 'C:\\Users\\a.txt', 'a\\b', 'a\nb.log', 'a\u0000.png',
        'x\u007f', 'é'.repeat(Limits.maxFileNameChars + 1), 42, undefined, ['a']]) {
        assert.match(rejected(drop({ name })).reason, /dropFile\.name/, JSON.stringify(name));
      }
    });

    it('takes files as large as the extension does (the page, this check and draftFiles.ts use one limit)', () => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded with the inert vscode in place
      const draftFiles = withInertVscode(() => require('../../../src/drafts/draftFiles') as typeof import('../../../src/drafts/draftFiles'));
      assert.equal(Limits.maxFileBytes, draftFiles.MAX_FILE_BYTES);
    });

    it('caps the size before looking at the content, then allows base64 only', () => {
      const largest = Buffer.alloc(Limits.maxFileBytes, 7).toString('base64');
      assert.equal(largest.length, maxDropBase64Chars);
      accepted(drop({ data: largest }));
      // One byte more: the same number of base64 characters, one padding '=' less.
      assert.match(rejected(drop({ data: Buffer.alloc(Limits.maxFileBytes + 1, 7).toString('base64') })).reason, /size limit/);
      assert.match(rejected(drop({ data: 'A'.repeat(maxDropBase64Chars + 4) })).reason, /size limit/);
      // Over the cap and not base64 either: refused for its size (the cheap check comes first).
      assert.match(rejected(drop({ data: '!'.repeat(maxDropBase64Chars + 1) })).reason, /size limit/);
      for (const data of ['RkFUQUw', 'RkFU QUwK', 'RkFU\nQUwK', 'RkFU=QUw', 'RkFUQUw===', 'data:text/plain;base64,RkFU', 42, null, undefined, new Uint8Array(3)]) {
        assert.match(rejected(drop({ data })).reason, /dropFile\.data/, String(data));
      }
    });

    it('refuses a wrong kind and any extra field (a webview may not name a path, ticket or type)', () => {
      assert.match(rejected(drop({ kind: 'ticket' })).reason, /dropFile\.kind/);
      for (const extra of [{ path: '/tmp/x' }, { ticketId: 9 }, { contentType: 'text/plain' }, { uri: 'file:///x' }]) {
        assert.equal(rejected(drop(extra)).id, 20, JSON.stringify(extra));
      }
    });
  });
});
