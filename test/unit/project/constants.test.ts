// package.json's contributions and src/constants.ts must name the same ids, both ways, so a typo in
// either shows up here rather than as a command that silently does nothing.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Commands, ContextKeys, ContextValues, DRAFT_SCHEME, Settings, Views } from '../../../src/constants';
import { withInertVscode } from '../support/inertVscode';

interface MenuEntry {
  command?: string;
  submenu?: string;
  when?: string;
}

interface Manifest {
  activationEvents?: string[];
  contributes: {
    commands: { command: string }[];
    menus: Record<string, MenuEntry[]>;
    submenus?: { id: string; label: string }[];
    keybindings?: MenuEntry[];
    views: Record<string, { id: string }[]>;
    viewsContainers: { activitybar: { id: string }[] };
    viewsWelcome?: { view: string; contents: string; when?: string }[];
    configuration: { properties: Record<string, unknown> };
  };
}

const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');
const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as Manifest;
const c = manifest.contributes;
/** package.json strings are `%key%` placeholders resolved from package.nls.json (the default language). */
const nls = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.nls.json'), 'utf8')) as Record<string, string>;
const localized = (text: string) => text.replace(/^%([\w.-]+)%$/, (whole, key: string) => nls[key] ?? whole);
const sorted = (xs: Iterable<string>) => [...xs].sort();

/**
 * The command ids src/commands/index.ts registers: ALL_COMMANDS itself, loaded with an inert `vscode` module
 * (index.ts imports vscode; nothing runs until a command is invoked).
 */
function registeredCommandIds(): string[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded with the inert vscode module
  const index = withInertVscode(() => require('../../../src/commands/index') as typeof import('../../../src/commands/index'));
  return index.ALL_COMMANDS.map((c) => c.id);
}

describe('package.json ↔ src/constants.ts', () => {
  it('declares exactly the commands in Commands', () => {
    assert.deepEqual(sorted(c.commands.map((x) => x.command)), sorted(Object.values(Commands)));
  });

  it('has no duplicate command declarations', () => {
    const ids = c.commands.map((x) => x.command);
    assert.equal(new Set(ids).size, ids.length);
  });

  it('declares exactly the settings in Settings', () => {
    const keys = Object.entries(Settings)
      .filter(([name]) => name !== 'section')
      .map(([, key]) => `${Settings.section}.${key}`);
    assert.deepEqual(sorted(Object.keys(c.configuration.properties)), sorted(keys));
  });

  it('declares the view container and view in Views', () => {
    assert.deepEqual(c.viewsContainers.activitybar.map((v) => v.id), [Views.container]);
    assert.deepEqual(Object.keys(c.views), [Views.container]);
    assert.deepEqual(c.views[Views.container].map((v) => v.id), [Views.tickets]);
  });

  it('every menu entry and keybinding refers to a declared command', () => {
    const declared = new Set(c.commands.map((x) => x.command));
    const entries = [...Object.values(c.menus).flat(), ...(c.keybindings ?? [])];
    assert.ok(entries.length > 0);
    const submenus = new Set((c.submenus ?? []).map((s) => s.id));
    const unknown = entries.filter((e) => (e.submenu ? !submenus.has(e.submenu) : !declared.has(e.command ?? ''))).map((e) => e.command ?? e.submenu);
    assert.deepEqual(unknown, []);
    // A declared submenu has entries of its own (its id is a key of `menus`).
    assert.deepEqual([...submenus].filter((id) => !(id in c.menus)), []);
  });

  it('says "BoldDesk" in the editor context menu, which shows titles without their category', () => {
    const label = (e: MenuEntry) => localized(e.submenu ? (c.submenus ?? []).find((s) => s.id === e.submenu)?.label ?? '' : '');
    const ours = c.menus['editor/context'] ?? [];
    assert.ok(ours.length > 0);
    assert.deepEqual(ours.filter((e) => !/BoldDesk/.test(label(e))).map((e) => e.command ?? e.submenu), [], 'each item is under the BoldDesk submenu');
  });

  it('every command link in the welcome views is a declared command', () => {
    const declared = new Set(c.commands.map((x) => x.command));
    const links = (c.viewsWelcome ?? []).flatMap((w) => [...localized(w.contents).matchAll(/\(command:([\w.]+)\)/g)].map((m) => m[1]));
    assert.ok(links.length > 0);
    assert.deepEqual(links.filter((id) => !declared.has(id)), []);
  });

  it('when-clauses use only known context keys, view ids, item context values and schemes', () => {
    const whens = [
      ...Object.values(c.menus).flat(),
      ...(c.keybindings ?? []),
      ...(c.viewsWelcome ?? []),
    ].flatMap((e) => (e.when ? [e.when] : []));
    const contextKeys = new Set<string>(Object.values(ContextKeys));
    for (const when of whens) {
      for (const key of when.match(/\bbolddesk\.[\w]+/g) ?? []) {
        assert.ok(contextKeys.has(key) || key === Views.tickets, `unknown context key ${key} in "${when}"`);
      }
      for (const m of when.matchAll(/viewItem == (\w+)/g)) {
        assert.ok((Object.values(ContextValues) as string[]).includes(m[1]), `unknown viewItem ${m[1]}`);
      }
      for (const m of when.matchAll(/view == ([\w.]+)/g)) assert.equal(m[1], Views.tickets);
      for (const m of when.matchAll(/resourceScheme == ([\w-]+)/g)) assert.equal(m[1], DRAFT_SCHEME);
    }
  });

  it('never blocks startup: no "*"; onStartupFinished (after the window is up) and its own panels and drafts only', () => {
    // onStartupFinished is needed so ticket references (links, hovers) work in editors without opening the view
    // first; it runs after startup and activate() stays cheap (no network).
    const events = manifest.activationEvents ?? [];
    const blocking = events.filter(
      (e) => e !== 'onStartupFinished' && !/^(onWebviewPanel:bolddesk\.|onFileSystem:bolddesk-)/.test(e),
    );
    assert.deepEqual(blocking, []);
    assert.ok(events.includes('onStartupFinished'), 'references work without opening the view first');
  });

  it('src/commands/index.ts registers every declared command exactly once', () => {
    const ids = registeredCommandIds();
    assert.deepEqual(sorted(ids), sorted(Object.values(Commands)));
    assert.equal(new Set(ids).size, ids.length);
  });
});
