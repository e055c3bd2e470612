// The composer's "Preview": what the customer will see. The extension renders the Markdown with the same function
// that prepares a send (so the preview is what is sent); the result is still sanitized here like any HTML before
// it touches the page. Refreshed while visible, a moment after typing stops; a late answer never overwrites a newer one.
import * as l10n from '@vscode/l10n';
import { Rpc } from './rpc';
import type { Sanitize } from './sanitize';

const UPDATE_DELAY_MS = 250;

export class ComposerPreview {
  private readonly text: HTMLTextAreaElement;
  private readonly toggle: HTMLButtonElement;
  private readonly box: HTMLElement;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private seq = 0;

  constructor(
    private readonly rpc: Rpc,
    private readonly sanitize: () => Sanitize | undefined,
  ) {
    this.text = document.getElementById('composer-text') as HTMLTextAreaElement;
    this.toggle = document.getElementById('preview-toggle') as HTMLButtonElement;
    this.box = document.getElementById('composer-preview') as HTMLElement;
    this.toggle.addEventListener('click', () => this.setVisible(this.box.hidden));
    this.text.addEventListener('input', () => this.schedule());
  }

  private setVisible(visible: boolean): void {
    this.box.hidden = !visible;
    this.toggle.setAttribute('aria-pressed', String(visible));
    if (visible) void this.update();
  }

  private schedule(): void {
    if (this.box.hidden) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(), UPDATE_DELAY_MS);
  }

  private async update(): Promise<void> {
    const seq = ++this.seq;
    const text = this.text.value;
    if (text.trim() === '') {
      this.box.replaceChildren(l10n.t('Nothing to preview yet.'));
      return;
    }
    try {
      const { html } = await this.rpc.request({ type: 'preview', text });
      if (seq !== this.seq) return;
      const sanitize = this.sanitize();
      this.box.replaceChildren(sanitize ? sanitize(html) : text);
    } catch (e) {
      if (seq === this.seq) this.box.replaceChildren(e instanceof Error ? e.message : String(e));
    }
  }
}
