// What ships in the VSIX (.vscodeignore allows dist/extension.js, dist/nodeFetch.js, dist/connectionCheck.js, media/**, package.json and the
// READMEs) holds no API key: not the fake's keys (demo, bot…) nor anything that looks like a hard-coded
// x-api-key value. Builds the production bundle into a temp folder with esbuild.js's own options.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { KEY_SPECS } from '../../fake-bolddesk/seedData';

const REPO = path.resolve(__dirname, '..', '..', '..', '..');

interface BuildScript {
  extensionBundleOptions(isProduction: boolean, outdir: string): esbuild.BuildOptions[];
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { extensionBundleOptions } = require(path.join(REPO, 'esbuild.js')) as BuildScript;

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(full) : [full];
  });
}

describe('reliability: no API key in what ships', function () {
  this.timeout(120_000);
  let outdir: string;

  before(async () => {
    outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'bolddesk-keyscan-'));
    await Promise.all(extensionBundleOptions(true, outdir).map((o) => esbuild.build({ ...o, logLevel: 'silent' })));
  });

  after(() => fs.rmSync(outdir, { recursive: true, force: true }));

  it('the bundle, media/, package.json and README contain no key', () => {
    const files = [
      ...filesUnder(outdir),
      ...filesUnder(path.join(REPO, 'media')).filter((f) => !f.endsWith('.map')),
      ...['package.json', 'README.md', 'CHANGELOG.md'].map((f) => path.join(REPO, f)).filter((f) => fs.existsSync(f)),
    ];
    assert.ok(files.some((f) => f.endsWith('extension.js')), 'the extension bundle was scanned');
    const leaks: string[] = [];
    for (const file of files) {
      const text = fs.readFileSync(file).toString('latin1');
      for (const { key } of KEY_SPECS) if (text.includes(key)) leaks.push(`${path.relative(REPO, file)}: ${key}`);
      // A literal key next to the header name would be a hard-coded credential.
      if (/x-api-key['"]?\s*[:=]\s*['"][A-Za-z0-9-]{12,}['"]/i.test(text)) leaks.push(`${path.relative(REPO, file)}: hard-coded x-api-key`);
    }
    assert.deepEqual(leaks, []);
  });
});
