// A message from the webview is untrusted input (the webview renders customer HTML): check its shape, field
// types and lengths, and reject anything that is not exactly one of the protocol's requests.
import {
  isComposeKind,
  isIdentityIdLike,
  isOpenableUrl,
  isPlainFileName,
  isPositiveId,
  Limits,
  maxDropBase64Chars,
  type WebviewRequest,
} from './protocol';

export type Validation =
  | { ok: true; request: WebviewRequest }
  /** `id` is set when the message carried a usable id, so the sender can still get an error reply. */
  | { ok: false; reason: string; id?: number };

type Fields = Record<string, unknown>;

function isPlainObject(v: unknown): v is Fields {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;
}

function hasOnlyKeys(o: Fields, allowed: readonly string[]): boolean {
  return Object.keys(o).every((k) => allowed.includes(k));
}

function isBoundedString(v: unknown, max: number): v is string {
  return typeof v === 'string' && v.length <= max;
}

export function validateRequest(raw: unknown): Validation {
  if (!isPlainObject(raw)) return { ok: false, reason: 'not an object' };
  const id = raw.id;
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 1 || id > Limits.maxRequestId) {
    return { ok: false, reason: 'missing or invalid id' };
  }
  const fail = (reason: string): Validation => ({ ok: false, reason, id });
  const only = (...keys: string[]) => hasOnlyKeys(raw, ['id', 'type', ...keys]);

  switch (raw.type) {
    case 'ready':
    case 'focused':
    case 'keepOpen':
    case 'refresh':
    case 'openInBrowser':
    case 'startWork':
      return only() ? { ok: true, request: { id, type: raw.type } } : fail(`unexpected fields in ${raw.type}`);

    case 'send': {
      if (!only('kind', 'text', 'postAs', 'basedOn')) return fail('unexpected fields in send');
      if (!isComposeKind(raw.kind)) return fail('send.kind must be "reply" or "note"');
      if (!isBoundedString(raw.text, Limits.maxBodyChars)) return fail('send.text must be a string within the limit');
      if (raw.text.trim().length === 0) return fail('send.text is empty');
      if (raw.postAs !== undefined && !isIdentityIdLike(raw.postAs)) return fail('send.postAs is not an identity id');
      const basedOn = raw.basedOn;
      if (basedOn !== undefined && (typeof basedOn !== 'number' || !Number.isSafeInteger(basedOn) || basedOn < 0)) {
        return fail('send.basedOn is not a revision number');
      }
      const postAs = raw.postAs === undefined ? {} : { postAs: raw.postAs };
      const based = basedOn === undefined ? {} : { basedOn };
      return { ok: true, request: { id, type: 'send', kind: raw.kind, text: raw.text, ...postAs, ...based } };
    }

    case 'saveDraft': {
      if (!only('draft')) return fail('unexpected fields in saveDraft');
      const d = raw.draft;
      if (!isPlainObject(d) || !hasOnlyKeys(d, ['kind', 'text'])) return fail('saveDraft.draft has the wrong shape');
      if (!isComposeKind(d.kind) || !isBoundedString(d.text, Limits.maxBodyChars)) {
        return fail('saveDraft.draft has an invalid kind or text');
      }
      return { ok: true, request: { id, type: 'saveDraft', draft: { kind: d.kind, text: d.text } } };
    }

    case 'updateField': {
      if (!only('field', 'value')) return fail('unexpected fields in updateField');
      const { field, value } = raw;
      if (field !== 'status' && field !== 'priority' && field !== 'assignee') return fail('updateField.field is unknown');
      // Only the assignee can be cleared (null unassigns); status and priority need a real id.
      const valueOk = isPositiveId(value) || (field === 'assignee' && value === null);
      if (!valueOk) return fail('updateField.value is not a valid id');
      return { ok: true, request: { id, type: 'updateField', field, value: value as number | null } };
    }

    case 'attachFiles':
      if (!only('kind')) return fail('unexpected fields in attachFiles');
      if (!isComposeKind(raw.kind)) return fail('attachFiles.kind must be "reply" or "note"');
      return { ok: true, request: { id, type: 'attachFiles', kind: raw.kind } };

    case 'removeFile': {
      if (!only('kind', 'index')) return fail('unexpected fields in removeFile');
      const index = raw.index;
      if (!isComposeKind(raw.kind)) return fail('removeFile.kind must be "reply" or "note"');
      if (typeof index !== 'number' || !Number.isSafeInteger(index) || index < 0 || index >= Limits.maxFiles) return fail('removeFile.index is not a file index');
      return { ok: true, request: { id, type: 'removeFile', kind: raw.kind, index } };
    }

    case 'dropFile': {
      if (!only('kind', 'name', 'data') || !isComposeKind(raw.kind)) return fail('dropFile.kind or fields');
      if (!isPlainFileName(raw.name)) return fail('dropFile.name');
      // The size first (a string's length costs nothing), then the alphabet and the exact size; the extension decodes.
      const d = raw.data;
      if (typeof d !== 'string' || d.length > maxDropBase64Chars || d.length % 4 || !/^[A-Za-z0-9+/]*={0,2}$/.test(d)
        || (d.length / 4) * 3 - (d.endsWith('==') ? 2 : d.endsWith('=') ? 1 : 0) > Limits.maxFileBytes) return fail('dropFile.data: size limit or base64');
      return { ok: true, request: { id, type: 'dropFile', kind: raw.kind, name: raw.name, data: d } };
    }

    case 'searchAgents':
      if (!only('text')) return fail('unexpected fields in searchAgents');
      if (!isBoundedString(raw.text, Limits.maxSearchChars)) return fail('searchAgents.text is too long');
      return { ok: true, request: { id, type: 'searchAgents', text: raw.text } };

    case 'openLink':
      if (!only('url')) return fail('unexpected fields in openLink');
      if (typeof raw.url !== 'string' || !isOpenableUrl(raw.url)) return fail('openLink.url is not an http(s) or mailto link');
      return { ok: true, request: { id, type: 'openLink', url: raw.url } };

    case 'preview':
      if (!only('text')) return fail('unexpected fields in preview');
      if (!isBoundedString(raw.text, Limits.maxBodyChars)) return fail('preview.text must be a string within the limit');
      return { ok: true, request: { id, type: 'preview', text: raw.text } };

    case 'openAttachment':
    case 'saveAttachment':
    case 'attachmentThumbnail':
      if (!only('attachmentId')) return fail(`unexpected fields in ${raw.type}`);
      if (!isPositiveId(raw.attachmentId)) return fail(`${raw.type}.attachmentId is not a valid id`);
      return { ok: true, request: { id, type: raw.type, attachmentId: raw.attachmentId } };

    default:
      return fail('unknown request type');
  }
}
