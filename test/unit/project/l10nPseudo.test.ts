// The vscode-free layers (API errors, domain checks, the create flow, notifications, code context, tree
// categories) under a pseudo-locale: @vscode/l10n is given the pseudo bundle exported from src/ (what a translator
// would get), and every text those layers produce must come out translated. A sentence built from a raw literal
// stays plain English and fails here. The ticket panel has its own pseudo-locale test in ticketPanelWebviewL10n.test.ts.
import * as assert from 'node:assert/strict';
import * as l10n from '@vscode/l10n';
import { describeError, describeErrorShort } from '../../../src/api/describeError';
import { CancelledError, ConfigError, type BoldDeskError } from '../../../src/api/errors';
import { errorFromResponse, networkError, type RequestContext, timeoutError } from '../../../src/api/httpErrors';
import { parseDomain } from '../../../src/api/domain';
import { shapeError } from '../../../src/api/parse';
import { buildCodeContext } from '../../../src/code/codeContext';
import { emptyAnswers } from '../../../src/commands/createTicketAnswers';
import { runCreateTicketFlow } from '../../../src/commands/createTicketFlow';
import { notificationFor } from '../../../src/loop/changeDelta';
import { buildCategorySpecs } from '../../../src/model/categories';
import { compileReferencePattern } from '../../../src/references/referencePattern';
import type { TicketSummary } from '../../../src/api/types';
import { answer, ScriptedPrompts } from '../../support/scriptedPrompts';
import { englishBundle, englishWords, pseudoBundle, type L10nBundle } from '../support/pseudoL10n';

// Data the texts carry (not translated): hosts, paths, methods, names, e-mails, codes.
const DATA = ['/api/v1/tickets/12', 'GET', 'POST', 'ECONNRESET', 'CERT_HAS_EXPIRED', 'Printer on fire', 'Acme', 'Globex',
  'Low', 'High', 'Billing', 'Jane Doe', 'jane@example.com', 'src/app.ts', 'typescript', 'Ana Agent', 'result[0].ticketId',
  'an integer id', 'exa mple', 'ftp', 'mple', 'example', '/api', 'münchen', 'mnchen', 'mailto', 'acme.bolddesk.com', 'sub.acme', 'Invalid regular expression',
  'Unterminated group', 'Nothing to see', 'field', 'subject', 'This field is required'];

/** The English words left in `text` once the data is removed: each one is a string that skipped l10n.t. */
function untranslated(text: string): string[] {
  let rest = text;
  for (const d of [...DATA].sort((a, b) => b.length - a.length)) rest = rest.split(d).join(' ');
  return englishWords(rest.replace(/https?:\/\/\S+/g, ' ').replace(/\$\([\w-]+\)/g, ' '));
}

const ctx = (over: Partial<RequestContext> = {}): RequestContext => ({
  method: 'GET', path: '/api/v1/tickets/12', host: '10.0.0.9', isWrite: false, now: 0, timeoutMs: 30_000,
  redact: (s) => s, ...over,
});
const noHeaders = { get: () => null };
const ticket = (id: number): TicketSummary => ({ id, subject: 'Printer on fire' }) as TicketSummary;

/** Every text the vscode-free layers can produce, as [what, text]. */
async function producedTexts(bundle: L10nBundle): Promise<[string, string][]> {
  const out: [string, string][] = [];
  const errors: [string, BoldDeskError][] = [];
  for (const isWrite of [false, true]) {
    for (const status of [401, 403, 404, 400, 429, 500, 503, 418]) {
      errors.push([`HTTP ${status} ${isWrite}`, errorFromResponse(status, { message: 'Nothing to see' }, noHeaders, ctx({ isWrite }))]);
      errors.push([`HTTP ${status} bare ${isWrite}`, errorFromResponse(status, undefined, noHeaders, ctx({ isWrite, what: undefined }))]);
    }
    for (const code of ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETDOWN', 'CERT_HAS_EXPIRED', 'ECONNRESET', undefined]) {
      errors.push([`network ${code} ${isWrite}`, networkError(Object.assign(new Error('x'), { code }), ctx({ isWrite }))]);
    }
    errors.push([`timeout ${isWrite}`, timeoutError(ctx({ isWrite }))]);
  }
  errors.push(['shape', shapeError({ request: 'GET /api/v1/tickets/12' }, 'result[0].ticketId', 'an integer id')]);
  const empty = parseDomain('');
  assert.ok(!empty.ok);
  errors.push(['config', new ConfigError(empty.reason)]);
  errors.push(['cancelled', new CancelledError('x')]);
  for (const [what, e] of errors) {
    out.push([`${what} message`, describeError(e)], [`${what} short`, describeErrorShort(e, '10.0.0.9', 0)]);
  }
  out.push(['generic', describeError(new Error('boom'))], ['generic short', describeErrorShort(new Error('boom'), '10.0.0.9')]);

  for (const input of ['', 'exa mple', 'ftp://x1.y2', 'https://u:p@x1.y2', 'x1.y2/api', 'x1.y2/q1', 'x1.y2?q', 'münchen.de',
    '%41.y2', '127.1', 'x1.', 'x1', 'http://x1.y2', 'a_b.y2', 'mailto:x']) {
    const r = parseDomain(input);
    assert.equal(r.ok, false, input);
    if (!r.ok) out.push([`domain ${input}`, r.reason]);
  }

  for (const [a, r] of [[1, 0], [0, 1], [3, 0], [0, 2], [1, 1], [2, 3]]) {
    const n = notificationFor(Array.from({ length: a }, (_, i) => ticket(i + 1)), Array.from({ length: r }, (_, i) => ticket(i + 10)));
    if (n) out.push([`notify ${a}/${r}`, n.message], [`notify action ${a}/${r}`, n.action]);
  }

  for (const dirty of [false, true]) {
    out.push([`code context ${dirty}`, buildCodeContext({
      displayPath: 'src/app.ts', startLine: 3, endLine: dirty ? 3 : 5, code: '', languageId: 'typescript',
      repo: { commit: '0123456789abcdef', dirty, originUrl: 'https://github.com/acme/app.git', pathInRepo: 'src/app.ts' },
    })]);
  }

  for (const c of buildCategorySpecs([{ id: 1, name: 'Open', isClosed: false }] as never, [], { userId: 11 } as never)) {
    out.push([`category ${c.id}`, c.label]);
  }
  for (const pattern of ['(', 'BD-\\d+', '(\\d*)']) {
    const problem = compileReferencePattern(pattern).problem;
    assert.ok(problem, pattern);
    out.push([`pattern ${pattern}`, problem]);
  }

  // The create flow: every title, prompt, placeholder, label and validation message on the way to "Post as…".
  const t = (en: string) => new RegExp(`^(\\$\\([\\w-]+\\) )?${(bundle[en] ?? en).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  const env = (prompts: ScriptedPrompts) => ({
    prompts,
    lookups: { brands: [{ id: 1, name: 'Acme', isDefault: true }, { id: 2, name: 'Globex', isDefault: false }], priorities: [{ id: 3, name: 'High' }], categories: [{ id: 7, name: 'Billing' }] },
    attribution: 'Ana Agent',
    identities: [{ id: 'a', label: 'Ana Agent' }, { id: 'b', label: 'Ana Agent 2' }],
    searchContacts: async () => [],
  });
  const initial = { ...emptyAnswers(), codeContext: 'x' };
  const toRequester = [answer.input('Printer on fire'), answer.input('D'), answer.pick(t('Add the code context below the description')), answer.pick('High')];
  const scripts = [
    [...toRequester, answer.search('x', t('New requester…')), answer.input('jane@example.com'), answer.input('Jane Doe'),
      answer.pick(t('Category')), answer.pick(t('No category')), answer.pick(t('Brand')), answer.pick('Globex'),
      answer.pick(/Ana Agent…$/), answer.pick('Ana Agent 2'), answer.cancel()],
    [...toRequester, answer.search('x@y.zz', /x@y\.zz$/), answer.cancel()],
    [answer.input('')], // each of these ends on a refused input, to see its message
    [answer.input('Printer on fire'), answer.input(' ')],
    [...toRequester, answer.search('x', t('New requester…')), answer.input('nope')],
    [...toRequester, answer.search('x', t('New requester…')), answer.input('jane@example.com'), answer.input('')],
  ];
  for (const script of scripts) {
    const prompts = new ScriptedPrompts(...script);
    await runCreateTicketFlow(env(prompts) as never, initial);
    for (const q of prompts.asked) {
      for (const text of [q.title, q.prompt, q.placeholder, ...(q.labels ?? [])]) if (text) out.push([`flow step ${q.step} ${q.method}`, text]);
      // Row descriptions that are more than the data they show (e.g. "2 lines", "(new)", "none").
      for (const text of [...(q.descriptions ?? []), ...(q.details ?? [])]) {
        if (/[a-z]{2}/i.test(DATA.reduce((rest, d) => rest.split(d).join(' '), text).replace(/\$\([\w-]+\)/g, ' '))) out.push([`flow row ${q.step}`, text]);
      }
    }
    const refused = prompts.unexpected.filter((why) => /^input "[^"]*" rejected: /.test(why));
    assert.equal(refused.length, script === scripts[0] || script === scripts[1] ? 0 : 1, prompts.unexpected.join('; '));
    for (const why of refused) out.push(['flow validation', why.replace(/^input "[^"]*" rejected: /, '')]);
  }
  return out;
}

describe('localization of the vscode-free layers (pseudo-locale)', function () {
  this.timeout(60_000);
  let pseudo: L10nBundle;

  before(async () => {
    pseudo = await pseudoBundle();
  });
  afterEach(() => l10n.config({ contents: {} }));

  it('the exported bundle holds the strings of every layer', async () => {
    const en = await englishBundle();
    for (const s of ['Create BoldDesk ticket', 'BoldDesk denied access (HTTP {0}).', 'The BoldDesk domain is empty.', 'My open tickets', 'Ticket #{0} {1} was assigned to you.']) {
      assert.ok(s in en, `missing from the export: ${s}`);
    }
  });

  it('in English (no bundle) the same texts are English, so the check below can see untranslated text', async () => {
    const texts = await producedTexts({});
    assert.ok(texts.length > 100, `only ${texts.length} texts`);
    const english = texts.filter(([, text]) => untranslated(text).length > 0);
    assert.ok(english.length > texts.length * 0.9, `${english.length} of ${texts.length} texts read as English`);
  });

  it('with the pseudo bundle every text is translated', async () => {
    l10n.config({ contents: pseudo });
    const texts = await producedTexts(pseudo);
    const left = texts.map(([what, text]) => [what, text, untranslated(text).join(' ')]).filter(([, , words]) => words);
    assert.deepEqual(left, [], 'these texts did not go through l10n.t');
  });
});
