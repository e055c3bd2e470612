// Ticket references: the default pattern, user patterns (group 1 = ticket number) and the fallback for bad ones.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  compileReferencePattern,
  DEFAULT_REFERENCE_PATTERN,
  findReferences,
  hasNestedQuantifier,
  MAX_LINE_CHARS,
  referenceText,
} from '../../../src/references/referencePattern';

const ids = (text: string, setting?: string) => findReferences(text, compileReferencePattern(setting).regex).map((r) => r.ticketId);

describe('ticket reference pattern', () => {
  it('matches BD-1234 and bolddesk#1234, case-insensitive, with exact offsets', () => {
    const text = 'fix BD-12, see bolddesk#345 and bd-6 / BOLDDESK#7; not xBD-8 or BD-x';
    assert.deepEqual(ids(text), [12, 345, 6, 7]);
    const [first] = findReferences(text, compileReferencePattern(undefined).regex);
    assert.equal(text.slice(first.start, first.end), 'BD-12');
  });

  it('is the default package.json declares', () => {
    const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../../package.json'), 'utf8')) as {
      contributes: { configuration: { properties: Record<string, { default?: unknown }> } };
    };
    assert.equal(manifest.contributes.configuration.properties['bolddesk.ticketReferencePattern'].default, DEFAULT_REFERENCE_PATTERN);
  });

  it('uses a valid user pattern with the number in group 1', () => {
    assert.deepEqual(ids('HELP-5 and help-77, BD-1', 'HELP-(\\d+)'), [5, 77]);
    assert.equal(compileReferencePattern('HELP-(\\d+)').problem, undefined);
  });

  it('falls back to the default, with a reason, for invalid, group-less or empty-matching patterns', () => {
    for (const [setting, why] of [
      ['BD-(\\d+', /not a valid regular expression/],
      ['BD-\\d+', /no capture group/],
      ['(\\d*)', /matches empty text/],
    ] as const) {
      const c = compileReferencePattern(setting);
      assert.match(c.problem ?? '', why, setting);
      assert.deepEqual(findReferences('BD-9', c.regex).map((r) => r.ticketId), [9]);
    }
  });

  it('skips matches whose group 1 is not a ticket number', () => {
    assert.deepEqual(ids('T-abc T-0 T-42', 'T-(\\w+)'), [42]);
  });

  it('copies references as "BD-<id> <subject>" on one line', () => {
    assert.equal(referenceText(1234, '  Printer\non fire '), 'BD-1234 Printer on fire');
    assert.equal(referenceText(5, ''), 'BD-5');
  });

  // A workspace can set the pattern (docs/SECURITY.md): nothing it sets may freeze the editor.
  it('refuses a catastrophically backtracking pattern (BD-((?:\\d+)+)x took > 30 s on 30 digits) and falls back', () => {
    for (const evil of ['BD-((?:\\d+)+)x', '(\\d+)+$', 'T-((a|\\d+)*)!', '(?:(\\d*)*)-', 'x(\\d{1,})+y']) {
      const c = compileReferencePattern(evil);
      assert.ok(c.problem, `accepted ${evil}`);
      assert.ok(!c.problem.includes(evil) && !c.problem.includes('BD-(('), `the reason echoes the pattern: ${c.problem}`);
      assert.deepEqual(findReferences(`BD-${'1'.repeat(30)} BD-7`, c.regex).map((r) => r.ticketId), [7]);
    }
  });

  it('accepts ordinary ticket patterns (no nested repetition)', () => {
    for (const ok of [DEFAULT_REFERENCE_PATTERN, 'HELP-(\\d+)', '(\\d+)-(\\d+)', '[(+]+(\\d+)', 'T(\\d{3})+', 'a\\(+(\\d+)', 'x[a-z+*]+(\\d+)']) {
      assert.equal(hasNestedQuantifier(ok), false, ok);
      assert.equal(compileReferencePattern(ok).problem, undefined, ok);
    }
  });

  it('refuses a pattern longer than 500 characters without quoting it', () => {
    const c = compileReferencePattern(`(\\d+)${'x'.repeat(600)}`);
    assert.match(c.problem ?? '', /longer than 500/);
  });

  it('scans each line only up to MAX_LINE_CHARS, with offsets into the whole text', () => {
    const long = `${'x'.repeat(MAX_LINE_CHARS + 10)} BD-1`;
    const text = `BD-2\n${long}\nsee BD-3`;
    const found = findReferences(text, compileReferencePattern(undefined).regex);
    assert.deepEqual(found.map((r) => r.ticketId), [2, 3], 'the reference past the cap of the long line is not scanned');
    assert.equal(text.slice(found[1].start, found[1].end), 'BD-3');
  });
});
