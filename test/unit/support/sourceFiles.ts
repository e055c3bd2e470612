// The TypeScript files under a folder (recursively), for tests that read the sources themselves.
import * as fs from 'node:fs';
import * as path from 'node:path';

export function tsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return tsFiles(full);
    return e.name.endsWith('.ts') ? [full] : [];
  });
}
