// Every command id, setting key, view id and context key the extension uses.
// test/unit/project/constants.test.ts keeps these equal to package.json.

export const EXTENSION_ID = 'bolddesk-vscode.bolddesk-vscode';

export const Views = {
  container: 'bolddesk',
  tickets: 'bolddesk.tickets',
} as const;

export const Commands = {
  setDomain: 'bolddesk.setDomain',
  setApiKey: 'bolddesk.setApiKey',
  removeApiKey: 'bolddesk.removeApiKey',
  setAgentEmail: 'bolddesk.setAgentEmail',
  refresh: 'bolddesk.refresh',
  filter: 'bolddesk.filter',
  clearFilter: 'bolddesk.clearFilter',
  loadMore: 'bolddesk.loadMore',
  openTicket: 'bolddesk.openTicket',
  createTicket: 'bolddesk.createTicket',
  addReply: 'bolddesk.addReply',
  addNote: 'bolddesk.addNote',
  sendDraft: 'bolddesk.sendDraft',
  changeStatus: 'bolddesk.changeStatus',
  changePriority: 'bolddesk.changePriority',
  changeAssignee: 'bolddesk.changeAssignee',
  openInBrowser: 'bolddesk.openInBrowser',
  copyLink: 'bolddesk.copyLink',
  showLog: 'bolddesk.showLog',
  createTicketFromSelection: 'bolddesk.createTicketFromSelection',
  copyReference: 'bolddesk.copyReference',
  addIdentity: 'bolddesk.addIdentity',
  switchIdentity: 'bolddesk.switchIdentity',
  removeIdentity: 'bolddesk.removeIdentity',
  postAs: 'bolddesk.postAs',
  checkConnection: 'bolddesk.checkConnection',
  previewDraft: 'bolddesk.previewDraft',
  startWork: 'bolddesk.startWork',
  openTicketForBranch: 'bolddesk.openTicketForBranch',
  attachToTicket: 'bolddesk.attachToTicket',
  attachSelectionAsFile: 'bolddesk.attachSelectionAsFile',
} as const;

/** Keys under the `bolddesk.` configuration section (without the prefix). */
export const Settings = {
  section: 'bolddesk',
  domain: 'domain',
  agentEmail: 'agentEmail',
  pageSize: 'pageSize',
  requestTimeoutSeconds: 'requestTimeoutSeconds',
  ticketReferencePattern: 'ticketReferencePattern',
  autoRefreshMinutes: 'autoRefreshMinutes',
  notifications: 'notifications',
  branchNameTemplate: 'branchNameTemplate',
  cacheEnabled: 'cache.enabled',
} as const;

export const ContextKeys = {
  hasDomain: 'bolddesk.hasDomain',
  hasKey: 'bolddesk.hasKey',
  filterActive: 'bolddesk.filterActive',
  composing: 'bolddesk.composing',
  /** More than one identity (API key) is stored for the configured domain. */
  severalIdentities: 'bolddesk.severalIdentities',
} as const;

/** The getting-started walkthrough (package.json contributes.walkthroughs). */
export const WALKTHROUGH_ID = 'bolddesk.gettingStarted';

/** Tree item `contextValue`s used by package.json menus. */
export const ContextValues = {
  ticket: 'ticket',
  category: 'category',
  loadMore: 'loadMore',
  message: 'message',
} as const;

export const DRAFT_SCHEME = 'bolddesk-draft';
/** Create Ticket from Selection's code-context editor: an in-memory file of ours, never a user's file. */
export const SCRATCH_SCHEME = 'bolddesk-scratch';

export const Defaults = {
  pageSize: 50,
  requestTimeoutSeconds: 15,
} as const;
