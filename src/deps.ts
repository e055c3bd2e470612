// The contracts every layer may import: what the composition root (src/extension.ts) builds and passes in
// (constructor injection, no module-level singletons). Types only; implementations live in their own layers.
import type * as vscode from 'vscode';
import type { BoldDeskApi } from './api/api';
import type { Agent, TicketSummary } from './api/types';
import type { Identity } from './auth/identityStore';
import type { TicketFilter } from './model/categories';
import type { Logger } from './logger';
import type { Prompts } from './ui/prompts';

/**
 * The connection to BoldDesk: domain + identities (one API key each) + who each key belongs to. Implemented in
 * src/auth/session.ts. `identityId` undefined always means the default identity.
 */
export interface Session {
  /** The API client for an identity's key; throws ConfigError saying what to set. */
  requireApi(identityId?: string): Promise<BoldDeskApi>;
  /** Origin of the configured domain, or undefined when the setting is missing or invalid. */
  readonly origin: string | undefined;
  /** Why the domain setting is unusable (it is set but invalid), for the tree's message. */
  readonly domainProblem: string | undefined;
  /** Changes when the domain, the default key or its agent e-mail changes (data cached for another one is stale). */
  readonly connectionKey: string;
  /** The default identity's agent, resolved once from its e-mail (shared; undefined when unknown). */
  resolveIdentity(): Promise<Agent | undefined>;
  /** The agent who owns the key (resolved from bolddesk.agentEmail), when known. */
  readonly actingAs: Agent | undefined;
  /** One sentence naming whose name BoldDesk will show on a write, e.g. 'BoldDesk will show this as "Ana Agent".' */
  attributionText(identityId?: string): string;
  /** The identities of the configured domain, without keys (as last read; [] before the first read). */
  readonly identities: readonly Identity[];
  readonly defaultIdentity: Identity | undefined;
  /** An identity by id (undefined → the default); undefined when it does not exist (any more). */
  identity(identityId: string | undefined): Identity | undefined;
  /** The agent who owns an identity's key, when known (confirmed by a write, else the agent the user named). */
  agentFor(identityId: string | undefined): Agent | undefined;
  /** The author BoldDesk recorded on a write with that identity's key, once one was read back (the confirmed owner). */
  confirmedOwner(identityId: string | undefined): { userId: number; name: string } | undefined;
  /** Resolves an identity's agent from its e-mail (cached; undefined when unknown). */
  resolveAgent(identityId: string | undefined): Promise<Agent | undefined>;
  /** Reads the identities (migrating a single key of earlier versions) and returns them. */
  loadIdentities(): Promise<readonly Identity[]>;
  addIdentity(label: string, apiKey: string, agentEmail: string, makeDefault: boolean, keyOrigin?: string): Promise<Identity>;
  /** Deletes one identity's key from SecretStorage; the others stay. */
  removeIdentity(identityId: string): Promise<void>;
  setDefaultIdentity(identityId: string): Promise<void>;
  setIdentityAgentEmail(identityId: string, email: string): Promise<void>;
  /** Fires when the domain, key or identity changes. */
  readonly onDidChange: vscode.Event<void>;
  /** A request waits for BoldDesk's rate limit: epoch ms it goes on (the tree says so; a 429 is never silent). */
  readonly onDidWaitForRateLimit: vscode.Event<number>;
  /** Host of the configured domain, e.g. "acme.bolddesk.com", for messages. */
  readonly host: string | undefined;
  /** The bolddesk.agentEmail setting ('' when not set). */
  readonly agentEmail: string;
  hasKey(): Promise<boolean>;
  /** A client for a key that is not stored yet (Set API Key verifies it before storing). */
  clientForKey(apiKey: string, keyOrigin?: string): BoldDeskApi;
  /** Stores the key for the configured origin in SecretStorage (nowhere else). */
  storeKey(apiKey: string, keyOrigin?: string): Promise<void>;
  removeKey(): Promise<void>;
  /** Looks an agent up by e-mail (with an identity's key) without changing anything. */
  lookupAgent(email: string, identityId?: string): Promise<Agent>;
  /** Refresh: drop the client's cached lookups. */
  clearCaches(): void;
}

/** The tickets tree, as commands see it. Implemented in src/views/ticketsTreeProvider.ts. */
export interface TicketsTree {
  /** Reload everything (clears lookup caches); resolves when reloaded. Concurrent calls share one refresh. */
  refresh(): Promise<void>;
  /** A ticket changed (created, replied, field changed): refresh the nodes that show it. */
  ticketChanged(ticketId: number): void;
  /** Tickets seen recently (opened or listed), newest first, for palette pickers. */
  recentTickets(): TicketSummary[];
  /** Remember a ticket the user opened (for recentTickets). */
  noteOpened(ticket: TicketSummary): void;
  /** Select the ticket's row when the tree is visible and shows it already (no request is made for this). */
  revealTicket(ticketId: number): void;
  /** The filter applied to every category, or undefined. */
  readonly filter: TicketFilter | undefined;
  setFilter(filter: TicketFilter | undefined): void;
  /** Load the next page of a category; `category` is what the "Load more…" node passes. */
  loadMore(category: unknown): Promise<void>;
}

/** The tickets in front of the user (src/views/ticketsInFront.ts): what a command acts on when given no ticket. */
export interface TicketsInFront {
  /** The ticket of the active ticket panel or reply/note draft tab, if that is the active editor. */
  active(): number | undefined;
  /** Tickets with an open panel or draft tab, the active one first. */
  open(): number[];
  /** Asks which ticket: open ones first, then recent ones, or any by its number. undefined = cancelled. */
  pick(purpose: string): Promise<number | undefined>;
}

export type { Logger };

/** What the composition root hands to every service (commands get more: src/commands/command.ts). */
export interface CoreDeps {
  context: vscode.ExtensionContext;
  session: Session;
  tree: TicketsTree;
  log: Logger;
  /** Every question to the user goes through this, so integration tests can answer with a script. */
  prompts: Prompts;
  /** Open panels and draft tabs (set by extension.ts once they exist). */
  front?: TicketsInFront;
}
