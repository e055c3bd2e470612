// l10n/bundle.l10n.json is what translators start from (package.json "l10n": "./l10n"; a translation is a
// bundle.l10n.<lang>.json next to it). It must hold exactly the strings src/ passes to l10n.t today.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { englishBundle } from '../support/pseudoL10n';

const REPO = path.resolve(__dirname, '..', '..', '..', '..');

describe('l10n bundle', function () {
  this.timeout(60_000);

  it('l10n/bundle.l10n.json matches the strings in src/ (run `npm run l10n:export` after changing one)', async () => {
    const committed = JSON.parse(fs.readFileSync(path.join(REPO, 'l10n', 'bundle.l10n.json'), 'utf8')) as Record<string, unknown>;
    const current = await englishBundle();
    const missing = Object.keys(current).filter((k) => !(k in committed));
    const stale = Object.keys(committed).filter((k) => !(k in current));
    assert.deepEqual({ missing, stale }, { missing: [], stale: [] });
  });

  it('ships the bundle folder named in package.json', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { l10n?: string };
    assert.equal(manifest.l10n, './l10n');
    assert.match(fs.readFileSync(path.join(REPO, '.vscodeignore'), 'utf8'), /^!l10n\/\*\.json$/m);
  });
});
