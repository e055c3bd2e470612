// Picking an assignee: a search box over BoldDesk's agents (searchAgents request) and a keyboard-friendly
// list. Enter in the box moves to the list, Enter in the list assigns, Escape closes.
import * as l10n from '@vscode/l10n';
import type { PanelAgent } from '../../views/ticketPanel/protocol';
import { h } from './dom';
import type { Rpc } from './rpc';

const SEARCH_DELAY_MS = 250;
const UNASSIGN = '__unassign__';

export class AssigneePicker {
  readonly element: HTMLDivElement;
  private readonly input: HTMLInputElement;
  private readonly list: HTMLSelectElement;
  private readonly note: HTMLSpanElement;
  private agents: PanelAgent[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private searchSeq = 0;
  private returnFocus: HTMLElement | undefined;

  constructor(
    private readonly rpc: Rpc,
    private readonly onPick: (agent: PanelAgent | null) => void,
  ) {
    this.input = h('input', {
      type: 'search',
      placeholder: l10n.t('Search agents by name or e-mail'),
      'aria-label': l10n.t('Search agents'),
      'data-focus-key': 'assignee-search',
    });
    this.list = h('select', { size: '6', 'aria-label': l10n.t('Agents'), 'data-focus-key': 'assignee-list' });
    this.note = h('span', { class: 'picker-note', role: 'status', 'aria-live': 'polite' });
    const assign = h('button', { type: 'button', class: 'button-primary' }, l10n.t('Assign'));
    const cancel = h('button', { type: 'button', class: 'button-secondary' }, l10n.t('Cancel'));
    this.element = h('div', { class: 'assignee-picker', role: 'group', 'aria-label': l10n.t('Change assignee') },
      this.input, this.list, h('div', { class: 'picker-actions' }, assign, cancel, this.note));
    this.element.hidden = true;

    this.input.addEventListener('input', () => this.scheduleSearch());
    this.input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === 'ArrowDown') {
        e.preventDefault();
        this.list.focus();
        if (this.list.selectedIndex < 0 && this.list.options.length > 0) this.list.selectedIndex = 0;
      }
    });
    this.list.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') {
        e.preventDefault();
        this.pick();
      }
    });
    this.list.addEventListener('dblclick', () => this.pick());
    this.element.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        this.close();
      }
    });
    assign.addEventListener('click', () => this.pick());
    cancel.addEventListener('click', () => this.close());
  }

  open(returnFocus: HTMLElement): void {
    this.returnFocus = returnFocus;
    returnFocus.setAttribute('aria-expanded', 'true');
    this.element.hidden = false;
    this.input.value = '';
    this.search('');
    this.input.focus();
  }

  close(): void {
    this.element.hidden = true;
    this.returnFocus?.setAttribute('aria-expanded', 'false');
    this.returnFocus?.focus();
  }

  private pick(): void {
    const value = this.list.value;
    if (!value) return;
    const agent = value === UNASSIGN ? null : this.agents.find((a) => String(a.userId) === value);
    if (agent === undefined) return;
    this.element.hidden = true;
    this.onPick(agent);
  }

  private scheduleSearch(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.search(this.input.value), SEARCH_DELAY_MS);
  }

  private search(text: string): void {
    const seq = ++this.searchSeq;
    this.note.textContent = l10n.t('Searching…');
    this.rpc
      .request({ type: 'searchAgents', text: text.slice(0, 100) })
      .then((agents) => {
        if (seq !== this.searchSeq) return; // an older search answering late
        this.agents = agents;
        this.list.replaceChildren(
          h('option', { value: UNASSIGN }, l10n.t('Unassigned')),
          ...agents.map((a) => h('option', { value: String(a.userId) }, a.email ? `${a.name} <${a.email}>` : a.name)),
        );
        this.note.textContent = agentCount(agents.length);
      })
      .catch((e: unknown) => {
        if (seq === this.searchSeq) this.note.textContent = e instanceof Error ? e.message : String(e);
      });
  }
}

function agentCount(n: number): string {
  if (n === 0) return l10n.t('No agents found.');
  return n === 1 ? l10n.t('1 agent') : l10n.t('{0} agents', n);
}
