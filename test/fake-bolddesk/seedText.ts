// Word lists and templates for realistic ticket subjects, HTML bodies and contact names.
// A few bodies carry hostile HTML on purpose: ticket content is untrusted and clients must sanitise it.
import type { Prng } from './prng';

const FIRST = ['Olivia', 'Liam', 'Sofia', 'Noah', 'Mia', 'Lucas', 'Zoe', 'Mateo', 'Hannah', 'Jonas', 'Aiko', 'Ravi',
  'Fatima', 'Kwame', 'Ingrid', 'Pierre', 'Chiara', 'Björn', 'Maria', 'Tomás', 'Yuki', 'Anika', 'Omar', 'Lena'];
const LAST = ['Smith', 'Müller', 'García', 'Rossi', 'Nakamura', 'Okafor', 'Johansson', 'Dubois', 'Novak', 'Patel',
  'Kowalski', 'O\'Brien', 'Fernández', 'Lindqvist', 'Tanaka', 'Mensah', 'Silva', 'Becker', 'Ivanova', 'Chen'];
const COMPANIES = ['globex.com', 'initech.io', 'umbrella.org', 'hooli.dev', 'stark.example', 'wayne.example',
  'tyrell.co', 'cyberdyne.net', 'soylent.example', 'wonka.example'];

export function contactName(rng: Prng, i: number): { name: string; email: string } {
  const first = FIRST[i % FIRST.length];
  const last = LAST[(i * 7 + rng.int(0, LAST.length - 1)) % LAST.length];
  const local = `${first}.${last}`.toLowerCase().normalize('NFD').replace(/[^a-z.]/g, '');
  return { name: `${first} ${last}`, email: `${local}${i}@${COMPANIES[i % COMPANIES.length]}` };
}

const PROBLEMS = [
  'Cannot log in after password reset',
  'Invoice {n} shows the wrong VAT rate',
  'Export to CSV times out on large reports',
  'Mobile app crashes when opening attachments',
  'Please add dark mode to the customer portal',
  'Webhook deliveries failing with 502',
  'Two-factor codes arrive late',
  'Refund request for order {n}',
  'SSO login loops back to the sign-in page',
  'Search returns no results for quoted phrases',
  'API returns 429 during nightly sync',
  'Dashboard charts are empty since the update',
  'How do I change the owner of a workspace?',
  'Duplicate e-mails sent to customers',
  'Umlauts (ä, ö, ü) garbled in PDF export',
  'Slow page loads in the EU region',
  'Cannot upload files larger than 10 MB',
  'Calendar sync shows events in the wrong time zone',
  'Feature request: bulk edit of contacts',
  'Credit card declined on plan upgrade',
  '日本語の件名が文字化けする',
  'Need a copy of our signed DPA',
  'User seats not released after deletion',
  'Password reset link expired immediately 🔑',
];
const CONTEXTS = ['', '', '', ' (urgent)', ' on Windows', ' on iOS 18', ' for our team', ' since Monday', ' — again', ' in production'];

export function ticketSubject(rng: Prng): string {
  return rng.pick(PROBLEMS).replace('{n}', `#${rng.int(1000, 99999)}`) + rng.pick(CONTEXTS);
}

const GREETINGS = ['Hi team,', 'Hello,', 'Good morning,', 'Hi there,', 'Dear support,'];
const DETAILS = [
  'This started after the last release and affects several people in our office.',
  'We tried clearing the cache and using another browser, with the same result.',
  'It happens roughly every second time, so it is hard to reproduce reliably.',
  'Our account id is <code>ACC-{n}</code> in case you need it.',
  'The error message says <em>"Something went wrong"</em> and nothing else.',
  'This blocks our month-end closing, so a quick answer would be much appreciated.',
  'Steps: open the page, click <strong>Export</strong>, wait about 30 seconds.',
  'I attached a screenshot of what we see.',
];
const SIGNOFFS = ['Thanks,', 'Best regards,', 'Cheers,', 'Kind regards,'];
const HOSTILE = [
  '<p>See <a href="javascript:alert(1)">this link</a> for details.</p>',
  '<p>Screenshot: <img src="x" onerror="alert(\'xss\')"></p>',
  '<script>alert("ticket body")</script><p>Plain text after a script tag.</p>',
  '<p style="position:fixed;top:0;left:0;width:100%;height:100%;background:red">Overlay</p>',
];

function paragraph(rng: Prng): string {
  return `<p>${rng.pick(DETAILS).replace('{n}', String(rng.int(10000, 99999)))}</p>`;
}

/** The ticket's original description (first update). `hostile` adds one piece of unsafe HTML. */
export function ticketBody(rng: Prng, subject: string, requesterName: string, hostile: boolean): string {
  const parts = [`<p>${rng.pick(GREETINGS)}</p>`, `<p>${escapeHtml(subject)}.</p>`];
  const n = rng.int(1, 3);
  for (let i = 0; i < n; i++) parts.push(paragraph(rng));
  if (rng.chance(0.25)) parts.push('<ul><li>Browser: Firefox 128</li><li>OS: Windows 11</li><li>Plan: Business</li></ul>');
  if (hostile) parts.push(rng.pick(HOSTILE));
  parts.push(`<p>${rng.pick(SIGNOFFS)}<br>${escapeHtml(requesterName)}</p>`);
  return parts.join('');
}

const AGENT_REPLIES = [
  'Thanks for reaching out. I am looking into this now and will get back to you shortly.',
  'Could you send us the exact time this happened and, if possible, a screenshot?',
  'We have identified the cause and a fix is scheduled for the next release.',
  'I have applied a workaround on your account. Could you please try again?',
  'I have escalated this to our engineering team.',
  'This should now be resolved. Please let us know if anything else comes up.',
];
const CUSTOMER_REPLIES = [
  'Thanks, that worked!',
  'Unfortunately the problem is still there.',
  'Here is the screenshot you asked for.',
  'Any update on this? It is still blocking us.',
  'It happened at around 14:05 CET today.',
];
const NOTES = [
  'Customer is on the Business plan, SLA 4h.',
  'Reproduced on staging. Logs attached to the internal issue.',
  'Looks like a duplicate of an older ticket; linking.',
  'Checked with billing: the refund was approved.',
  '@Ben can you take a look at the webhook logs?',
];

export function agentReply(rng: Prng, agentName: string): string {
  return `<p>Hello,</p><p>${rng.pick(AGENT_REPLIES)}</p><p>Best regards,<br>${escapeHtml(agentName)}</p>`;
}

export function customerReply(rng: Prng): string {
  return `<p>${rng.pick(CUSTOMER_REPLIES)}</p>`;
}

export function noteText(rng: Prng): string {
  return `<p>${rng.pick(NOTES)}</p>`;
}

const FILES: { name: string; extension: string; contentType: string }[] = [
  { name: 'screenshot', extension: '.png', contentType: 'image/png' },
  { name: 'error-log', extension: '.txt', contentType: 'text/plain' },
  { name: 'invoice', extension: '.pdf', contentType: 'application/pdf' },
];

export function attachmentFile(rng: Prng): { name: string; extension: string; contentType: string; size: number } {
  const f = rng.pick(FILES);
  return { name: f.name + f.extension, extension: f.extension, contentType: f.contentType, size: rng.int(2_000, 900_000) };
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
