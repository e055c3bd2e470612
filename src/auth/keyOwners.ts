// Who really owns an API key. BoldDesk has no "who am I" endpoint, so the agent e-mail the user typed is only a
// claim. After the first write with a key (reply, note, new ticket) we read back the author BoldDesk recorded and
// remember it per origin + key: that is the confirmed owner. Later writes with a confirmed key cost no extra
// request. Stored in globalState under a short SHA-256 fingerprint of origin and key (never the key itself).
// No vscode import.
import { createHash } from 'crypto';
import type { BoldDeskApi } from '../api/api';
import type { UserRef } from '../api/types';
import type { StateStore } from './identityStore';

/** The author BoldDesk recorded on a write made with the key. */
export interface KeyOwner {
  userId: number;
  name: string;
  email?: string;
}

const PREFIX = 'bolddesk.keyOwner.';

function isKeyOwner(v: unknown): v is KeyOwner {
  const o = v as KeyOwner;
  return typeof v === 'object' && v !== null && Number.isSafeInteger(o.userId) && typeof o.name === 'string' &&
    (o.email === undefined || typeof o.email === 'string');
}

function toOwner(u: UserRef | undefined): KeyOwner | undefined {
  if (!u || !Number.isSafeInteger(u.userId) || u.userId <= 0) return undefined;
  return u.email ? { userId: u.userId, name: u.name, email: u.email } : { userId: u.userId, name: u.name };
}

export class KeyOwners {
  constructor(private readonly state: StateStore) {}

  /** The confirmed owner of this key on this origin, if a write with it was read back. */
  get(origin: string, apiKey: string): KeyOwner | undefined {
    const v = this.state.get<unknown>(this.key(origin, apiKey));
    return isKeyOwner(v) ? v : undefined;
  }

  async set(origin: string, apiKey: string, owner: KeyOwner): Promise<void> {
    await this.state.update(this.key(origin, apiKey), owner);
  }

  /**
   * The client, with every write of an unconfirmed key followed by one read of the author BoldDesk recorded.
   * `recorded` gets that author; the read never fails the write (it only logs).
   */
  wrap(api: BoldDeskApi, origin: string, apiKey: string, recorded: (owner: KeyOwner) => void, log: (m: string, e?: unknown) => void): BoldDeskApi {
    const check = (read: () => Promise<UserRef | undefined>): void => {
      if (this.get(origin, apiKey)) return;
      read().then(
        (author) => {
          const owner = toOwner(author);
          if (owner) recorded(owner);
        },
        (error: unknown) => log('Could not read back the author of a write', error),
      );
    };
    const messageAuthor = async (ticketId: number, messageId: number) =>
      (await api.getMessages(ticketId)).find((m) => m.id === messageId)?.author;
    const overrides: Partial<BoldDeskApi> = {
      addReply: async (ticketId, html, attachmentTokens) => {
        const id = await api.addReply(ticketId, html, attachmentTokens);
        check(() => messageAuthor(ticketId, id));
        return id;
      },
      addNote: async (ticketId, html, attachmentTokens) => {
        const id = await api.addNote(ticketId, html, attachmentTokens);
        check(() => messageAuthor(ticketId, id));
        return id;
      },
      createTicket: async (input) => {
        const id = await api.createTicket(input);
        check(async () => (await api.getTicket(id)).createdBy);
        return id;
      },
    };
    return new Proxy(api, {
      get(target, prop, receiver) {
        if (typeof prop === 'string' && prop in overrides) return overrides[prop as keyof BoldDeskApi];
        const v: unknown = Reflect.get(target, prop, receiver);
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
      },
    });
  }

  private key(origin: string, apiKey: string): string {
    return PREFIX + createHash('sha256').update(`${origin}\n${apiKey}`).digest('hex').slice(0, 24);
  }
}
