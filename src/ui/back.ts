// The value a multi-step prompt returns when the user pressed Back. No vscode import, so flows that
// compare against it (createTicketFlow) can be unit-tested in plain Node. A registered symbol (Symbol.for),
// so a scripted Prompts loaded from out/ and the bundled extension in dist/ agree on it.

export const BACK: unique symbol = Symbol.for('bolddesk.prompts.back');
export type Back = typeof BACK;
