// Pure formatting for the ticket view: relative times ("3 hours ago") with the exact time for hovers, sizes. Dates
// and numbers follow `locale` (the webview passes its <html lang>, VS Code's display language) through Intl.
import * as l10n from '@vscode/l10n';

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();

/** One formatter per locale; a tag Intl rejects falls back to the browser's default. */
function relativeFormat(locale: string | undefined): Intl.RelativeTimeFormat {
  const key = locale ?? '';
  let f = relativeFormats.get(key);
  if (!f) {
    try {
      f = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
    } catch {
      f = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
    }
    relativeFormats.set(key, f);
  }
  return f;
}

/** "now", "5 minutes ago", "yesterday", "in 2 hours" (in `locale`); '' for a missing or unparsable date. */
export function relativeTime(iso: string | undefined, now: number, locale = 'en'): string {
  if (!iso) return '';
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '';
  const relative = relativeFormat(locale);
  const seconds = Math.round((t - now) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 45) return relative.format(0, 'second');
  for (const [unit, size] of UNITS) {
    if (abs >= size) return relative.format(Math.round(seconds / size), unit);
  }
  return relative.format(Math.round(seconds / 60) || (seconds < 0 ? -1 : 1), 'minute');
}

/**
 * What a message's time reads: relative for today ("3 hours ago"); from a day back the date beside it
 * ("last week (Nov 18, 2026)"), so an older message is placed without hovering. '' when unknown.
 */
export function timeLabel(iso: string | undefined, now: number, locale = 'en'): string {
  const relative = relativeTime(iso, now, locale);
  const t = Date.parse(iso ?? '');
  if (relative === '' || Math.abs(now - t) < 24 * 3600 * 1000) return relative;
  let date: string;
  try {
    date = new Date(t).toLocaleDateString(locale, { dateStyle: 'medium' });
  } catch {
    date = new Date(t).toLocaleDateString(undefined, { dateStyle: 'medium' });
  }
  return l10n.t('{0} ({1})', relative, date);
}

/** The full date and time (in `locale`; undefined = the browser's), for title attributes. */
export function exactTime(iso: string | undefined, locale?: string): string {
  if (!iso) return '';
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '';
  const options: Intl.DateTimeFormatOptions = { dateStyle: 'full', timeStyle: 'long' };
  try {
    return new Date(t).toLocaleString(locale, options);
  } catch {
    return new Date(t).toLocaleString(undefined, options);
  }
}

function decimal(n: number, digits: number, locale: string | undefined): string {
  const options: Intl.NumberFormatOptions = { minimumFractionDigits: digits, maximumFractionDigits: digits };
  try {
    return n.toLocaleString(locale, options);
  } catch {
    return n.toLocaleString(undefined, options);
  }
}

/** "512 B", "2.0 KB", "5.0 MB" (numbers in `locale`, unit symbols translatable); '' when unknown. */
export function formatSize(bytes: number | undefined, locale = 'en'): string {
  if (bytes === undefined || !Number.isFinite(bytes) || bytes < 0) return '';
  if (bytes < 1024) return l10n.t('{0} B', decimal(bytes, 0, locale));
  if (bytes < 1024 * 1024) return l10n.t('{0} KB', decimal(bytes / 1024, bytes < 10 * 1024 ? 1 : 0, locale));
  return l10n.t('{0} MB', decimal(bytes / (1024 * 1024), 1, locale));
}

/** Which slice of a long conversation to render: the newest `shown` messages (oldest first within). */
export function visibleRange(total: number, shown: number): { start: number; hidden: number } {
  const start = Math.max(0, total - Math.max(0, shown));
  return { start, hidden: start };
}
