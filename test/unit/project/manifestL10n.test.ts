// package.json's user-visible strings are `%key%` placeholders (package.nls.json holds the English text), and
// the getting-started walkthrough refers only to things that exist: media files, commands, settings, the view.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Commands, Settings, Views, WALKTHROUGH_ID } from '../../../src/constants';

const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');
const manifestText = fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8');
const nls = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.nls.json'), 'utf8')) as Record<string, string>;

interface Step {
  id: string;
  title: string;
  description: string;
  media: { markdown?: string; image?: string };
  completionEvents?: string[];
}
const manifest = JSON.parse(manifestText) as { contributes: { walkthroughs?: { id: string; steps: Step[] }[] } };
const resolve = (s: string) => s.replace(/^%([\w.-]+)%$/, (whole, key: string) => nls[key] ?? whole);

describe('package.json localization (package.nls.json)', () => {
  it('every %key% placeholder in package.json exists in package.nls.json', () => {
    const keys = [...manifestText.matchAll(/"%([\w.-]+)%"/g)].map((m) => m[1]);
    assert.ok(keys.length > 20, `expected many placeholders, found ${keys.length}`);
    assert.deepEqual(keys.filter((k) => typeof nls[k] !== 'string' || nls[k].trim() === ''), []);
  });

  it('package.nls.json has no entries that package.json does not use', () => {
    const used = new Set([...manifestText.matchAll(/"%([\w.-]+)%"/g)].map((m) => m[1]));
    assert.deepEqual(Object.keys(nls).filter((k) => !used.has(k)), []);
  });
});

describe('getting-started walkthrough', () => {
  const walkthrough = manifest.contributes.walkthroughs?.find((w) => w.id === WALKTHROUGH_ID);

  it('has steps for domain, key, browsing and creating a ticket, each with media that exists', () => {
    assert.ok(walkthrough, 'contributes.walkthroughs has the getting-started walkthrough');
    assert.deepEqual(walkthrough.steps.map((s) => s.id), ['setDomain', 'setApiKey', 'browse', 'createTicket']);
    for (const step of walkthrough.steps) {
      const file = step.media.markdown ?? step.media.image;
      assert.ok(file && fs.existsSync(path.join(repoRoot, file)), `${step.id}: media ${file} exists`);
      assert.ok(file.startsWith('media/walkthrough/'), file);
    }
  });

  it('completion events and command links name real commands, settings and views', () => {
    assert.ok(walkthrough);
    const commands = new Set<string>(Object.values(Commands));
    const settings = new Set(Object.values(Settings).filter((k) => k !== Settings.section).map((k) => `${Settings.section}.${k}`));
    for (const step of walkthrough.steps) {
      assert.ok((step.completionEvents ?? []).length > 0, `${step.id} can complete`);
      for (const event of step.completionEvents ?? []) {
        const [kind, arg] = event.split(/:(.*)/s);
        if (kind === 'onCommand') assert.ok(commands.has(arg), event);
        else if (kind === 'onSettingChanged') assert.ok(settings.has(arg), event);
        else if (kind === 'onView') assert.equal(arg, Views.tickets, event);
        else if (kind === 'onContext') assert.match(arg, /^bolddesk\./, event);
        else assert.fail(`unexpected completion event ${event}`);
      }
      for (const m of resolve(step.description).matchAll(/\(command:([\w.]+)\)/g)) {
        assert.ok(commands.has(m[1]) || m[1] === `${Views.tickets}.focus`, `${step.id}: ${m[1]}`);
      }
    }
  });

  it('the attribution step explains whose name BoldDesk shows', () => {
    const step = walkthrough?.steps.find((s) => s.id === 'setApiKey');
    assert.ok(step);
    assert.match(resolve(step.description), /name of the agent who owns the key/);
    assert.match(fs.readFileSync(path.join(repoRoot, step.media.markdown ?? ''), 'utf8'), /## Attribution/);
  });
});
