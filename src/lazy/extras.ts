// Issue 15's vscode-free features, loaded on first use: the production build ships this as dist/extras.js (with
// markdown-it), outside dist/extension.js (esbuild.js), so activation does not pay for them. Reach it through
// load.ts, never by importing these modules directly from code that ends up in dist/extension.js.
export { markdownToHtml } from '../markdown/markdownToHtml';
export { AttachmentFailure, PanelAttachments } from '../views/ticketPanel/panelAttachments';
export { downloadFile } from '../api/download';
export { uploadFile } from '../api/upload';
export { setTranslator } from './l10nShim';
export { askTicketId } from '../ui/pickTicket';
export { loadTicketsFile, saveTicketsFile, TicketDetailCache } from '../model/ticketDetailCache';
export { fetchTicketDetail } from '../views/ticketPanel/ticketFetch';
// The create-ticket questions (issue 18): needed only when Create Ticket runs.
export { runCreateTicketFlow } from '../commands/createTicketFlow';
export { emptyAnswers } from '../commands/createTicketAnswers';
