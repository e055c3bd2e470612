// One job per file (issue 16): no file in src/ is longer than 300 lines. A file that grows past it is split where
// its jobs part; there is no list of exceptions.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const SRC = path.resolve(__dirname, '..', '..', '..', '..', 'src');
const MAX_LINES = 300;

function sourceFiles(dir = SRC): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : [p];
  });
}

/** Lines as an editor numbers them (a final newline does not start another line). */
export function lineCount(text: string): number {
  if (text === '') return 0;
  return text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}

describe('code shape: file length', () => {
  it('counts lines as an editor does', () => {
    assert.equal(lineCount(''), 0);
    assert.equal(lineCount('a'), 1);
    assert.equal(lineCount('a\n'), 1);
    assert.equal(lineCount('a\nb\n'), 2);
    assert.equal(lineCount('a\n\nb'), 3);
  });

  it(`no file in src/ is longer than ${MAX_LINES} lines`, () => {
    const files = sourceFiles();
    assert.ok(files.length > 100, `found only ${files.length} files under ${SRC}`);
    const long = files
      .map((f) => ({ file: path.relative(SRC, f).split(path.sep).join('/'), lines: lineCount(fs.readFileSync(f, 'utf8')) }))
      .filter((f) => f.lines > MAX_LINES)
      .map((f) => `src/${f.file}: ${f.lines} lines`);
    assert.deepEqual(long, [], `split these where their jobs part:\n${long.join('\n')}`);
  });
});
