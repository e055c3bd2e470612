// Customer HTML goes through DOMPurify in the webview before it touches the page. The allow-list keeps ordinary
// formatting, links and tables; everything active (scripts, handlers, frames, forms, styles, SVG/MathML) is
// dropped. Links are reduced to http(s)/mailto (main.ts opens them through the extension); images survive only
// when they come from the BoldDesk origin. The result is a DOM fragment, never re-parsed (no mutation XSS
// through a serialise/parse round trip). The CSP is the second wall behind this one.
import * as l10n from '@vscode/l10n';
import DOMPurify from 'dompurify';
import { resolveImageUrl, resolveLinkUrl } from './urlPolicy';

const ALLOWED_TAGS = [
  'a', 'abbr', 'b', 'blockquote', 'br', 'caption', 'cite', 'code', 'col', 'colgroup', 'dd', 'del', 'div', 'dl',
  'dt', 'em', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'img', 'ins', 'kbd', 'li', 'mark', 'ol', 'p', 'pre',
  'q', 's', 'samp', 'small', 'span', 'strike', 'strong', 'sub', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th',
  'thead', 'tr', 'u', 'ul',
];

// No id/name (DOM clobbering), no class (could imitate the panel's own badges), no style, no event handlers.
const ALLOWED_ATTR = ['href', 'src', 'alt', 'title', 'width', 'height', 'colspan', 'rowspan', 'start', 'dir', 'lang', 'scope'];

// Belt and braces: explicitly forbidden even if someone widens ALLOWED_TAGS later.
const FORBID_TAGS = [
  'script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'form', 'input', 'button', 'textarea',
  'select', 'option', 'link', 'meta', 'base', 'svg', 'math', 'template', 'noscript', 'video', 'audio', 'source',
];
const FORBID_ATTR = ['style', 'srcset', 'target', 'formaction', 'action', 'xlink:href', 'background'];

/** What a dropped image becomes (a function, so the text is translated when used, not when the module loads). */
export function blockedImageText(): string {
  return l10n.t('[image from another site not shown]');
}

export type Sanitize = (html: string) => DocumentFragment;

/** A sanitizer bound to one window and the BoldDesk origin (its own DOMPurify instance, so hooks stay local). */
export function createSanitizer(win: Window, origin: string): Sanitize {
  const purify = DOMPurify(win as unknown as Parameters<typeof DOMPurify>[0]);
  if (!purify.isSupported) {
    // Without a working sanitizer nothing untrusted may be rendered as HTML: show it as text instead.
    return (html) => {
      const f = win.document.createDocumentFragment();
      f.append(win.document.createTextNode(html));
      return f;
    };
  }

  purify.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName === 'A') {
      const href = node.getAttribute('href');
      const safe = href === null ? undefined : resolveLinkUrl(href, origin);
      if (safe) node.setAttribute('href', safe);
      else node.removeAttribute('href');
      node.setAttribute('rel', 'noopener noreferrer');
    } else if (node.nodeName === 'IMG') {
      const src = node.getAttribute('src');
      const safe = src === null ? undefined : resolveImageUrl(src, origin);
      if (safe) node.setAttribute('src', safe);
      else node.removeAttribute('src');
    }
  });

  return (html: string): DocumentFragment => {
    const result: DocumentFragment | null = purify.sanitize(html, {
      ALLOWED_TAGS,
      ALLOWED_ATTR,
      FORBID_TAGS,
      FORBID_ATTR,
      ALLOW_DATA_ATTR: false,
      ALLOW_ARIA_ATTR: false,
      ALLOW_UNKNOWN_PROTOCOLS: false,
      // DOMPurify's default minus ftp/tel/sms/…; the hook above makes the final call with a real URL parser.
      ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i,
      SANITIZE_NAMED_PROPS: true,
      RETURN_DOM_FRAGMENT: true,
    });
    // DOMPurify answers null when the markup leaves no <body> to sanitize (e.g. a <frameset> document).
    const fragment = result ?? win.document.createDocumentFragment();
    // Images whose source was dropped become a short note instead of a broken-image box.
    const blocked = fragment.querySelectorAll('img:not([src])');
    const text = blocked.length > 0 ? blockedImageText() : '';
    blocked.forEach((img) => {
      const note = win.document.createElement('span');
      note.textContent = text;
      img.replaceWith(note);
    });
    return fragment;
  };
}
