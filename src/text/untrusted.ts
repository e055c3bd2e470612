// Text that others control — ticket subjects and names, BoldDesk's error words, a header, a value a workspace put in
// the settings — is shown in places where VS Code gives syntax a meaning: in a notification, a modal, a progress
// title or an input prompt `[label](command:id?args)` is a live link that runs a command, and in status bar text and
// quick-pick labels `$(name)` is an icon. `neutralize` is the ONE function every such string passes through before
// it reaches those places (VsCodePrompts applies it to every message, title and label; status bar items apply it to
// what they interpolate). Leaf module: imports nothing, so every layer may use it. See docs/SECURITY.md.

/** Invisible, so the text reads the same, but it splits `](` and `$(` so neither parses any more. */
const BREAK = '\u200b';
/** Bidi overrides/isolates and other invisible formatting that could make text read differently than it is. */
const INVISIBLE = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
/** Long enough for any sentence we build around a value; a megabyte of header or setting is cut. */
export const MAX_SHOWN = 1000;

/**
 * `text` as plain words for a message, notification, progress title, status bar text or quick-pick label:
 * link syntax `[…](…)` and icon syntax `$(…)` no longer parse (an invisible break is inserted), control and bidi
 * characters are removed, line breaks become spaces, and the result is at most `maxLength` characters.
 */
export function neutralize(text: unknown, maxLength = MAX_SHOWN): string {
  let s = typeof text === 'string' ? text : text === undefined || text === null ? '' : String(text);
  if (s.length > maxLength * 4) s = s.slice(0, maxLength * 4); // bound the work below
  s = s
    .replace(/\r\n?|\n|\t/g, ' ')
    .replace(CONTROL, '')
    .replace(INVISIBLE, '')
    .replace(/\]\(/g, `]${BREAK}(`)
    .replace(/\$\(/g, `$${BREAK}(`);
  return clipTo(s, maxLength);
}

/** Undo `neutralize`'s invisible breaks (tests compare what a person reads). */
export function visibleText(text: string): string {
  return text.split(BREAK).join('');
}

function clipTo(s: string, max: number): string {
  if (s.length <= max) return s;
  let cut = max - 1;
  // Do not split a surrogate pair.
  const code = s.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut--;
  return `${s.slice(0, cut)}…`;
}
