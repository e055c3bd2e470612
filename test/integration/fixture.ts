// The world every integration test starts from: a fake BoldDesk on 127.0.0.1 started in the extension host's own
// process (so tests use its full API: addFault, db, requests, revokeKey), with the user settings pointing at it.
// The demo key is handed over in BOLDDESK_DEMO_KEY, which the extension stores in SecretStorage at activation
// when the configured domain is loopback. Started by index.ts before mocha runs, i.e. before the extension
// activates (it activates on its first command or view).
import * as assert from 'assert';
import * as vscode from 'vscode';
import { startFakeBoldDesk, type FakeAgent, type FakeBoldDesk } from '../fake-bolddesk';
import { parseDomain } from '../../src/api/domain';
import { Commands, EXTENSION_ID, SCRATCH_SCHEME, Settings } from '../../src/constants';
import type { ExtensionApi } from '../../src/extensionApi';
import type { Prompts } from '../../src/ui/prompts';
import { answer, ScriptedPrompts, type ScriptStep } from '../support/scriptedPrompts';

export interface IntegrationFixture {
  fake: FakeBoldDesk;
  /** The demo key (keys[0]) and the agent who owns it. */
  key: string;
  agent: FakeAgent;
}

let current: IntegrationFixture | undefined;

export async function startFixture(): Promise<IntegrationFixture> {
  const fake = await startFakeBoldDesk({ tickets: 60, seed: 1, quiet: true });
  const { key, agent } = fake.keys[0];
  process.env.BOLDDESK_DEMO_KEY = key;
  const config = vscode.workspace.getConfiguration(Settings.section);
  await config.update(Settings.domain, fake.url, vscode.ConfigurationTarget.Global);
  await config.update(Settings.agentEmail, agent.email, vscode.ConfigurationTarget.Global);
  // The warm-start cache is off for the suites (each expects what BoldDesk answers now); ticketCache.test.ts turns it on.
  await config.update(Settings.cacheEnabled, false, vscode.ConfigurationTarget.Global);
  current = { fake, key, agent };
  return current;
}

export async function stopFixture(): Promise<void> {
  const f = current;
  current = undefined;
  if (f) await f.fake.close();
}

/** For test files: the running fixture (throws when used outside the suite). */
export function fixture(): IntegrationFixture {
  if (!current) throw new Error('integration fixture not started: run tests through out/test/integration/index.js');
  return current;
}

/** The extension under test, activated, with its stored key read (ExtensionApi.ready). */
export async function activateExtension(): Promise<ExtensionApi> {
  const extension = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
  assert.ok(extension);
  const ext = await extension.activate();
  await ext.ready;
  return ext;
}

/** Polls `get` (sync or async) until it returns something other than undefined/false; fails after `timeoutMs`. */
/** The fake BoldDesk's origin as the extension keys secrets by it (`bolddesk.apiKey:<origin>#<id>`). */
export function fakeOrigin(): string {
  const domain = parseDomain(fixture().fake.url);
  assert.ok(domain.ok);
  return domain.origin;
}

/** Puts scripted Prompts into the extension (ExtensionApi.setPrompts); restore() gives the real ones back (in after()). */
export class PromptSwitch {
  private real: Prompts | undefined;
  constructor(private readonly ext: ExtensionApi) {}
  use<P extends Prompts>(p: P): P {
    if (p instanceof ScriptedPrompts) p.writer ??= writeInDescriptionEditor;
    const previous = this.ext.setPrompts(p);
    this.real ??= previous;
    return p;
  }
  restore(): void {
    if (this.real) this.ext.setPrompts(this.real);
  }
}

/** answer.write in the real workbench: replaces the text of the create flow's open "Description" editor. */
export async function writeInDescriptionEditor(text: string): Promise<void> {
  const isDescription = (d: vscode.TextDocument) => d.uri.scheme === SCRATCH_SCHEME && d.uri.path.endsWith('/Description.md');
  const editor = vscode.window.visibleTextEditors.find((e) => isDescription(e.document));
  assert.ok(editor, `the description is open in an editor: ${vscode.window.visibleTextEditors.map((e) => e.document.uri.toString()).join(', ')}`);
  const doc = editor.document;
  assert.ok(await editor.edit((b) => b.replace(new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), text)));
}

/**
 * Create Ticket's answers in the order the flow asks (issue 18): subject, the description written in its editor,
 * priority, the requester; then brand and category, which have defaults, through the confirm step's rows.
 */
export function createSteps(o: { subject: string; description: string; priority: string; requester: ScriptStep[]; brand?: string; category?: string }): ScriptStep[] {
  return [
    answer.input(o.subject), answer.write(o.description), answer.pick(/^Continue with the description/), answer.pick(o.priority), ...o.requester,
    ...(o.brand ? [answer.pick('Brand'), answer.pick(o.brand)] : []),
    ...(o.category ? [answer.pick('Category'), answer.pick(o.category)] : []),
  ];
}

/** Drops the answers of a create that did not end in a ticket (kept for "Continue the ticket you started"). */
export async function dropUnsentTicket(prompts: PromptSwitch): Promise<void> {
  prompts.use(new ScriptedPrompts(answer.pick('Start a new ticket'), answer.cancel()));
  await vscode.commands.executeCommand(Commands.createTicket);
}

/**
 * A command argument wrapped as the extension's own UI wraps it (ExtensionApi.trusted): commands that act on an
 * argument without asking accept only these; a command link's plain JSON is ignored or confirmed (docs/SECURITY.md).
 */
export function trusted<T>(value: T): unknown {
  const api = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID)?.exports;
  assert.ok(api, 'activate the extension before passing it trusted arguments');
  return api.trusted(value);
}
