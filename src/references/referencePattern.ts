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

/** Longest pattern accepted; a workspace could otherwise hand us a megabyte of regex. */
const MAX_PATTERN_CHARS = 500;

/**
 * True when a quantified group contains a quantifier itself (`(\d+)+`, `(?:a*)*`, `(a+|b)+`): the shape that makes
 * a backtracking engine take exponential time on a near-miss ("BD-" and 30 digits took > 30 s and froze every
 * extension). Conservative: such patterns are refused even when harmless; a ticket pattern never needs one.
 */
export function hasNestedQuantifier(source: string): boolean {
  const stack: boolean[] = []; // per open group: does it contain a quantifier?
  let quantifiedBefore = false; // the group that just closed contained one
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      i++;
      quantifiedBefore = false;
      continue;
    }
    if (c === '[') {
      // Skip a character class (escapes inside included).
      for (i++; i < source.length && source[i] !== ']'; i++) if (source[i] === '\\') i++;
      quantifiedBefore = false;
      continue;
    }
    if (c === '(') {
      stack.push(false);
      quantifiedBefore = false;
      continue;
    }
    if (c === ')') {
      quantifiedBefore = stack.pop() ?? false;
      continue;
    }
    const unbounded = c === '*' || c === '+' || (c === '{' && /^\{\d*,\d*\}/.test(source.slice(i)) && !/^\{(\d+),\1\}/.test(source.slice(i)));
    if (unbounded) {
      if (quantifiedBefore) return true;
      if (stack.length) stack[stack.length - 1] = true;
    } else if (c !== '?') {
      quantifiedBefore = false;
    }
  }
  return false;
}

function check(source: string): { regex: RegExp } | { problem: string } {
  if (source.length > MAX_PATTERN_CHARS) return { problem: l10n.t('it is longer than {0} characters', MAX_PATTERN_CHARS) };
  if (hasNestedQuantifier(source)) {
    return { problem: l10n.t('it repeats a group that repeats itself (like (\\d+)+), which can freeze the editor on some text') };
  }
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
/** Only this much of a line is scanned (minified files have megabyte lines; a reference sits near text a person reads). */
export const MAX_LINE_CHARS = 2000;
/** Only this much of a document is scanned. */
export const MAX_DOCUMENT_CHARS = 1_000_000;

/**
 * Every reference in `text` whose group 1 is a ticket number (a positive integer). Scanned line by line, each line
 * and the whole text capped (MAX_LINE_CHARS, MAX_DOCUMENT_CHARS, MAX_REFERENCES): whatever the pattern, the work
 * per call is bounded. Offsets are into `text`.
 */
export function findReferences(text: string, pattern: RegExp): TicketReference[] {
  const re = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
  const found: TicketReference[] = [];
  const end = Math.min(text.length, MAX_DOCUMENT_CHARS);
  for (let lineStart = 0; lineStart < end && found.length < MAX_REFERENCES; ) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1 || lineEnd > end) lineEnd = end;
    const line = text.slice(lineStart, Math.min(lineEnd, lineStart + MAX_LINE_CHARS));
    re.lastIndex = 0;
    for (let m = re.exec(line); m !== null && found.length < MAX_REFERENCES; m = re.exec(line)) {
      if (m[0] === '') {
        re.lastIndex++; // never loop on an empty match
        continue;
      }
      const digits = m[1]?.trim();
      if (!digits || !/^\d{1,15}$/.test(digits)) continue;
      const ticketId = Number(digits);
      if (ticketId > 0) found.push({ ticketId, start: lineStart + m.index, end: lineStart + m.index + m[0].length });
    }
    lineStart = lineEnd + 1;
  }
  return found;
}

/** The reference a copied ticket gets, e.g. `BD-1234 Printer on fire`. */
export function referenceText(ticketId: number, subject: string | undefined): string {
  const s = subject?.replace(/\s+/g, ' ').trim();
  return s ? `BD-${ticketId} ${s}` : `BD-${ticketId}`;
}
