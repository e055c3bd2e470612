// Replies, private notes and ticket descriptions are written in Markdown and sent to BoldDesk as HTML:
// markdown-it (CommonMark + tables and strikethrough, raw HTML off, single newlines kept as line breaks),
// links limited to http(s)/mailto, images turned into plain links (nothing is loaded from elsewhere when the
// customer opens the mail), then the allow-list in sentHtml.ts. Text that Markdown reads as plain paragraphs
// goes through textToHtml exactly as before, so plain replies look the same as they always did.
// The same function renders the previews, so what is previewed is what is sent. No vscode import.
import type MarkdownIt from 'markdown-it';
import { textToHtml } from './textToHtml';
import { SAFE_LINK, sanitizeSentHtml } from './sentHtml';

type Token = ReturnType<MarkdownIt['parse']>[number];

let instance: MarkdownIt | undefined;

function load(): MarkdownIt {
  // require() on first use: the production build ships markdown-it as dist/markdownIt.js (esbuild.js), outside
  // dist/extension.js, so activating the extension does not pay for it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require('markdown-it') as typeof MarkdownIt | { default: typeof MarkdownIt };
  const Ctor = 'default' in mod ? mod.default : mod;
  const md = new Ctor('default', { html: false, linkify: false, typographer: false, breaks: true, xhtmlOut: false });
  md.validateLink = (url) => SAFE_LINK.test(url.trim());
  // An image becomes a link to it: the reader decides whether to load something from another site.
  md.renderer.rules.image = (tokens, idx, options, env, self) => {
    const token = tokens[idx];
    const src = token.attrGet('src') ?? '';
    const alt = self.renderInlineAsText(token.children ?? [], options, env) || src;
    return `<a href="${md.utils.escapeHtml(src)}">${md.utils.escapeHtml(alt)}</a>`;
  };
  return md;
}

function renderer(): MarkdownIt {
  instance ??= load();
  return instance;
}

/** Only paragraphs of literal text (no emphasis, escapes, entities, hard breaks, …): plain text. */
function isPlain(tokens: Token[]): boolean {
  return tokens.every((t) => {
    if (t.type === 'paragraph_open' || t.type === 'paragraph_close') return true;
    if (t.type !== 'inline') return false;
    const children = t.children ?? [];
    if (!children.every((c) => c.type === 'text' || c.type === 'softbreak')) return false;
    return children.map((c) => (c.type === 'softbreak' ? '\n' : c.content)).join('') === t.content;
  });
}

/** What BoldDesk receives for a reply, note or description written in Markdown ('' for blank text). */
export function markdownToHtml(text: string): string {
  const normalised = text.replace(/\r\n?/g, '\n');
  if (normalised.trim() === '') return '';
  const md = renderer();
  const env = {};
  const tokens = md.parse(normalised, env);
  if (isPlain(tokens)) return textToHtml(text);
  return sanitizeSentHtml(md.renderer.render(tokens, md.options, env)).trim();
}
