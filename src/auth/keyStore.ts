// The API key lives in VS Code SecretStorage only (OS keychain), one entry per normalised origin,
// so switching domains never sends one help desk's key to another.
import * as vscode from 'vscode';

const KEY_PREFIX = 'bolddesk.apiKey:';

export class KeyStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<string>();
  /** Fires with the origin whose key changed — in this window or another one (secrets.onDidChange). */
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly secrets: vscode.SecretStorage) {
    this.subscription = secrets.onDidChange((e) => {
      if (e.key.startsWith(KEY_PREFIX)) this.changed.fire(e.key.slice(KEY_PREFIX.length));
    });
  }

  static secretKeyFor(origin: string): string {
    return KEY_PREFIX + origin;
  }

  async get(origin: string): Promise<string | undefined> {
    const key = await this.secrets.get(KeyStore.secretKeyFor(origin));
    return key ? key : undefined;
  }

  async store(origin: string, apiKey: string): Promise<void> {
    await this.secrets.store(KeyStore.secretKeyFor(origin), apiKey);
  }

  async delete(origin: string): Promise<void> {
    await this.secrets.delete(KeyStore.secretKeyFor(origin));
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
