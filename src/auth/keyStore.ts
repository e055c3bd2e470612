// API keys live in VS Code SecretStorage only (OS keychain): one entry per (normalised origin, identity), so
// switching domains never sends one help desk's key to another and each identity keeps its own key.
// `bolddesk.apiKey:<origin>` (no identity) is the single key of earlier versions; identityStore.ts migrates it.
import * as vscode from 'vscode';

const KEY_PREFIX = 'bolddesk.apiKey:';
/** Separates origin and identity id; never part of an origin (scheme://host[:port]). */
const IDENTITY_SEPARATOR = '#';

export class KeyStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<string>();
  /** Fires with the origin whose keys changed — in this window or another one (secrets.onDidChange). */
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly secrets: vscode.SecretStorage) {
    this.subscription = secrets.onDidChange((e) => {
      if (e.key.startsWith(KEY_PREFIX)) this.changed.fire(e.key.slice(KEY_PREFIX.length).split(IDENTITY_SEPARATOR)[0]);
    });
  }

  /** The secret's name; without `identityId` the legacy single-key name. */
  static secretKeyFor(origin: string, identityId?: string): string {
    return KEY_PREFIX + origin + (identityId === undefined ? '' : IDENTITY_SEPARATOR + identityId);
  }

  async get(origin: string, identityId?: string): Promise<string | undefined> {
    const key = await this.secrets.get(KeyStore.secretKeyFor(origin, identityId));
    return key ? key : undefined;
  }

  async store(origin: string, apiKey: string, identityId?: string): Promise<void> {
    await this.secrets.store(KeyStore.secretKeyFor(origin, identityId), apiKey);
  }

  async delete(origin: string, identityId?: string): Promise<void> {
    await this.secrets.delete(KeyStore.secretKeyFor(origin, identityId));
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
