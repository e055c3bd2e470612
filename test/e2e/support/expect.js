// What the fake BoldDesk holds, computed the way BoldDesk lists it, so the tests know what the tree must show.
const { fake } = require('./context');

function isOpen(ticket) {
  const status = fake().db.statuses.find((s) => s.id === ticket.statusId);
  return !!status && !status.isClosed;
}

/** "All open": every ticket whose status is not closed, newest first (the extension asks for createdOn desc). */
function allOpenTickets() {
  return fake().db.tickets.filter(isOpen).sort((a, b) => b.createdOn - a.createdOn || b.id - a.id);
}

/** "My open tickets": open tickets assigned to `agentUserId`. */
function myOpenTickets(agentUserId) {
  return allOpenTickets().filter((t) => t.agentId === agentUserId);
}

/** Plain text of a BoldDesk HTML body (enough to find a sentence of it on screen). */
function htmlToText(html) {
  return html
    .replace(/<br\s*\/?>/gi, '\n').replace(/<\/(p|div|li|h\d)>/gi, '\n').replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

/** A distinctive plain sentence of a message body: long enough to be unique, no markup-sensitive characters. */
function sentenceOf(html) {
  const lines = htmlToText(html).split('\n').map((l) => l.trim()).filter((l) => /^[\w ,.'?!:-]{20,}$/.test(l));
  if (!lines.length) throw new Error(`No plain sentence in message: ${html.slice(0, 200)}`);
  return lines.sort((a, b) => b.length - a.length)[0].slice(0, 40).trim(); // short: never wrapped on screen
}

/** Requests the fake answered since index `from`, optionally filtered by method and path (RegExp). */
function requestsSince(from, method, pathRe) {
  return fake().requests.slice(from).filter((r) => (!method || r.method === method) && (!pathRe || pathRe.test(r.path)));
}

module.exports = { allOpenTickets, myOpenTickets, htmlToText, sentenceOf, requestsSince, isOpen };
