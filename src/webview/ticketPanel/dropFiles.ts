// Files dropped onto the composer. The page reads each dropped File's bytes itself and hands over only the name and
// the bytes (base64): a local path never crosses to the extension, which checks the file like a picked one
// (size, count, type) before it joins the draft.
import * as l10n from '@vscode/l10n';
import { Limits } from '../../views/ticketPanel/protocol';

/** Calls `onDrop` with the files dropped onto `zone` (`onNoFiles` when the drop held none, e.g. text or a tab). */
export function acceptDrops(zone: HTMLElement, onDrop: (files: File[]) => void, onNoFiles: () => void): void {
  const carriesFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');
  zone.addEventListener('dragover', (e) => {
    if (!carriesFiles(e)) return;
    e.preventDefault(); // allows the drop
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    zone.classList.add('drop-target');
  });
  zone.addEventListener('dragleave', (e) => {
    if (!(e.relatedTarget instanceof Node) || !zone.contains(e.relatedTarget)) zone.classList.remove('drop-target');
  });
  zone.addEventListener('drop', (e) => {
    zone.classList.remove('drop-target');
    if (!carriesFiles(e)) return; // text dropped into the text box keeps its usual behaviour
    e.preventDefault();
    const files = Array.from(e.dataTransfer?.files ?? []);
    if (files.length > 0) onDrop(files);
    else onNoFiles();
  });
}

/** The file's bytes as base64 (rejects for a folder or an unreadable file). */
export async function base64Of(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  // In slices: String.fromCharCode with millions of arguments would overflow the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Reads the files one by one and hands each over with `send`; `say` hears "Adding name…". Throws with the reason. */
export async function handOver(files: readonly File[], say: (text: string) => void, send: (name: string, data: string) => Promise<void>): Promise<void> {
  for (const file of files) {
    if (file.size > Limits.maxFileBytes) { // not even read: the extension would refuse it anyway
      throw new Error(l10n.t('{0} is {1} MB; BoldDesk takes files up to {2} MB.', file.name, (file.size / 1048576).toFixed(1), Limits.maxFileBytes / 1048576));
    }
    say(l10n.t('Adding {0}…', file.name));
    const data = await base64Of(file).catch(() => {
      throw new Error(l10n.t('{0} cannot be read (folders cannot be attached).', file.name));
    });
    await send(file.name, data);
  }
}
