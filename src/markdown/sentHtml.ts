// The last wall before BoldDesk: an allow-list filter over the HTML our Markdown renderer made. markdown-it runs
// with raw HTML off, so every `<` in its output starts a tag it wrote and every text `<` is already `&lt;`; this
// pass keeps that promise even if a rule or option changes later. Tags outside the list are dropped (their text
// stays, escaped), attributes are kept only where listed and only with values of the expected shape. No vscode.

const ALLOWED_TAGS = new Set([
  'p', 'br', 'strong', 'em', 's', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'a', 'hr',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'thead', 'tbody', 'tr', 'th', 'td',
]);

/** http(s) and mailto only: no javascript:, data:, file:, vbscript: or relative links (relative to what?). */
export const SAFE_LINK = /^(?:https?:\/\/|mailto:)/i;

const ATTRIBUTE_CHECKS: Record<string, Record<string, (value: string) => boolean>> = {
  a: { href: (v) => SAFE_LINK.test(v) && !/[\s<>"'`]/.test(v) },
  ol: { start: (v) => /^\d{1,9}$/.test(v) },
  code: { class: (v) => /^language-[\w+#.-]{1,40}$/.test(v) },
  th: { style: (v) => /^text-align:(?:left|center|right)$/.test(v) },
  td: { style: (v) => /^text-align:(?:left|center|right)$/.test(v) },
};

const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[a-zA-Z-]+="[^"<>]*")*)\s*\/?>/y;
const ATTR = /\s+([a-zA-Z-]+)="([^"<>]*)"/g;

/** Decodes the few entities markdown-it writes into attribute values, for checking only. */
function attrText(value: string): string {
  return value.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

function filterTag(closing: boolean, rawName: string, rawAttrs: string): string {
  const name = rawName.toLowerCase();
  if (!ALLOWED_TAGS.has(name)) return '';
  if (closing) return `</${name}>`;
  const checks = ATTRIBUTE_CHECKS[name] ?? {};
  let attrs = '';
  for (const m of rawAttrs.matchAll(ATTR)) {
    const attr = m[1].toLowerCase();
    const check = checks[attr];
    if (check?.(attrText(m[2]))) attrs += ` ${attr}="${m[2]}"`;
  }
  if (name === 'a' && !attrs.includes(' href=')) return '<a>';
  return `<${name}${attrs}>`;
}

/** Keeps listed tags and attributes; anything else that looks like markup is dropped or escaped. */
export function sanitizeSentHtml(html: string): string {
  let out = '';
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    const gt = html.indexOf('>', i);
    const next = lt < 0 ? gt : gt < 0 ? lt : Math.min(lt, gt);
    if (next < 0) {
      out += html.slice(i);
      break;
    }
    out += html.slice(i, next);
    if (html[next] === '>') {
      out += '&gt;';
      i = next + 1;
      continue;
    }
    TAG.lastIndex = next;
    const m = TAG.exec(html);
    if (!m) {
      out += '&lt;';
      i = next + 1;
      continue;
    }
    out += filterTag(m[1] === '/', m[2], m[3]);
    i = next + m[0].length;
  }
  return out;
}
