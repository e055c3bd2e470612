// Attachment content, served where the attachment's `fileUrl` points: `{origin}/attachment/download/{id}`, behind
// the same API key check as the API (ASSUMPTION, docs/BOLDDESK-API.md "Attachments (issue 15)": BoldDesk's upload
// answers show `url: https://{host}/attachment/download/{token}`). The bytes match the declared type and size:
// a real PNG for images (padded after IEND, which decoders ignore), log lines for text, filler for the rest.
import { notFound, type Reply, type RequestContext } from '../http';
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
