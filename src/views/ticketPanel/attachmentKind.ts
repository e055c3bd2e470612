// What kind of file an attachment is (decides the click: image preview, read-only tab, Save As…) and what image
// its bytes really are. Pure, and small: shared by the panel model (dist/extension.js) and dist/extras.js.

export type AttachmentKind = 'image' | 'text' | 'other';

const IMAGE_EXT = /\.(png|jpe?g|gif|webp|bmp)$/i;
const TEXT_EXT = /\.(txt|log|json|csv|tsv|xml|ya?ml|md|ini|cfg|conf|out|err|trace|stacktrace|har|sql|js|ts|py|java|cs|sh|ps1)$/i;

/** What a click does: images → image preview, text-like files → read-only editor tab, the rest → Save As…. */
export function attachmentKind(name: string, contentType = ''): AttachmentKind {
  const type = contentType.toLowerCase();
  // SVG is active content: never an inline image.
  if (IMAGE_EXT.test(name) || (/^image\/(png|jpeg|gif|webp|bmp)$/.test(type))) return 'image';
  if (TEXT_EXT.test(name) || type.startsWith('text/') || /^application\/(json|xml|x-ndjson)$/.test(type)) return 'text';
  return 'other';
}

/** The image type from the file's first bytes; undefined for anything not a known raster image. */
export function sniffImage(bytes: Uint8Array): string | undefined {
  const b = (i: number) => bytes[i];
  if (b(0) === 0x89 && b(1) === 0x50 && b(2) === 0x4e && b(3) === 0x47) return 'image/png';
  if (b(0) === 0xff && b(1) === 0xd8 && b(2) === 0xff) return 'image/jpeg';
  if (b(0) === 0x47 && b(1) === 0x49 && b(2) === 0x46 && b(3) === 0x38) return 'image/gif';
  if (b(0) === 0x52 && b(1) === 0x49 && b(2) === 0x46 && b(3) === 0x46 && b(8) === 0x57 && b(9) === 0x45 && b(10) === 0x42 && b(11) === 0x50) return 'image/webp';
  if (b(0) === 0x42 && b(1) === 0x4d) return 'image/bmp';
  return undefined;
}

