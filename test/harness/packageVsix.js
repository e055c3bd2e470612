// Packages the built extension (dist/ must exist) as a VSIX with vsce, offline. vsce runs in a staging copy of what
// .vscodeignore may ship: in the repo it would walk .cache/ (code-server, ~800 MB) before applying .vscodeignore.
// Used by `npm start` (scripts/demo.js), the e2e runner and the test that checks what the VSIX ships.
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { REPO_DIR } = require('./paths');

/** What the staging copy holds: everything a VSIX may contain (.vscodeignore then decides). */
const STAGED = ['package.json', '.vscodeignore', 'README.md', 'LICENSE', 'CHANGELOG.md', 'package.nls.json', 'l10n', 'dist', 'media', 'docs/screenshots'];
// --allow-missing-repository: we have no public repository URL yet and do not invent one;
// --no-rewrite-relative-links: README images stay relative (they ship inside the VSIX).
const VSCE_FLAGS = ['--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links'];

function stage(dir) {
  const staged = path.join(dir, 'stage');
  fs.mkdirSync(staged, { recursive: true });
  for (const entry of STAGED) {
    const from = path.join(REPO_DIR, entry);
    if (fs.existsSync(from)) fs.cpSync(from, path.join(staged, entry), { recursive: true });
  }
  return staged;
}

function vsce(args, cwd) {
  const bin = path.join(REPO_DIR, 'node_modules', '.bin', 'vsce');
  return spawnSync(bin, args, { cwd, encoding: 'utf8' });
}

/** Packages (staging in `dir`) into `out` and returns its path; throws with vsce's output when it fails. */
function packageVsix(dir, out = path.join(dir, 'bolddesk-vscode.vsix')) {
  const r = vsce(['package', ...VSCE_FLAGS, '-o', out], stage(dir));
  if (r.status !== 0 || !fs.existsSync(out)) throw new Error(`vsce package failed:\n${r.stdout}\n${r.stderr}`);
  return { vsix: out, output: `${r.stdout}\n${r.stderr}` };
}

/** The files the VSIX would ship (`vsce ls`), sorted. */
function listVsixFiles(dir) {
  const r = vsce(['ls', '--no-dependencies'], stage(dir));
  if (r.status !== 0) throw new Error(`vsce ls failed:\n${r.stdout}\n${r.stderr}`);
  return r.stdout.split('\n').map((l) => l.trim()).filter(Boolean).sort();
}

module.exports = { packageVsix, listVsixFiles, VSCE_FLAGS };
