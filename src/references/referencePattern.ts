// Ticket references in text (`BD-1234`, `bolddesk#1234`, or the user's own pattern): compiling the pattern
// from the setting and finding every reference with its ticket number (capture group 1). No vscode import.
import * as l10n from '@vscode/l10n';

/** The default: `BD-1234` and `bolddesk#1234`, case-insensitive. Kept equal to package.json's default. */
export const DEFAULT_REFERENCE_PATTERN = '\\b(?:BD-|bolddesk#)(\\d+)\\b';

export interface CompiledPattern {
  regex: RegExp;
  /** Why the user's pattern was not used (the default is used instead). */
  problem?: string;
}

function check(source: string): { regex: RegExp } | { problem: string } {
  let regex: RegExp;
  try {
    regex = new RegExp(source, 'gi');
  } catch {
    // Not the engine's message: it quotes the pattern, and a workspace chose the pattern (docs/SECURITY.md).
    return { problem: l10n.t('it is not a valid regular expression') };
  }
  // Count capture groups by matching the empty alternative: `(?:src)|` has the same groups.
  const groups = (new RegExp(`(?:${source})|`).exec('')?.length ?? 1) - 1;
  if (groups < 1) return { problem: l10n.t('it has no capture group for the ticket number (group 1)') };
  if (new RegExp(`^(?:${source})$`, 'i').test('')) return { problem: l10n.t('it matches empty text') };
  return { regex };
}

/** The pattern from the setting; an empty, invalid or unusable one falls back to the default with a reason. */
export function compileReferencePattern(setting: string | undefined): CompiledPattern {
  const source = setting?.trim() ? setting : DEFAULT_REFERENCE_PATTERN;
  const result = check(source);
  if ('regex' in result) return { regex: result.regex };
  const fallback = check(DEFAULT_REFERENCE_PATTERN);
  // l10n-ignore: the built-in default is tested; only a bug gets here.
  if (!('regex' in fallback)) throw new Error('the default ticket reference pattern is invalid');
  return { regex: fallback.regex, problem: result.problem };
}

export interface TicketReference {
  ticketId: number;
  /** Offsets in the text: [start, end). */
  start: number;
  end: number;
}

const MAX_REFERENCES = 5000;

/** Every reference in `text` whose group 1 is a ticket number (a positive integer). Bounded for huge files. */
export function findReferences(text: string, pattern: RegExp): TicketReference[] {
  const re = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
  const found: TicketReference[] = [];
  for (let m = re.exec(text); m !== null && found.length < MAX_REFERENCES; m = re.exec(text)) {
    if (m[0] === '') {
      re.lastIndex++; // never loop on an empty match
      continue;
    }
    const digits = m[1]?.trim();
    if (!digits || !/^\d{1,15}$/.test(digits)) continue;
    const ticketId = Number(digits);
    if (ticketId > 0) found.push({ ticketId, start: m.index, end: m.index + m[0].length });
  }
  return found;
}

/** The reference a copied ticket gets, e.g. `BD-1234 Printer on fire`. */
export function referenceText(ticketId: number, subject: string | undefined): string {
  const s = subject?.replace(/\s+/g, ' ').trim();
  return s ? `BD-${ticketId} ${s}` : `BD-${ticketId}`;
}
