// Which files are attached to a reply or note draft: URIs kept in globalState by help desk origin, ticket and kind
// (like the draft text: another help desk's #123 never shows this one's files), until BoldDesk confirmed the send.
// Small on purpose (it is in dist/extension.js for the ticket panel); checking, picking and uploading the files is
// in draftFiles.ts (dist/extrasUi.js).
import type { DraftRef, KeyValueStore } from './draftStore';

/** `bolddesk.draftFiles.reply.123@https://acme.bolddesk.com` (the draft's key: draftKey in draftStore.ts). */
function keyOf(ref: DraftRef, origin: string): string {
  return `bolddesk.draftFiles.${ref.kind}.${ref.ticketId}@${origin}`;
}

/** Lists kept before they were keyed by origin (adopted by the first origin that reads them, like drafts). */
function legacyKeyOf(ref: DraftRef): string {
  return `bolddesk.draftFiles.${ref.kind}.${ref.ticketId}`;
}

function isList(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((f) => typeof f === 'string');
}

/** The draft's files as URI strings, in the order they were attached, for the help desk at `origin`. */
export function draftFiles(state: KeyValueStore, ref: DraftRef, origin: string): string[] {
  const stored = state.get<unknown>(keyOf(ref, origin));
  if (isList(stored)) return stored;
  const legacy = state.get<unknown>(legacyKeyOf(ref));
  if (stored !== undefined || !isList(legacy)) return [];
  void state.update(keyOf(ref, origin), legacy);
  void state.update(legacyKeyOf(ref), undefined);
  return legacy;
}

export async function setDraftFiles(state: KeyValueStore, ref: DraftRef, origin: string, files: readonly string[]): Promise<void> {
  await state.update(keyOf(ref, origin), files.length > 0 ? [...files] : undefined);
}

/** The file name a URI string names (its last path segment), for lists and messages. */
export function fileNameOf(uri: string): string {
  let path = uri;
  try {
    path = decodeURIComponent(new URL(uri).pathname);
  } catch {
    // not a URL: use the text as it is
  }
  return path.slice(path.lastIndexOf('/') + 1) || path;
}
