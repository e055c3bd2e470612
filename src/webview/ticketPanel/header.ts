// The ticket header: #id and subject, the editable fields (status, priority, assignee) and the read-only facts.
// A field shows a new value only after BoldDesk confirmed it: while a change is out, the select keeps the old
// value and is disabled, and a line says what is being changed.
import * as l10n from '@vscode/l10n';
import type { EditableField, PanelLookups, PanelRef, PanelTicket } from '../../views/ticketPanel/protocol';
import { AssigneePicker } from './assignee';
import { h, icon, timeEl } from './dom';
import type { Rpc } from './rpc';
import { RpcError } from './rpc';

export interface HeaderCallbacks {
  /** A message for the banner (errors stay until dismissed or replaced). */
  notify(message: string, kind: 'info' | 'error'): void;
  refresh(): void;
}

/** Whole sentences per field, never assembled from a translated noun (computed at use, after l10n is configured). */
function fieldTexts(field: EditableField): {
  changing(value: string): string;
  unchanged(value: string): string;
  changed(value: string): string;
} {
  switch (field) {
    case 'status':
      return {
        changing: (v) => l10n.t('Changing status to {0}…', v),
        unchanged: (v) => l10n.t('No changes found: the status already is {0}.', v),
        changed: (v) => l10n.t('Status changed to {0}.', v),
      };
    case 'priority':
      return {
        changing: (v) => l10n.t('Changing priority to {0}…', v),
        unchanged: (v) => l10n.t('No changes found: the priority already is {0}.', v),
        changed: (v) => l10n.t('Priority changed to {0}.', v),
      };
    case 'assignee':
      return {
        changing: (v) => l10n.t('Changing assignee to {0}…', v),
        unchanged: (v) => l10n.t('No changes found: the assignee already is {0}.', v),
        changed: (v) => l10n.t('Assignee changed to {0}.', v),
      };
  }
}

export class Header {
  private ticket: PanelTicket | undefined;
  private lookups: PanelLookups = { statuses: [], priorities: [] };
  private readonly pending = new Map<EditableField, string>();
  private readonly picker: AssigneePicker;
  /**
   * The heading and its buttons are built once and stay in the page: a re-render (a background refresh while the
   * palette or a notification has the focus) never removes the element that has the keyboard focus, since the
   * focus could not be put back on a copy while the panel's window is not focused.
   */
  private readonly title: HTMLElement;
  private readonly titleRow: HTMLElement;
  /** "Preview · Keep Open": shown while the panel is a preview that the next ticket clicked in the tree replaces. */
  private readonly previewNote: HTMLElement;

  constructor(
    private readonly root: HTMLElement,
    private readonly rpc: Rpc,
    private readonly cb: HeaderCallbacks,
  ) {
    this.picker = new AssigneePicker(rpc, (agent) => void this.change('assignee', agent ? agent.userId : null, agent?.name ?? l10n.t('Unassigned')));
    this.title = h('h1', { class: 'ticket-title', tabindex: '-1', 'data-focus-key': 'title' });
    const hint = l10n.t('Preview: the next ticket you click in the Tickets view opens here instead. Type in this ticket, double-click it in the view or choose Keep Open to keep it.');
    this.previewNote = h('span', { class: 'preview-note', hidden: '' },
      h('span', { class: 'badge preview-badge', title: hint }, l10n.t('Preview')),
      this.actionButton('pinned', l10n.t('Keep Open'), 'keep-open', () => {
        this.rpc.request({ type: 'keepOpen' }).catch((e: unknown) => this.cb.notify(errorText(e), 'error'));
      }),
    );
    this.titleRow = h('div', { class: 'title-row' },
      this.title,
      h('div', { class: 'title-actions' },
        this.previewNote,
        this.actionButton('link-external', l10n.t('Open in Browser'), 'open-browser', () => {
          this.rpc.request({ type: 'openInBrowser' }).catch((e: unknown) => this.cb.notify(errorText(e), 'error'));
        }),
        this.actionButton('git-branch', l10n.t('Start Work'), 'start-work', () => {
          this.rpc.request({ type: 'startWork' }).catch((e: unknown) => this.cb.notify(errorText(e), 'error'));
        }),
        this.actionButton('refresh', l10n.t('Refresh'), 'refresh', () => this.cb.refresh()),
      ),
    );
  }

  /** A kept panel hides the note; the focus on Keep Open goes to the heading, not to nowhere. */
  setPreview(preview: boolean): void {
    const hadFocus = this.previewNote.contains(document.activeElement);
    this.previewNote.hidden = !preview;
    if (hadFocus && !preview) this.title.focus();
  }

  show(ticket: PanelTicket, lookups?: PanelLookups): void {
    this.ticket = ticket;
    if (lookups) this.lookups = lookups;
    this.render();
  }

  private render(): void {
    const t = this.ticket;
    if (!t) return;
    const focusedKey = (document.activeElement as HTMLElement | null)?.dataset?.focusKey;
    this.title.replaceChildren(h('span', { class: 'ticket-id' }, `#${t.id}`), ' ', h('span', { class: 'ticket-subject' }, t.subject));
    const rest = [
      h('dl', { class: 'facts' },
        ...this.fact(l10n.t('Status'), this.selectFor('status', t.status, this.lookups.statuses)),
        ...this.fact(l10n.t('Priority'), this.selectFor('priority', t.priority, this.lookups.priorities)),
        ...this.fact(l10n.t('Assignee'), this.assigneeCell(t)),
        ...this.fact(l10n.t('Category'), t.category?.name ?? '—'),
        ...this.fact(l10n.t('Brand'), t.brand ?? '—'),
        ...this.fact(l10n.t('Requester'), t.requester ?? '—'),
        ...this.fact(l10n.t('Created'), timeEl(t.createdOn)),
        ...this.fact(l10n.t('Last updated'), timeEl(t.lastUpdatedOn)),
      ),
      h('p', { class: 'pending-line', role: 'status', 'aria-live': 'polite' }, [...this.pending.values()].join(' ')),
    ];
    if (this.titleRow.parentNode === this.root) {
      while (this.titleRow.nextSibling) this.titleRow.nextSibling.remove();
      this.root.append(...rest);
    } else this.root.replaceChildren(this.titleRow, ...rest);
    this.root.setAttribute('aria-busy', 'false');
    if (focusedKey) this.root.querySelector<HTMLElement>(`[data-focus-key="${focusedKey}"]`)?.focus();
  }

  private actionButton(codicon: string, label: string, key: string, onClick: () => void): HTMLButtonElement {
    const b = h('button', { type: 'button', class: 'button-secondary', 'data-focus-key': key, title: label }, icon(codicon), ' ', label);
    b.addEventListener('click', onClick);
    return b;
  }

  private fact(label: string, value: Node | string): HTMLElement[] {
    return [h('dt', {}, label), h('dd', {}, value)];
  }

  private selectFor(field: 'status' | 'priority', current: PanelRef | undefined, options: PanelRef[]): Node | string {
    if (options.length === 0) return current?.name ?? '—'; // lookups unavailable: show, don't edit
    const id = this.ticket?.id ?? 0;
    const label = field === 'status' ? l10n.t('Status of ticket #{0}', id) : l10n.t('Priority of ticket #{0}', id);
    const select = h('select', { 'aria-label': label, 'data-focus-key': field });
    const all = current && !options.some((o) => o.id === current.id) ? [current, ...options] : options;
    if (!current) select.append(h('option', { value: '' }, '—'));
    for (const o of all) select.append(h('option', { value: String(o.id) }, o.name));
    select.value = current ? String(current.id) : '';
    select.disabled = this.pending.has(field);
    select.addEventListener('change', () => {
      const picked = all.find((o) => String(o.id) === select.value);
      select.value = current ? String(current.id) : ''; // the old value stays until BoldDesk confirms
      if (picked && picked.id !== current?.id) void this.change(field, picked.id, picked.name);
    });
    return select;
  }

  private assigneeCell(t: PanelTicket): Node {
    // Named by its visible text (the assignee), so voice control users can say what they see; the title describes
    // what it does (a tooltip, and the accessible description).
    const button = h('button', {
      type: 'button', class: 'link-button', 'data-focus-key': 'assignee', title: l10n.t('Change assignee'), 'aria-expanded': 'false',
    }, icon('person'), ' ', t.assignee?.name ?? l10n.t('Unassigned'));
    button.disabled = this.pending.has('assignee');
    button.addEventListener('click', () => this.picker.open(button));
    return h('span', { class: 'assignee-cell' }, button, this.picker.element);
  }

  private async change(field: EditableField, value: number | null, label: string): Promise<void> {
    if (this.pending.has(field) || !this.ticket) return;
    // The control is disabled while BoldDesk answers, which drops the keyboard focus: put it back afterwards.
    const active = document.activeElement as HTMLElement | null;
    const focusKey = active?.closest('.assignee-cell') ? 'assignee' : active?.dataset?.focusKey;
    this.pending.set(field, fieldTexts(field).changing(label));
    this.render();
    try {
      const { changed } = await this.rpc.request({ type: 'updateField', field, value });
      this.pending.delete(field);
      if (!changed) {
        this.cb.notify(fieldTexts(field).unchanged(label), 'info');
      } else {
        this.applyConfirmed(field, value, label);
        this.cb.notify(fieldTexts(field).changed(label), 'info');
      }
    } catch (e) {
      this.pending.delete(field);
      this.cb.notify(errorText(e), 'error');
    }
    this.render();
    const now = document.activeElement;
    if (focusKey && (now === null || now === document.body)) this.root.querySelector<HTMLElement>(`[data-focus-key="${focusKey}"]`)?.focus();
  }

  /** BoldDesk confirmed; the ticketUpdated notification usually got here first, this covers when it could not. */
  private applyConfirmed(field: EditableField, value: number | null, label: string): void {
    if (!this.ticket) return;
    const ref = value === null ? undefined : { id: value, name: label };
    if (field === 'status') this.ticket = { ...this.ticket, status: ref };
    else if (field === 'priority') this.ticket = { ...this.ticket, priority: ref };
    else this.ticket = { ...this.ticket, assignee: ref };
  }
}

export function errorText(e: unknown): string {
  if (e instanceof RpcError) return e.message;
  return e instanceof Error ? e.message : String(e);
}
