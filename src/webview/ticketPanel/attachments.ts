// A message's attachments: name, size and type, "Internal" for files on private notes, a thumbnail for images.
// The page never fetches a file: a click asks the extension (by attachment id) to open it — text in a read-only
// editor tab, images in VS Code's image preview — or to save it; thumbnails come back as data: URLs.
import * as l10n from '@vscode/l10n';
import type { PanelAttachment } from '../../views/ticketPanel/protocol';
import { h, icon, pageLocale } from './dom';
import { formatSize } from './format';
import type { Rpc } from './rpc';

const KIND_ICON = { image: 'file-media', text: 'file-code', other: 'file-binary' } as const;

/** The type, when the name does not already say it (no extension): the content type. */
function typeLabel(a: PanelAttachment): string {
  return /\.[A-Za-z0-9]{1,8}$/.test(a.name) ? '' : (a.contentType ?? '');
}

export function attachmentItem(a: PanelAttachment): HTMLLIElement {
  const meta = [formatSize(a.size, pageLocale()), typeLabel(a)].filter((s) => s !== '').join(' · ');
  if (a.id === undefined) {
    return h('li', {}, icon('file'), ' ', meta ? `${a.name} (${meta})` : a.name);
  }
  const id = String(a.id);
  const kind = a.kind ?? 'other';
  const open = h('button', { type: 'button', class: 'link-button attachment-open', 'data-attachment-id': id, 'data-action': 'open',
    title: kind === 'other' ? l10n.t('Save “{0}”…', a.name) : l10n.t('Open “{0}”', a.name) }, a.name);
  const save = h('button', { type: 'button', class: 'link-button attachment-save', 'data-attachment-id': id, 'data-action': 'save',
    // The accessible name starts with the visible words (voice control users say what they see: axe label-content-name-mismatch).
    'aria-label': l10n.t('Save As… “{0}”', a.name) }, l10n.t('Save As…'));
  const li = h('li', { class: `attachment attachment-${kind}`, title: a.contentType ?? '' },
    icon(KIND_ICON[kind]), ' ', open,
    meta ? h('span', { class: 'attachment-meta' }, ` (${meta})`) : false,
    a.internal ? h('span', { class: 'badge badge-note' }, l10n.t('Internal')) : false,
    ' ', save);
  if (kind === 'image') {
    li.append(h('img', { class: 'attachment-thumb', 'data-thumbnail-id': id, alt: a.name, hidden: '' }));
  }
  return li;
}

/** Clicks on attachment buttons go to the extension; thumbnails are asked for once per id and reused. */
export function installAttachmentActions(root: HTMLElement, rpc: Rpc, notify: (message: string) => void): void {
  const thumbs = new Map<string, Promise<string | undefined>>();
  root.addEventListener('click', (e) => {
    const button = (e.target as Element | null)?.closest?.('button[data-attachment-id]');
    if (!button) return;
    const attachmentId = Number(button.getAttribute('data-attachment-id'));
    const type = button.getAttribute('data-action') === 'save' ? 'saveAttachment' : 'openAttachment';
    button.setAttribute('aria-busy', 'true');
    rpc.request({ type, attachmentId })
      .catch((err: unknown) => notify(err instanceof Error ? err.message : String(err)))
      .finally(() => button.removeAttribute('aria-busy'));
  });
  const load = () => {
    root.querySelectorAll<HTMLImageElement>('img[data-thumbnail-id]:not([data-loaded])').forEach((img) => {
      img.setAttribute('data-loaded', '');
      const id = img.getAttribute('data-thumbnail-id') ?? '';
      let p = thumbs.get(id);
      if (!p) {
        p = rpc.request({ type: 'attachmentThumbnail', attachmentId: Number(id) }).then((r) => r.dataUrl, () => undefined);
        thumbs.set(id, p);
      }
      void p.then((url) => {
        if (url?.startsWith('data:image/')) {
          img.src = url;
          img.hidden = false;
        }
      });
    });
  };
  new MutationObserver(load).observe(root, { childList: true, subtree: true });
  load();
}
