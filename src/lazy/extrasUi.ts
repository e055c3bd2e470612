// Issue 15's editor-side features (need vscode), loaded on first use as dist/extrasUi.js: the draft preview and
// where downloaded attachments open. Reach it through load.ts.
export { DraftPreviews } from '../drafts/draftPreview';
export { AttachmentFiles } from '../views/ticketPanel/attachmentSink';
export { startWork } from '../work/startWork';
export { openTicketForBranch, registerBranchStatus } from '../work/branchStatus';
export { attachToTicket, clearDraftFiles, panelFiles, uploadDraftFiles, uploadFiles } from '../drafts/draftFiles';
export { attachSelectionAsFile } from '../drafts/selectionFile';
export { showTypedPick } from '../ui/typedPick';
export { closeForeignDrafts } from '../drafts/draftDomainChange';
export { askFilter, describeFilter } from '../commands/filterQuestions';
