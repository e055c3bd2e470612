// The webview end of the request/reply protocol: numbers each request, matches the reply by id, and hands
// notifications to one listener. Types come from the shared protocol.ts.
import type {
  ExtensionMessage,
  ExtensionNotification,
  ReplyError,
  RequestPayload,
  RequestResults,
} from '../../views/ticketPanel/protocol';
import { vscodeApi } from './vscodeApi';

export class RpcError extends Error {
  readonly outcomeUnknown: boolean;
  readonly alreadySent: boolean;
  constructor(error: ReplyError) {
    super(error.message);
    this.outcomeUnknown = error.outcomeUnknown === true;
    this.alreadySent = error.alreadySent === true;
  }
}

interface Pending {
  resolve(result: unknown): void;
  reject(error: RpcError): void;
}

export class Rpc {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly onNotification: (n: ExtensionNotification) => void) {
    window.addEventListener('message', (e: MessageEvent<unknown>) => this.receive(e.data));
  }

  request<P extends RequestPayload>(payload: P): Promise<RequestResults[P['type']]> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (r: unknown) => void, reject });
      vscodeApi.postMessage({ ...payload, id });
    });
  }

  private receive(data: unknown): void {
    if (typeof data !== 'object' || data === null) return;
    const m = data as ExtensionMessage;
    if (m.type !== 'reply') {
      this.onNotification(m);
      return;
    }
    const p = this.pending.get(m.id);
    if (!p) return;
    this.pending.delete(m.id);
    if (m.ok) p.resolve(m.result);
    else p.reject(new RpcError(m.error));
  }
}
