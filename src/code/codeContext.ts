// "Create Ticket from Selection": the code context a ticket description gets (file, lines, commit, a link to
// the lines on the remote, the code), as editable plain text with a fenced code block, and that text turned into
// the escaped HTML BoldDesk stores. No vscode import, so it is unit-tested directly.
import * as l10n from '@vscode/l10n';
import { escapeHtml, textToHtml } from '../markdown/textToHtml';

export interface RepoInfo {
  /** HEAD commit sha, when the repository has one. */
  commit?: string;
  /** Fetch URL of the `origin` remote (may carry credentials: never copied as is). */
  originUrl?: string;
  /** Path of the file relative to the repository root, with `/` separators. */
  pathInRepo: string;
  /** The file differs from HEAD, so the line numbers may not match the commit. */
  dirty?: boolean;
}

export interface SelectionInfo {
  /** Workspace-relative path (or repository-relative, or just the file name): never an absolute path. */
  displayPath: string;
  /** 1-based, inclusive. */
  startLine: number;
  endLine: number;
  code: string;
  /** VS Code language id, used as the fence's info string. */
  languageId?: string;
  repo?: RepoInfo;
}

type Host = 'github' | 'gitlab' | 'bitbucket';

/**
 * The only hosts that get source links, by exact name (a remote is workspace data: `github.com.evil.example` must not
 * count as GitHub), with the web host their ssh names stand for.
 */
const KNOWN_HOSTS = new Map<string, [Host, string]>(Object.entries({
  'github.com': ['github', 'github.com'],
  'www.github.com': ['github', 'github.com'],
  'ssh.github.com': ['github', 'github.com'],
  'gitlab.com': ['gitlab', 'gitlab.com'],
  'altssh.gitlab.com': ['gitlab', 'gitlab.com'],
  'bitbucket.org': ['bitbucket', 'bitbucket.org'],
  'altssh.bitbucket.org': ['bitbucket', 'bitbucket.org'],
} satisfies Record<string, [Host, string]>));

/** `https://host/owner/repo` for an origin fetch URL on github.com, gitlab.com or bitbucket.org; undefined otherwise. */
export function remoteWebBase(fetchUrl: string): { base: string; host: Host } | undefined {
  const url = fetchUrl.trim();
  let host: string;
  let path: string;
  const scp = /^(?:[\w.-]+@)?([\w.-]+):(?!\/\/)(.+)$/.exec(url); // git@github.com:acme/app.git
  if (scp && !/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) {
    host = scp[1];
    path = scp[2];
  } else {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return undefined;
    }
    if (!/^(https?|ssh|git):$/.test(parsed.protocol)) return undefined;
    host = parsed.hostname; // user, password and port are dropped on purpose (tokens live there)
    path = parsed.pathname;
  }
  const known = KNOWN_HOSTS.get(host.toLowerCase()); // a Map: "constructor" is not a host
  if (!known) return undefined;
  const [kind, webHost] = known;
  const segments = path
    .replace(/^\/+|\/+$/g, '')
    .replace(/\.git$/i, '')
    .split('/')
    .filter((s) => s !== '');
  if (segments.length < 2 || segments.some((s) => !/^[\w.~-]+$/.test(s))) return undefined;
  return { base: `https://${webHost}/${segments.join('/')}`, host: kind };
}

/** A link to the lines at `commit` on the remote, e.g. `…/blob/<sha>/src/a.ts#L10-L20`; undefined when unknown. */
export function remoteLineUrl(
  fetchUrl: string | undefined,
  commit: string | undefined,
  pathInRepo: string,
  startLine: number,
  endLine: number,
): string | undefined {
  if (!fetchUrl || !commit || !/^[0-9a-f]{7,64}$/i.test(commit)) return undefined;
  const remote = remoteWebBase(fetchUrl);
  if (!remote) return undefined;
  const file = pathInRepo.split('/').filter(Boolean).map(encodeURIComponent).join('/');
  if (!file) return undefined;
  const single = startLine === endLine;
  switch (remote.host) {
    case 'github':
      return `${remote.base}/blob/${commit}/${file}#L${startLine}${single ? '' : `-L${endLine}`}`;
    case 'gitlab':
      return `${remote.base}/-/blob/${commit}/${file}#L${startLine}${single ? '' : `-${endLine}`}`;
    case 'bitbucket':
      return `${remote.base}/src/${commit}/${file}#lines-${startLine}${single ? '' : `:${endLine}`}`;
  }
}

/** A fence longer than any backtick run in the code, so the code cannot close it early. */
function fenceFor(code: string): string {
  const longest = Math.max(0, ...[...code.matchAll(/`+/g)].map((m) => m[0].length));
  return '`'.repeat(Math.max(3, longest + 1));
}

/** The code context as the user sees and edits it (plain text; the code in a fenced block). */
export function buildCodeContext(s: SelectionInfo): string {
  const out = [
    s.startLine === s.endLine
      ? l10n.t('File: {0}, line {1}', s.displayPath, s.startLine)
      : l10n.t('File: {0}, lines {1}–{2}', s.displayPath, s.startLine, s.endLine),
  ];
  if (s.repo?.commit) {
    out.push(s.repo.dirty ? l10n.t('Commit: {0} (the file has uncommitted changes)', s.repo.commit) : l10n.t('Commit: {0}', s.repo.commit));
  }
  const link = s.repo && remoteLineUrl(s.repo.originUrl, s.repo.commit, s.repo.pathInRepo, s.startLine, s.endLine);
  if (link) out.push(l10n.t('Link: {0}', link));
  const code = s.code.replace(/\r\n?/g, '\n').replace(/\n$/, '');
  const fence = fenceFor(code);
  const info = s.languageId && /^[\w+#.-]+$/.test(s.languageId) ? s.languageId : '';
  return `${out.join('\n')}\n\n${fence}${info}\n${code}\n${fence}`;
}

/** http(s) URLs in already-escaped text become links (the href is the same escaped text). */
function linkify(escaped: string): string {
  return escaped.replace(/\bhttps?:\/\/[^\s<>"']+/g, (url) => `<a href="${url}">${url}</a>`);
}

function paragraphsToHtml(text: string): string {
  return textToHtml(text).replace(/<p>([\s\S]*?)<\/p>/g, (_m, inner: string) => `<p>${linkify(inner)}</p>`);
}

/**
 * The (possibly edited) code context → HTML: fenced blocks become `<pre><code>` with every character escaped,
 * the rest paragraphs as textToHtml makes them (escaped), with http(s) links. An unclosed fence runs to the end.
 */
export function codeContextToHtml(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const parts: string[] = [];
  let prose: string[] = [];
  const flushProse = () => {
    if (prose.length) parts.push(paragraphsToHtml(prose.join('\n')));
    prose = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const open = /^(`{3,})\s*([\w+#.-]*)\s*$/.exec(lines[i]);
    if (!open) {
      prose.push(lines[i]);
      continue;
    }
    flushProse();
    const fence = open[1];
    const code: string[] = [];
    i++;
    while (i < lines.length && !(lines[i].startsWith(fence) && /^`+\s*$/.test(lines[i]))) code.push(lines[i++]);
    const lang = open[2] ? ` class="language-${escapeHtml(open[2])}"` : '';
    parts.push(`<pre><code${lang}>${escapeHtml(code.join('\n'))}</code></pre>`);
  }
  flushProse();
  return parts.join('');
}
