import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { branchName, sanitizeRef, slugOf, ticketIdFromBranch } from '../../../src/work/branchName';

/** git check-ref-format's rules for a branch name (refs/heads/<name>). */
function isValidRef(name: string): boolean {
  // eslint-disable-next-line no-control-regex -- the rule itself is about control characters
  return name !== '' && name !== '@' && !/[\u0000-\u0020\u007f~^:?*[\\]/.test(name) && !name.includes('..') && !name.includes('@{')
    && !name.includes('//') && !/^\/|\/$/.test(name) && !/\.$/.test(name)
    && name.split('/').every((p) => p !== '' && !p.startsWith('.') && !p.endsWith('.lock'));
}

describe('branch names for Start Work on Ticket', () => {
  it('fills the default template with the id and a short slug of the subject', () => {
    assert.equal(branchName('bd-{id}-{slug}', { id: 1234, subject: 'Login fails: "Invalid token" after password reset (iOS)' }),
      'bd-1234-login-fails-invalid-token-after-password');
  });

  it('handles accents, custom templates and templates without {id}', () => {
    assert.equal(slugOf('Café crème über alles'), 'cafe-creme-uber-alles');
    assert.equal(branchName('fix/{id}', { id: 7, subject: 'x' }), 'fix/7');
    assert.equal(branchName('feature/{slug}', { id: 7, subject: 'Add export' }), 'feature/add-export-7');
    assert.equal(branchName('', { id: 9, subject: '!!!' }), 'bd-9');
  });

  it('always gives a valid git ref name', () => {
    fc.assert(fc.property(fc.string(), fc.string(), fc.integer({ min: 1, max: 1e9 }), (template, subject, id) => {
      const name = branchName(template, { id, subject });
      assert.ok(isValidRef(name), JSON.stringify({ template, subject, name }));
    }), { numRuns: 500 });
    assert.equal(sanitizeRef('..a/.b..c/d.lock/'), 'a/b.c/d');
  });

  it('finds the ticket of a branch made from the same template, and nothing for other branches', () => {
    assert.equal(ticketIdFromBranch('bd-{id}-{slug}', 'bd-1234-login-fails'), 1234);
    assert.equal(ticketIdFromBranch('bd-{id}-{slug}', 'BD-77-'), 77);
    assert.equal(ticketIdFromBranch('fix/{id}', 'fix/5'), 5);
    assert.equal(ticketIdFromBranch('bd-{id}-{slug}', 'main'), undefined);
    assert.equal(ticketIdFromBranch('bd-{id}-{slug}', undefined), undefined);
    fc.assert(fc.property(fc.string(), fc.integer({ min: 1, max: 1e9 }), (subject, id) => {
      assert.equal(ticketIdFromBranch('bd-{id}-{slug}', branchName('bd-{id}-{slug}', { id, subject })), id);
    }), { numRuns: 300 });
  });
});
