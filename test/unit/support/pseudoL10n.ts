// A pseudo-localized bundle of every string the extension localizes ("Send reply" → "Şḗḗƞḓ řḗḗƥŀẏ"), built with
// @vscode/l10n-dev from src/ exactly as a translator's bundle would be exported. Tests configure @vscode/l10n with it
// and then look for English: any UI text still in plain ASCII letters did not go through l10n.t.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { getL10nJson, getL10nPseudoLocalized } from '@vscode/l10n-dev';
import { tsFiles } from './sourceFiles';

const SRC = path.resolve(__dirname, '..', '..', '..', '..', 'src');

export type L10nBundle = Record<string, string>;

let english: Promise<L10nBundle> | undefined;
let pseudo: Promise<L10nBundle> | undefined;

/** What `npx @vscode/l10n-dev export src` writes to bundle.l10n.json (messages with comments flattened); once per run. */
export function englishBundle(): Promise<L10nBundle> {
  english ??= getL10nJson(tsFiles(SRC).map((f) => ({ extension: '.ts', contents: fs.readFileSync(f, 'utf8') }))).then(flatten);
  return english;
}

/** The pseudo-localized bundle (computed once per test run). */
export function pseudoBundle(): Promise<L10nBundle> {
  pseudo ??= englishBundle().then((en) => flatten(getL10nPseudoLocalized(en)));
  return pseudo;
}

function flatten(json: Record<string, string | { message: string }>): L10nBundle {
  return Object.fromEntries(Object.entries(json).map(([k, v]) => [k, typeof v === 'string' ? v : v.message]));
}

/**
 * The parts of `text` that look like untranslated English: runs of 3+ plain ASCII letters. Pseudo-localized text
 * has accented letters in every word of 3+ letters, so none of its words match.
 */
export function englishWords(text: string): string[] {
  return text.match(/\b[A-Za-z]{3,}\b/g) ?? [];
}
