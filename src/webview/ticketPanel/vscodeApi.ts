// The webview's handle on VS Code: postMessage and the persisted state. acquireVsCodeApi() may be called once.
import type { PanelWebviewState, WebviewRequest } from '../../views/ticketPanel/protocol';

interface VsCodeApi {
  postMessage(message: WebviewRequest): void;
  getState(): unknown;
  setState(state: PanelWebviewState): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

export const vscodeApi: VsCodeApi = acquireVsCodeApi();

/** The saved state, if it is one of ours for this ticket (anything else is ignored). */
export function loadState(ticketId: number): PanelWebviewState {
  const s = vscodeApi.getState() as Partial<PanelWebviewState> | undefined;
  if (!s || s.ticketId !== ticketId) return { ticketId };
  const d = s.draft;
  const draftOk = d && (d.kind === 'reply' || d.kind === 'note') && typeof d.text === 'string';
  const rev = s.sentRevision;
  const sentRevision = typeof rev === 'number' && Number.isSafeInteger(rev) && rev >= 0 ? rev : 0;
  return { ticketId, draft: draftOk ? { kind: d.kind, text: d.text } : undefined, ...(sentRevision > 0 ? { sentRevision } : {}) };
}
