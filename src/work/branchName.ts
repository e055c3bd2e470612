// Branch names for "Start Work on Ticket" from `bolddesk.branchNameTemplate` (default `bd-{id}-{slug}`), and the
// way back: which ticket the current branch is for. No vscode import. The result is always a valid git ref name.

export const DEFAULT_BRANCH_TEMPLATE = 'bd-{id}-{slug}';
const MAX_SLUG = 40;

/** The subject as lowercase ASCII words joined by '-', at most 40 characters, cut at a word boundary. */
export function slugOf(subject: string): string {
  const words = subject
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = '';
  for (const w of words) {
    const next = slug ? `${slug}-${w}` : w;
    if (next.length > MAX_SLUG) break;
    slug = next;
  }
  return slug || (words[0] ?? '').slice(0, MAX_SLUG);
}

/** Makes any text a legal branch name (git check-ref-format rules). */
export function sanitizeRef(name: string): string {
  const cleaned = name
    // eslint-disable-next-line no-control-regex -- control characters are not allowed in ref names
    .replace(/[\u0000-\u0020\u007f~^:?*[\\]+/g, '-')
    .replace(/\.{2,}/g, '.')
    .replace(/@\{/g, '-')
    .replace(/\/{2,}/g, '/')
    .split('/')
    .map((part) => part.replace(/^[.-]+/, '').replace(/\.lock$/i, '').replace(/\.+$/, ''))
    .filter(Boolean)
    .join('/')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '');
  return cleaned === '@' ? '' : cleaned;
}

/** `{id}`, `{slug}` and `{subject}` (same as slug) filled in; a template without `{id}` gets `-{id}` appended. */
export function branchName(template: string, ticket: { id: number; subject: string }): string {
  const t = template.trim() || DEFAULT_BRANCH_TEMPLATE;
  const withId = t.includes('{id}') ? t : `${t}-{id}`;
  const slug = slugOf(ticket.subject);
  const filled = withId.replace(/\{id\}/g, String(ticket.id)).replace(/\{(slug|subject)\}/g, slug);
  return sanitizeRef(filled) || `bd-${ticket.id}`;
}

/** The ticket id a branch was named for by `template`, or undefined. */
export function ticketIdFromBranch(template: string, branch: string | undefined): number | undefined {
  if (!branch) return undefined;
  const t = template.trim() || DEFAULT_BRANCH_TEMPLATE;
  const withId = t.includes('{id}') ? t : `${t}-{id}`;
  const parts = withId.split(/(\{id\}|\{slug\}|\{subject\})/);
  const isSlug = (p: string | undefined) => p === '{slug}' || p === '{subject}';
  // An empty slug leaves its separator trimmed off ("bd-12-" → "bd-12"): text next to a slug is optional.
  const pattern = parts
    .map((part, i) => {
      if (part === '{id}') return '(\\d+)';
      if (isSlug(part)) return '[^/]*?';
      const literal = part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      return literal && (isSlug(parts[i - 1]) || isSlug(parts[i + 1])) ? `(?:${literal})?` : literal;
    })
    .join('');
  const m = new RegExp(`^${pattern}$`, 'i').exec(branch);
  const id = m ? Number(m[1]) : NaN;
  return Number.isSafeInteger(id) && id > 0 ? id : undefined;
}
