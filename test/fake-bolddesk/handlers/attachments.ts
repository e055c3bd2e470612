// Attachment content, served where the attachment's `fileUrl` points: `{origin}/attachment/download/{id}`, behind
// the same API key check as the API (ASSUMPTION, docs/BOLDDESK-API.md "Attachments (issue 15)": BoldDesk's upload
// answers show `url: https://{host}/attachment/download/{token}`). The bytes match the declared type and size:
// a real PNG for images (padded after IEND, which decoders ignore), log lines for text, filler for the rest.
import { bodyObject, invalid, notFound, ok, prop, validation, type Reply, type RequestContext } from '../http';
import type { FakeAttachment } from '../model';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAABgAAAAQCAIAAACDRijCAAAAeklEQVR4nO3MEQKEYACE0Z/j+OM4DoaWl+M4juNgKI6Xl+M4Dob2HHuQegd4BRdc4RqDG9ziDr/wG/d4wGM8xXO8xGu8xZ/4G+/xEZ/xFf/KE907UkEVqhGoQS3q0Au9UY8GNEZTNEdLtEZb9Im+0R4d0Rld0RPdO/oDH54HH04PTTMAAAAASUVORK5CYII=', 'base64'); // 24×16, four colours

export function findAttachment(ctx: RequestContext, id: number): FakeAttachment | undefined {
  for (const t of ctx.db.tickets) {
    for (const m of t.messages) {
      const a = m.attachments.find((x) => x.id === id);
      if (a) return a;
    }
  }
  return undefined;
}

/** The file's bytes: deterministic, exactly `size` long (at least the PNG itself for images). */
export function attachmentBytes(a: FakeAttachment): Buffer {
  if (a.contentType.startsWith('image/png')) return Buffer.concat([PNG, Buffer.alloc(Math.max(0, a.size - PNG.length))]);
  if (a.contentType.startsWith('text/')) {
    const line = (i: number) => `2025-12-12T13:15:${String(i % 60).padStart(2, '0')}Z ERROR worker-${i % 7} request ${i} failed: timeout after 30000 ms\n`;
    let text = '';
    for (let i = 0; Buffer.byteLength(text) < a.size; i++) text += line(i);
    return Buffer.from(text).subarray(0, Math.max(a.size, 1));
  }
  return Buffer.alloc(a.size, 0x25);
}

export function downloadAttachment(ctx: RequestContext, [id]: string[]): Reply {
  const a = findAttachment(ctx, Number(id));
  if (!a) return notFound('Attachment not found.');
  return { status: 200, body: attachmentBytes(a), headers: { 'content-type': a.contentType || 'application/octet-stream',
    'content-disposition': `attachment; filename="${a.name.replace(/["\\\r\n]/g, '_')}"` } };
}

/** Files uploaded with POST /attachments, by token, until a reply/note/ticket names them (per fake database). */
const uploads = new WeakMap<object, Map<string, FakeAttachment>>();
let nextUploadId = 660_000;

function uploadsOf(ctx: RequestContext): Map<string, FakeAttachment> {
  let m = uploads.get(ctx.db);
  if (!m) uploads.set(ctx.db, (m = new Map()));
  return m;
}

/**
 * POST /api/v1/attachments, multipart/form-data, part `uploadFiles` → `{ token, url }` (confirmed: S1, shared
 * reference §8). Text parts only matter here: the fake keeps the name, type and size.
 */
export function uploadAttachment(ctx: RequestContext): Reply {
  const text = typeof ctx.body === 'string' ? ctx.body : '';
  const part = /Content-Disposition: form-data; name="uploadFiles"; filename="([^"\r\n]*)"\r\nContent-Type: ([^\r\n]*)\r\n\r\n([\s\S]*?)\r\n--/i.exec(text);
  if (!part) return validation(invalid('uploadFiles', 'No file was uploaded in the part "uploadFiles".'));
  const [, name, contentType, content] = part;
  const id = nextUploadId++;
  const token = `fake-upload-${id}`;
  const ext = /\.[^.]+$/.exec(name)?.[0] ?? '';
  uploadsOf(ctx).set(token, { id, name, extension: ext, contentType, size: Buffer.byteLength(content), createdOn: ctx.now() });
  return ok({ token, url: `${ctx.baseUrl}/attachment/download/${id}` });
}

/** The `attachments` field of a reply/note: comma-separated upload tokens → the files, or a validation reply. */
export function takeUploads(ctx: RequestContext, body: unknown): FakeAttachment[] | Reply {
  const raw = prop(bodyObject(body) ?? {}, 'attachments');
  if (raw === undefined || raw === null || raw === '') return [];
  if (typeof raw !== 'string') return validation(invalid('attachments', 'Expected a comma-separated string of tokens.'));
  const files: FakeAttachment[] = [];
  for (const token of raw.split(',').map((t) => t.trim()).filter(Boolean)) {
    const f = uploadsOf(ctx).get(token);
    if (!f) return validation(invalid('attachments', `Unknown attachment token ${token}.`));
    files.push(f);
  }
  for (const f of files) uploadsOf(ctx).delete([...uploadsOf(ctx)].find(([, v]) => v === f)?.[0] ?? '');
  return files;
}
