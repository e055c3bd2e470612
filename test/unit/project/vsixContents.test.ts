// What a Marketplace listing needs, checked on the real package: `vsce ls` ships exactly the files we mean to ship,
// `vsce package` prints no warning a publisher would see, the icon is a 128×128 PNG, and the README's images are
// relative files that exist. Runs vsce on a staging copy of the built extension (npm test builds dist/ first).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const REPO = path.resolve(__dirname, '..', '..', '..', '..');

interface PackageVsix {
  packageVsix(dir: string): { vsix: string; output: string };
  listVsixFiles(dir: string): string[];
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const harness = require(path.join(REPO, 'test', 'harness', 'packageVsix.js')) as PackageVsix;

/** Exactly what the VSIX ships; a new file must be added here on purpose. */
const SHIPPED = [
  'CHANGELOG.md', 'LICENSE', 'README.md', 'package.json', 'package.nls.json', 'l10n/bundle.l10n.json',
  'dist/extension.js', 'dist/nodeFetch.js', 'dist/connectionCheck.js', 'dist/extras.js', 'dist/extrasUi.js',
  'media/bolddesk.svg', 'media/icon.png', 'media/codicons/codicon.css', 'media/codicons/codicon.ttf',
  'media/dist/ticketPanel.js', 'media/ticketPanel/ticketPanel.css',
  'media/walkthrough/apiKey.md', 'media/walkthrough/browse.md', 'media/walkthrough/create.md', 'media/walkthrough/domain.md',
].sort();

// The categories VS Code's Marketplace accepts (vsce rejects others).
const CATEGORIES = ['Azure', 'Data Science', 'Debuggers', 'Education', 'Extension Packs', 'Formatters', 'Keymaps', 'Language Packs',
  'Linters', 'Machine Learning', 'Notebooks', 'Programming Languages', 'SCM Providers', 'Snippets', 'Testing', 'Themes',
  'Visualization', 'AI', 'Chat', 'Other'];

describe('VSIX and Marketplace listing', function () {
  this.timeout(120_000);
  let tmp: string;
  const manifest = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));

  before(function () {
    if (!fs.existsSync(path.join(REPO, 'dist', 'extension.js'))) throw new Error('dist/extension.js is missing: run `node esbuild.js` first');
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bolddesk-vsix-'));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('`vsce ls` lists exactly the files we mean to ship (no source maps, sources, tests or caches)', () => {
    assert.deepEqual(harness.listVsixFiles(path.join(tmp, 'ls')), SHIPPED);
  });

  it('`vsce package` succeeds without a warning', () => {
    const { output } = harness.packageVsix(path.join(tmp, 'pkg'));
    assert.doesNotMatch(output, /WARNING/i, output);
  });

  it('has a 128×128 PNG icon, a gallery banner, known categories and keywords', () => {
    const png = fs.readFileSync(path.join(REPO, manifest.icon));
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
    assert.match(manifest.galleryBanner.color, /^#[0-9a-f]{6}$/i);
    assert.ok(['dark', 'light'].includes(manifest.galleryBanner.theme));
    for (const c of manifest.categories) assert.ok(CATEGORIES.includes(c), `unknown category ${c}`);
    assert.ok(manifest.keywords.length >= 5 && manifest.keywords.length <= 30, 'vsce allows at most 30 keywords');
    // No invented URLs: where these fields exist they must be real https addresses.
    for (const field of ['homepage', 'bugs', 'repository']) {
      const v = manifest[field];
      if (v !== undefined) assert.match(typeof v === 'string' ? v : v.url, /^https:\/\//, field);
    }
  });

  it('claims only the VS Code versions the tests run on (engines.vscode ≥ the code-server the harness installs)', () => {
    const setup = fs.readFileSync(path.join(REPO, 'test', 'harness', 'setup-vscode-offline.sh'), 'utf8');
    const codeServer = setup.match(/^CODE_SERVER_VERSION=4\.(\d+)\./m);
    assert.ok(codeServer, 'the setup script pins code-server 4.x');
    const engine = String(manifest.engines.vscode).match(/^\^1\.(\d+)\.\d+$/);
    assert.ok(engine, `engines.vscode is a caret range: ${manifest.engines.vscode}`);
    // code-server 4.N carries VS Code 1.N: the oldest accepted VS Code must be the one we test on.
    assert.equal(Number(engine[1]), Number(codeServer[1]));
    const types = String(manifest.devDependencies['@types/vscode']).match(/1\.(\d+)\./);
    assert.ok(types && Number(types[1]) <= Number(engine[1]), '@types/vscode may not be newer than engines.vscode');
    const readme = fs.readFileSync(path.join(REPO, 'README.md'), 'utf8');
    assert.match(readme, new RegExp(`VS Code 1\\.${engine[1]}\\b`), 'the README names the tested VS Code version');
  });

  it('the README starts with the two commands and its images are relative files that exist', () => {
    const readme = fs.readFileSync(path.join(REPO, 'README.md'), 'utf8');
    const block = readme.match(/```bash\n([\s\S]*?)```/);
    assert.ok(block && readme.indexOf(block[0]) < 200, 'a bash block right under the title');
    assert.deepEqual(block[1].trim().split('\n').map((l) => l.split('#')[0].trim()), ['npm install && npm start', 'npm test']);
    const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]);
    assert.ok(images.length > 0);
    for (const src of images) {
      assert.doesNotMatch(src, /^[a-z]+:/i, `${src} is relative`);
      assert.ok(fs.existsSync(path.join(REPO, src)), `${src} exists`);
    }
  });
});
