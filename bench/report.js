// Renders bench/results.json as docs/BENCHMARKS.md: the budget table first, then how each figure was measured,
// the fixes the figures led to, and the details. Every comparison in the table comes from the same run.
const RESET_MARGIN_MS = 1000; // src/api/rateLimit.ts RESET_MARGIN_MS: the clock-skew slack added to a server reset time

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };
const n = (x, d = 1) => (typeof x === 'number' && Number.isFinite(x) ? x.toFixed(d) : '–');
const range = (xs, d = 1, unit = '') => `${n(median(xs), d)}${unit} (${n(Math.min(...xs), d)}–${n(Math.max(...xs), d)})`;
const verdict = (ok) => (ok === undefined ? 'not measured' : ok ? '**met**' : '**MISSED**');
const missing = (s) => !s || s.error;
const why = (s) => (s && s.error ? `not measured: ${s.error}` : 'not measured: stage not run');
const stale = (s) => (s && s.fromEarlierRun ? ` _(from the run of ${s.fromEarlierRun})_` : '');

function rows(results) {
  const st = results.stages;
  const out = [];
  const a = st.activation;
  if (missing(a)) out.push(['`activate()` in a real extension host', '≤ 5 ms median', why(a), '', verdict()]);
  else {
    const act = a.map((r) => r.activateMs);
    out.push(['`activate()` in a real extension host', '≤ 5 ms median; nothing network-bound',
      `${range(act, 2, ' ms')} over ${a.length} fresh hosts (CPU time ${a.every((r) => r.activateCpuMs !== undefined) ? range(a.map((r) => r.activateCpuMs), 2, ' ms') : '–'}); bundle load ${range(a.map((r) => r.loadMs), 1, ' ms')}; ` +
      `whole \`extension.activate()\` ${range(a.map((r) => r.totalMs), 0, ' ms')}; BoldDesk requests during activation: ${Math.max(...a.map((r) => r.requestsDuringActivation))}${stale(a)}`,
      '', verdict(median(act) <= 5 && a.every((r) => r.requestsDuringActivation === 0))]);
  }
  const s = st.size;
  if (missing(s)) out.push(['`dist/extension.js` / VSIX size', '≤ 185 KB / ≤ 200 KB', why(s), '', verdict()]);
  else {
    out.push(['`dist/extension.js` (minified, production)', '≤ 185 KB', `${s.shipped.extensionKB} KB (+ ${s.shipped.nodeFetchKB} KB \`dist/nodeFetch.js\`: node-fetch, require()d on the first request)${stale(s)}`,
      `${s.obvious.extensionKB} KB (node-fetch bundled inline, with its web-streams polyfill)`, verdict(s.shipped.extensionKB <= 185)]);
    out.push(['VSIX', '≤ 200 KB', `${s.vsix.kb} KB, ${s.vsix.files.length} files`, '', verdict(s.vsix.kb <= 200)]);
  }
  const o = st.overhead;
  if (missing(o)) out.push(['client overhead, 100 tickets', '≤ 1.10×', why(o), '', verdict()]);
  else {
    const viaFetch = o.fetchParseMs ? `; node-fetch alone + parse ${n(o.fetchParseMs.median, 2)} ms = ${n(o.fetchRatioVsParse, 2)}×` : '';
    out.push([`client overhead: 100 tickets via the client (${o.transport || 'node-fetch'}) vs bare \`http.get\` (same URL, same fake)`, '≤ 1.10× median',
      `**${n(o.ratioOfMediansVsParse, 2)}×** vs \`http.get\` + \`JSON.parse\`; ${n(o.ratioOfMedians, 2)}× vs \`http.get\` reading the body only ` +
      `(client ${n(o.clientMs.median, 2)} ms, bare ${n(o.bareMs.median, 2)} ms, bare + parse ${n(o.bareParseMs.median, 2)} ms${viaFetch}; ${o.pairs} interleaved rounds)${stale(o)}`,
      'hand-written node:http transport (ruled out: the design card fixes node-fetch), earlier runs: 1.10× and 1.15× (node-fetch in the same runs: 1.13×)', verdict(o.ratioOfMediansVsParse <= 1.1)]);
  }
  const q = st.requests;
  if (missing(q)) out.push(['requests per step', '', why(q), '', verdict()]);
  else {
    const step = (list, name) => (list.find((x) => x.step.startsWith(name)) || {}).requests;
    const cold = q.shipped.find((x) => x.step.includes('cold'));
    const lookups = cold.paths.filter((p) => !/\/tickets$/.test(p)).length;
    out.push(['requests to show a view\'s first page', 'cold: tickets + needed lookups; warm: 1',
      `cold ${cold.requests} (${lookups} lookups + 1 list); warm ${step(q.shipped, 'another category')} (another category), ${step(q.shipped, 'view shown again')} (view re-shown)${stale(q)}`,
      `no lookup cache: warm re-show ${step(q.noLookupCache, 'view shown again')}; everything up front: cold ${step(q.fetchAllUpFront, 'view opens')}, warm ${step(q.fetchAllUpFront, 'another category')} (${q.tickets} tickets)`,
      verdict(cold.requests === lookups + 1 && step(q.shipped, 'another category') === 1 && step(q.shipped, 'view shown again') === 1)]);
    const first = step(q.shipped, 'open a ticket (first');
    const later = step(q.shipped, 'open another ticket');
    out.push(['requests for "Load more" / opening a ticket', '1 / ≤ 2',
      `${step(q.shipped, 'Load more')} / ${later} (the first ticket of a session: ${first}, it also fetches the priority list once)`,
      `no lookup cache: ${step(q.noLookupCache, 'open another ticket')} per ticket`, verdict(step(q.shipped, 'Load more') === 1 && later <= 2)]);
  }
  const b = st.browse;
  if (missing(b)) out.push(['10-minute browse at the trial quota', '0 × 429', why(b), '', verdict()]);
  else {
    const sh = b.shipped, ob = b.obvious;
    out.push([`scripted ${b.sessionMinutes}-minute browse at ${b.limits.all}/min (${b.limits.list}/min lists), simulated clock`,
      '0 × 429; no wait beyond what the quota forces',
      `${sh.rejected429} × 429 in ${sh.requests} requests / ${sh.actions} actions; ${sh.actionsThatWaited} actions waited ${n(sh.totalWaitS)} s in all, ` +
      `the quota forced ${n(sh.totalForcedWaitS)} s; worst extra wait ${n(sh.excessWaitMs.max / 1000, 1)} s (= the ${RESET_MARGIN_MS / 1000} s clock-skew margin per exhausted window); ran in ${n(b.realSeconds)} s${stale(b)}`,
      `no cache + all pages up front: ${ob.rejected429} × 429, ${ob.actions} actions in the same 10 min, ${n(ob.totalWaitS)} s waiting`,
      verdict(sh.rejected429 === 0 && sh.failedActions.length === 0 && sh.excessWaitMs.max <= RESET_MARGIN_MS)]);
  }
  const g = st.bigList;
  if (missing(g)) out.push(['100,000 tickets: 50 pages', '≤ 50 MB heap; ≤ 50 ms/page', why(g), '', verdict()]);
  else {
    const later = g.pages.slice(1);
    const ext = later.map((p) => p.otherExtensionMs + p.providerMs);
    out.push(['100,000 tickets: a view, 50 pages loaded — extension-host heap growth', '≤ 50 MB',
      `${n(g.heapGrowthMB)} MB (${n(g.heapBeforeMB)} → ${n(g.heapAfterMB)} MB after GC; ${g.ticketsShown} tickets of ${g.total} on screen)${stale(g)}`, '', verdict(g.heapGrowthMB <= 50)]);
    out.push(['… each page: extension time beyond its HTTP round trip', '≤ 50 ms',
      `median ${n(median(ext))} ms, p90 ${n(pct(ext, 0.9))} ms, max ${n(Math.max(...ext))} ms (pages 2–${g.pages.length}; HTTP median ${n(median(later.map((p) => p.httpMs)), 0)} ms)`,
      '', verdict(median(ext) <= 50)]);
  }
  out.push(...latencyRows(st.latency));
  const c = st.cache;
  if (missing(c)) out.push(['warm-start cache of 10,000 tickets: load / heap', '≤ 50 ms / ≤ 20 MB', why(c), '', verdict()]);
  else {
    out.push([`warm-start cache of ${c.full.tickets.toLocaleString('en')} tickets (${c.full.lists} lists, ${c.full.fileKB} KB, uncapped): load / heap`, '≤ 50 ms / ≤ 20 MB',
      `${n(c.full.ms.median)} ms (${n(c.full.ms.min)}–${n(c.full.ms.max)}) wall, ${c.full.cpuMs ? n(c.full.cpuMs.median) : '–'} ms CPU / ${n(c.full.heapMB)} MB${stale(c)}`,
      (c.plain ? `plain ticket objects (the format before rows), ${c.plain.fileKB} KB: ${n(c.plain.ms.median)} ms / ${n(c.plain.heapMB)} MB; ` : '') +
      `what the store writes (capped): ${c.capped.tickets} tickets in ${c.capped.lists} lists, ${c.capped.fileKB} KB: ${n(c.capped.ms.median)} ms / ${n(c.capped.heapMB)} MB; ` +
      `opened tickets: ${c.openedTickets.tickets} with ${c.openedTickets.messages} messages, ${c.openedTickets.fileKB} KB: ${n(c.openedTickets.ms.median)} ms / ${n(c.openedTickets.heapMB)} MB`,
      verdict(c.full.ms.median <= 50 && c.full.heapMB <= 20)]);
  }
  const f = st.firstTickets;
  if (missing(f)) out.push(['first tickets on screen after the view opens (real workbench)', '≤ 300 ms median', why(f), '', verdict()]);
  else {
    const ms = f.runs.map((r) => r.ms);
    out.push(['first tickets on screen after the view opens (real workbench, loopback)', '≤ 300 ms median',
      `${range(ms, 0, ' ms')} over ${ms.length} opens (reload → click → first ticket row; the warm-start cache is on); ${median(f.runs.map((r) => r.requests.length))} requests each${stale(f)}`,
      '', verdict(median(ms) <= 300)]);
  }
  out.push(...workbenchRows(st.workbenchRtt));
  return out;
}

/** Issue 14's budgets in the real workbench at 150 ms RTT (bench/workbenchRtt.js); the obvious design is the cache off. */
function workbenchRows(w) {
  const label = (what) => `${what} (real workbench, ${w && !w.error ? w.latencyMs : 150} ms RTT)`;
  if (missing(w)) return [[label('warm start, cold start, open a ticket'), 'issue 14', why(w), '', verdict()]];
  const rtt = w.latencyMs;
  const fig = (xs) => `${range(xs, 0, ' ms')} = **${n(median(xs) / rtt, 2)} RTT**`;
  const cold = w.cold.map((r) => r.ms);
  const obvious = `cache off (the obvious design): ${fig(cold)}`;
  const warmRows = w.warm.map((r) => r.ms);
  const fresh = w.warm.map((r) => r.freshMs).filter((x) => x !== undefined);
  const reqs = (rs) => median(rs.map((r) => r.requests.length));
  return [
    [label('warm start: first tickets on screen, from the cache'), '≤ 100 ms', `${fig(warmRows)}; click → first ticket row, ${w.warm.length} reloads${stale(w)}`, obvious, verdict(median(warmRows) <= 100)],
    [label('warm start: fresh list on screen'), '≤ 1 RTT + 100 ms', fresh.length ? `${fig(fresh)} (no open category marked "cached"); ${reqs(w.warm)} requests` : 'never fresh within 15 s', obvious,
      verdict(fresh.length === w.warm.length && median(fresh) <= rtt + 100)],
    [label('cold start: first tickets on screen (cache off)'), '≤ 2 RTT + 150 ms', `${fig(cold)}; ${reqs(w.cold)} requests`, '', verdict(median(cold) <= 2 * rtt + 150)],
    [label('open a ticket: click → its first message in the panel'), '≤ 1 RTT + 80 ms', `${fig(w.open.map((r) => r.ms))}; ${median(w.open.map((r) => r.requests))} requests for the ticket`, '',
      verdict(median(w.open.map((r) => r.ms)) <= rtt + 80)],

  ];
}

// Issue 14's budgets at 150 ms RTT: [step in bench/latency.ts, budget text, allowed round trips, allowed extra ms].
const LATENCY_BUDGETS = [
  ['warm start: cached tickets', '≤ 100 ms (from the cache)', 0, 100],
  ['warm start: fresh list', '≤ 1 RTT + 100 ms', 1, 100],
  ['cold start: first tickets', '≤ 2 RTT + 150 ms', 2, 150],
  ['open a ticket', '≤ 1 RTT + 80 ms', 1, 80],
  ['open a ticket from the prefetch/cache', '≤ 80 ms', 0, 80],
  ['Load more', '≤ 1 RTT + 50 ms', 1, 50],
];

function latencyRows(l) {
  if (missing(l)) return [['time to data at 150 ms RTT', 'issue 14 budgets', why(l), '', verdict()]];
  const rtt = Math.max(...l.rtts);
  const at = l.byRtt[String(rtt)];
  const zero = l.byRtt['0'];
  const cell = (f, z) => `${n(f.ms.median, 0)} ms (${n(f.ms.min, 0)}–${n(f.ms.max, 0)}) = **${n(f.ms.median / rtt, 2)} RTT**; ` +
    `${f.roundTrips} sequential round trip${f.roundTrips === 1 ? '' : 's'}, ${f.requests} request${f.requests === 1 ? '' : 's'}` +
    (z ? `; at 0 ms: ${n(z.ms.median, 0)} ms` : '');
  return LATENCY_BUDGETS.filter(([step]) => at[step]).map(([step, budget, trips, extra]) => {
    const x = at[step];
    return [`${step} (${rtt} ms RTT ± ${l.jitterPercent} %, data path without the workbench)`, budget,
      cell(x.shipped, zero && zero[step] && zero[step].shipped) + stale(l),
      x.obvious ? cell(x.obvious, zero && zero[step] && zero[step].obvious) + ` (${step.startsWith('warm') ? 'no cache: a cold start, serial requests' : 'serial requests, no cache'})` : '',
      verdict(x.shipped.ms.median <= trips * rtt + extra)];
  });
}

function details(results) {
  const st = results.stages;
  const lines = [];
  const q = st.requests;
  if (!missing(q)) {
    lines.push('### Requests per step (counted by the fake)', '', '| step | shipped | no lookup cache | all pages up front |', '|---|---|---|---|');
    for (const x of q.shipped) {
      const nc = q.noLookupCache.find((y) => y.step === x.step);
      const up = q.fetchAllUpFront.find((y) => y.step === x.step);
      lines.push(`| ${x.step} | ${x.requests}: ${x.paths.map((p) => `\`${p.replace('/api/v1', '')}\``).join(', ')} | ${nc ? nc.requests : ''} | ${up ? up.requests : ''} |`);
    }
    lines.push('');
  }
  const b = st.browse;
  if (!missing(b)) {
    lines.push(`### Browse at the trial quota, per action (seed ${b.seed})`, '', '| action | shipped: count / requests / waited s / forced s | obvious: count / requests / waited s / forced s |', '|---|---|---|');
    const names = [...new Set([...Object.keys(b.shipped.byAction), ...Object.keys(b.obvious.byAction)])];
    const cell = (x) => (x ? `${x.count} / ${x.requests} / ${n(x.waitedMs / 1000)} / ${n(x.forcedMs / 1000)}` : '–');
    for (const a of names) lines.push(`| ${a} | ${cell(b.shipped.byAction[a])} | ${cell(b.obvious.byAction[a])} |`);
    lines.push('');
  }
  const g = st.bigList;
  if (!missing(g)) {
    lines.push('### 100,000 tickets, per page (extension host)', '', '| page | tickets on screen | HTTP ms | other extension ms | TreeDataProvider ms | click → rows handed to VS Code ms |', '|---|---|---|---|---|---|');
    g.pages.forEach((p, i) => {
      if (i < 3 || i % 10 === 9 || i === g.pages.length - 1) lines.push(`| ${i + 1} | ${p.items} | ${p.httpMs} | ${n(p.otherExtensionMs)} | ${n(p.providerMs)} | ${n(p.wallMs, 0)} |`);
    });
    lines.push('', `Heap after GC: ${n(g.heapBeforeMB)} MB before the view opened, ${n(g.heapFirstPageMB)} MB with the first page, ${n(g.heapAfterMB)} MB with ${g.pagesLoaded} pages. ` +
      'Page 1 includes opening the view (activation was before), so its provider time includes waiting for the first page.', '');
  }
  const s = st.size;
  if (!missing(s)) {
    lines.push('### Package contents (VSIX)', '', '| file | bytes |', '|---|---|', ...s.vsix.files.map(([f, b]) => `| ${f} | ${b} |`), '',
      'Largest inputs of `dist/extension.js`: ' + s.shipped.largestInputs.map(([f, b]) => `${f} ${(b / 1024).toFixed(1)} KB`).join(', ') + '.', '',
      'Largest inputs of the obvious build: ' + s.obvious.largestInputs.map(([f, b]) => `${f} ${(b / 1024).toFixed(1)} KB`).join(', ') + '.', '');
  }
  const f = st.firstTickets;
  if (!missing(f)) {
    lines.push('### First tickets on screen: where the time goes (ms after the click)', '',
      '| run | first BoldDesk request | GET /tickets sent | categories + first tickets in the DOM | requests |', '|---|---|---|---|---|',
      ...f.runs.map((r, i) => `| ${i + 1} | ${n(r.firstRequestMs, 0)} | ${n(r.ticketsRequestMs, 0)} | ${n(r.ms, 0)} | ${r.requests.map((p) => `\`${p.replace('/api/v1', '')}\``).join(', ')} |`), '');
  }
  return lines.join('\n');
}

function overheadSplit(results) {
  const o = results.stages.overhead;
  if (missing(o) || !o.fetchParseMs) return 'not measured in this run';
  return `${n(o.fetchRatioVsParse, 2)}× (${n(o.fetchParseMs.median, 2)} vs ${n(o.bareParseMs.median, 2)} ms), and the whole client ${n(o.ratioOfMediansVsParse, 2)}× ` +
    `(${n(o.clientMs.median, 2)} ms): node-fetch accounts for ${n(100 * (o.fetchParseMs.median - o.bareParseMs.median) / Math.max(1e-9, o.clientMs.median - o.bareParseMs.median), 0)} % of the client's extra time; ` +
    `without it the client would be at ${n((o.clientMs.median - (o.fetchParseMs.median - o.bareParseMs.median)) / o.bareParseMs.median, 2)}×`;
}

const med = (xs) => median(xs);

/** One bullet per budget this run missed: why, and what would meet it. */
function missedNotes(results) {
  const st = results.stages;
  const notes = [];
  const q = st.requests;
  const later = !missing(q) && (q.shipped.find((x) => x.step.startsWith('open another ticket')) || {}).requests;
  if (later > 2) {
    notes.push(`- **Requests to open a ticket ≤ 2 — missed (${later}) since the conversation is read from \`/updates\` + \`/notes\`** (issue 11,
  docs/BOLDDESK-API.md: BoldDesk has no one call for both). They go in parallel with the ticket, so opening a ticket is still one
  round trip (see "open a ticket" at 150 ms RTT). The request count costs quota, not time: the browse at the trial quota is the budget for that.`);
  }
  const o = st.overhead;
  if (!missing(o) && o.ratioOfMediansVsParse > 1.1) {
    notes.push(`- **Client overhead ≤ 1.10× — missed (${n(o.ratioOfMediansVsParse, 2)}×); node-fetch's own cost, which the design card fixes, is more than the margin.** The ratio
  is noisy here (a 40-round run earlier the same hour: client 1.25×, node-fetch alone 1.09×). node-fetch alone
  (\`src/api/nodeFetch.ts\`: body read + \`JSON.parse\`, nothing of the client) against \`http.get\` + \`JSON.parse\` is
  ${overheadSplit(results)}. node-fetch's per-request cost: a \`Request\` object, two \`Headers\` objects (request and response, every
  header validated and lower-cased), a \`Body\` around the response, and the socket's \`IncomingMessage\` piped through a \`PassThrough\`
  stream before the client reads a byte (16 % of the client-side CPU samples in a profile of 300 listings). What would meet it is the
  hand-written node:http transport measured earlier (then in \`src/api/nodeFetch.ts\`): 1.10× and 1.15× in two runs, against node-fetch's
  1.13× in the same period — at the budget's edge rather than clearly inside it, and ruled out by the design card. The rest is the
  client's own work: 100 \`parseTicketSummary\` calls, rate-limit pacing and the per-request AbortController/timer.`);
  }
  const a = st.activation;
  if (!missing(a) && !(med(a.map((r) => r.activateMs)) <= 5)) {
    notes.push(`- **activate() ≤ 5 ms** — CPU time inside \`activate()\` is now ${range(a.map((r) => r.activateCpuMs), 2, ' ms')} (it was ~8 ms before the
  fixes above); the wall time adds whatever else ran on this loaded 2-core machine. What is left in \`activate()\` must be there at
  activation: \`createTreeView\` (the view), 19 command registrations (a command run before activation finishes must find its handler),
  the webview panel serializer and the draft file system (restored panels and draft tabs after a reload), and the session/tree
  constructors. Not done, candidates: register the commands through one dispatcher (one registration per id is VS Code's rule, so
  only the closures could go), and load time (not in this figure): esbuild emits one \`__toESM(require("vscode"))\` per file that
  imports vscode (24 copies of the API object's properties); routing \`vscode\` through one internal ES module would make it one.`);
  }
  const s = st.size;
  if (!missing(s) && !(s.vsix.kb <= 200)) {
    const kb = (name) => n(((s.vsix.files.find(([f]) => f === name) || [])[1] || 0) / 1024);
    notes.push(`- **VSIX ≤ 200 KB — missed (${s.vsix.kb} KB).** Until this run the figure (196.3 KB) was of a VSIX that bench/size.js had
  built without the on-demand bundles: its \`buildBundles\` made only \`extension.js\` and \`nodeFetch.js\`, so \`dist/extras.js\`
  (${kb('dist/extras.js')} KB: markdown-it with its entity table, the sanitizer, the create flow, attachments), \`dist/extrasUi.js\`
  (${kb('dist/extrasUi.js')} KB) and \`dist/connectionCheck.js\` (${kb('dist/connectionCheck.js')} KB) were missing — and the bench's workbench stages ran an
  extension whose ticket panel could not load (found by the new 150 ms stage: the panel stayed on "Loading…"). The real package
  (\`npm run package\`, test/harness/packageVsix.js) always had them. Fixed in bench/size.js; none of it loads at activation.
  Measured (esbuild's metafile of \`src/lazy/extras.ts\`, minified): the \`entities\` package — markdown-it's table of every HTML
  entity name — is ≈ 82 KB, markdown-it itself ≈ 50 KB, linkify-it + uc.micro + mdurl + punycode ≈ 21 KB, our own code ≈ 25 KB.
  Next step: give markdown-it a small entity decoder (numeric forms and the named entities people type) through an esbuild
  alias, with tests of what a reply with entities sends, then set the budget from what is left.`);
  }
  const c = st.cache;
  if (!missing(c) && !(c.full.ms.median <= 50)) {
    notes.push(`- **Cache of 10,000 tickets loads in ≤ 50 ms — missed (${n(c.full.ms.median)} ms wall, ${c.full.cpuMs ? n(c.full.cpuMs.median) : '–'} ms CPU; heap ${n(c.full.heapMB)} MB is met).**
  Cause: the load is one \`JSON.parse\` of a ${c.full.fileKB} KB file plus a check of every ticket; its cost grows with the file, and this
  run's machine had a load average of ${(c.loadAverage || []).join(' / ')} on 2 cores (a bare \`JSON.parse\` of a 5 MB file took 74–234 ms here,
  ~15 ms on an idle core). The extension never writes that much: the store caps a file at 40 lists × 100 tickets and 2 MB, so a real
  warm start reads at most the capped file (${c.capped.tickets} tickets: ${n(c.capped.ms.median)} ms here). Next step: store only what a row shows
  (id, subject, status/priority/agent ids and names, requester name, dates: about half the bytes), read the lists of the
  categories on screen first, and re-measure on an idle machine.`);
  }
  const w = st.workbenchRtt;
  if (!missing(w)) {
    const rtt = w.latencyMs;
    const warm = w.warm.map((r) => r.ms);
    const fresh = w.warm.map((r) => r.freshMs).filter((x) => x !== undefined);
    const open = w.open.map((r) => r.ms);
    const firstReq = w.warm.map((r) => r.firstRequestMs).filter((x) => x !== undefined);
    // The last answer of each warm run, from the timeline ("GET /path?… start..end" in ms from the click).
    const lastAnswer = w.warm.map((r) => Math.max(...(r.timeline || []).map((t) => Number(/\.\.(\d+)$/.exec(t)?.[1]))))
      .filter((x) => Number.isFinite(x));
    if (!(med(warm) <= 100)) {
      notes.push(`- **Warm start in the workbench, first tickets ≤ 100 ms — missed (${range(warm, 0, ' ms')}).** No round trip is in it: the
  cached rows appear before BoldDesk could have answered anything. The first request leaves ${range(firstReq, 0, ' ms')} after the
  click, right after the extension answered the view's first \`getChildren\`, and the rows are drawn soon after: most of the time
  is VS Code opening the view container and asking for its roots, on a 2-core machine at load ${(results.machine.loadAverageAtEnd || []).join(' / ')}. The cache
  file is now read once the key is read after activation (\`ModelCache.preload\`), so the first \`getChildren\` answers from
  memory (the median was 332 ms before this run's two fixes: this read and the tree-change fix below). Next step: profile VS Code's part in the real
  host (the renderer's CPU profile from the click to the first row) to see whether anything of ours is in it.`);
    }
    if (!(fresh.length === w.warm.length && med(fresh) <= rtt + 100)) {
      notes.push(`- **Warm start in the workbench, fresh list ≤ 1 RTT + 100 ms — missed (${fresh.length ? range(fresh, 0, ' ms') : 'never'}).** Cause found
  with each request's start and end (the fake keeps both; \`timeline\` in the stage's output): the four requests (statuses, views,
  tickets, the agent) leave together ${range(firstReq, 0, ' ms')} after the click and are all answered by ${lastAnswer.length ? range(lastAnswer, 0, ' ms') : '–'};
  the rows turn fresh ${fresh.length && lastAnswer.length ? n(med(fresh) - med(lastAnswer), 0) : '–'} ms after the last answer. Before this run that gap was ≈ 270 ms
  (fresh list 600 ms): VS Code's extension host holds a tree change back until 200 ms after the one before it, and a new
  \`message\` or \`description\` of the view counts as one. The warm start sent needless changes (the cached categories, each
  reload starting, an "updating…" line, the same message set again). Now the tree is told only what shows something new
  (\`CategoryNode.renderKey\`), the message and description are set only when they change, and the online "updating…" line
  is gone (each category says "cached, updated …"). What is left is the time before the first request + 1 RTT + the render.
  Next step: start the revalidation from the activation's cache read, before VS Code asks for the roots.`);
    }
    const cold = w.cold.map((r) => r.ms);
    if (!(med(cold) <= 2 * rtt + 150)) {
      const coldFirst = w.cold.map((r) => r.firstRequestMs).filter((x) => x !== undefined);
      const coldTickets = w.cold.map((r) => r.ticketsRequestMs).filter((x) => x !== undefined);
      notes.push(`- **Cold start in the workbench ≤ 2 RTT + 150 ms — missed (${range(cold, 0, ' ms')}).** Two round trips in a row are
  needed: the first list's query needs the open statuses and the agent's id, so statuses, views and the agent go first
  (together, ${range(coldFirst, 0, ' ms')} after the click); the tickets request leaves once they are answered, ${range(coldTickets, 0, ' ms')} after the click. The rest is the
  time before the first request (VS Code opening the view and asking for its roots) and the render (VS Code shows the
  categories with the expanded first category's rows, after its answer). It was met in the runs before this one (418–461 ms):
  on this 2-core machine at load ${(results.machine.loadAverageAtEnd || []).join(' / ')} the margin is within the noise. Next step: send the first list's
  request with the agent id the identity already stores (a confirmed key owner), so only the statuses are waited for.`);
    }
    if (!(med(open) <= rtt + 80)) {
      notes.push(`- **Open a ticket in the workbench ≤ 1 RTT + 80 ms — missed (${range(open, 0, ' ms')}; ${med(w.open.map((r) => r.requests))} requests).**
  The Node data path is 1 RTT (the detail, updates and notes together); the rest is the workbench: a new webview panel
  (its iframes, service worker and our page script) for every ticket, and the first open in a window also loads
  \`dist/extras.js\` (the slowest run). Issue 18's preview panels replace a preview with a new panel rather than reusing its
  page, so that no message of the old page can reach the new ticket: the webview start stays. Next step: measure the same
  click at loopback in this stage, then reuse the page with a per-page token in every message.`);
    }
    notes.push(`- **Open a ticket from the prefetch — measured in Node only (0 ms).** In the workbench a click selects and opens at once
  (the prefetch and the open start together), and the arrow keys move the tree's focus without changing its selection, so
  they start no prefetch: keyboard users get no head start. Next step: prefetch on the focused row (VS Code's TreeView API
  has no focus event; the selection is all an extension sees).`);
  } else {
    notes.push(`- **"Measured in the real workbench with 150 ms RTT" — not measured in this run** (\`bench/workbenchRtt.js\`: ${why(w)}).`);
  }
  const f = st.firstTickets;
  if (!missing(f) && !(med(f.runs.map((r) => r.ms)) <= 300)) {
    notes.push(`- **First tickets on screen ≤ 300 ms** — see "where the time goes": the 3 lookups (statuses, views, the agent) and then the
  list are two round trips in series before the first row. Not done, candidate: start "My open tickets" as soon as statuses and the
  agent are in (views only add categories).`);
  }
  return notes.length ? notes.join('\n') + '\n' : 'None in this run.\n';
}

function firstTicketsNow(results) {
  const f = results.stages.firstTickets;
  return missing(f) ? '–' : `${range(f.runs.map((r) => r.ms), 0, ' ms')} in this run`;
}

/** "obvious → shipped" for the fixes table. */
function sizeFix(results) {
  const s = results.stages.size;
  return missing(s) ? '–' : `${s.obvious.extensionKB} KB (node-fetch inline) → ${s.shipped.extensionKB} KB (+ ${s.shipped.nodeFetchKB} KB on the first request)`;
}

function overheadFix(results) {
  const o = results.stages.overhead;
  if (missing(o)) return '–';
  return `with node-fetch again: ${n(o.ratioOfMediansVsParse, 2)}×` + (o.fetchParseMs ? ` (node-fetch alone ${n(o.fetchRatioVsParse, 2)}×)` : '');
}

function renderReport(results) {
  const m = results.machine;
  const table = rows(results).map((r) => `| ${r.join(' | ')} |`).join('\n');
  return `# Benchmarks

Generated by \`npm run bench\` (bench/run.js) on ${results.date.slice(0, 16).replace('T', ' ')} UTC in ${n(results.totalSeconds, 0)} s.
Machine: ${m.cores} cores (${m.cpu}), ${m.memoryGiB} GiB, ${m.platform}, Node ${m.node} (the extension host: code-server's Node 24).
Load average ${m.loadAverageAtStart.join(' / ')} at the start, ${(m.loadAverageAtEnd || []).join(' / ')} at the end: timings on a busy machine are noisy,
so every comparison below is a ratio or a side-by-side measured in the same run, and each time is a median (min–max).
Raw figures: \`bench/results.json\`. Times are benchmarks, never tests; only the bundle size has a unit test (test/unit/project/bundleSize.test.ts).

| figure | budget | measured | obvious approach, same run | verdict |
|---|---|---|---|---|
${table}

## How each figure is measured

- **activate()** — \`bench/extensionHost/activation.ts\` runs in the real extension host of a fresh code-server (test/harness/runOffline.js)
  for each run, with the production build (\`--production\`) staged as the extension under development and the BoldDesk domain + a key
  configured. It wraps \`Module.prototype._compile\` for \`dist/extension.js\`, so it times the bundle's top-level evaluation ("load") and the
  \`activate()\` call itself separately, and also the whole \`vscode.extensions.getExtension(id).activate()\` (VS Code's own bookkeeping
  included). Requests to the fake are counted from before activation until the stored key has been read (\`api.ready\`). The staged
  copy drops \`onStartupFinished\` from its activation events (bench/host.js), or VS Code would activate it before the bench can time it;
  \`activate()\` does the same work either way.
- **Sizes** — \`bench/size.js\` builds with esbuild's JS API and esbuild.js's own options into a temp folder, stages exactly what
  \`.vscodeignore\` ships and runs \`vsce package\`. The shipped build is \`dist/extension.js\` plus \`dist/nodeFetch.js\` (node-fetch,
  require()d by \`src/api/nodeFetch.ts\` on the first request; web-streams-polyfill left out); the obvious build is the same source
  with node-fetch bundled inline into \`dist/extension.js\` (no lazy-node-fetch plugin). The budget was raised 150 → 170 KB and then
  170 → 185 KB (2026-12-03) when issues 13, 14, 15 and 18 landed together (warm-start cache, composer attachments, command-link
  guards, the rate-limit countdown, the scratch file system): our own code, no library; Markdown, attachment transfers, the draft
  preview and Start Work already load lazily from \`dist/extras.js\` / \`dist/extrasUi.js\`. Next step: lazy entry points for the
  create-ticket flow (≈ 10 KB), the identity commands and the composer's file handling, to come back under 170 KB.
- **Client overhead** — \`bench/clientOverhead.ts\`: \`BoldDeskClient.listTickets({}, 1, 100)\` vs \`http.get\` of the exact URL and headers
  the client sent (taken from the fake's request log), interleaved round-robin after a warm-up, same process, same fake. The budget is judged
  against \`http.get\` + \`JSON.parse\` (the same work: any caller needs the tickets, not bytes); the body-only ratio is shown too, and
  node-fetch alone (\`src/api/nodeFetch.ts\`, body read + \`JSON.parse\`, nothing of the client) to split node-fetch's share from the client's.
- **Request counts** — \`bench/requestCounts.ts\`: the real client, \`TicketListModel\` and the ticket panel's host controller
  (\`TicketPanelController.load\`) against the fake, counting what the fake received per step. "No lookup cache" clears the client's cache
  before every lookup; "all pages up front" loads every page of a category before showing it.
- **Browse at the trial quota** — \`bench/rateLimitBrowse.ts\`: the fake set to 50/min overall and 40/min on \`GET /tickets\`; one simulated
  clock (bench/lib/virtualClock.ts) drives the fake, the client's \`now\`/\`sleep\` and the model's timers, so 10 minutes take seconds. A fast
  user acts every 1–4 s (seeded): load more, expand, open tickets, filter, refresh. For each action, the wait the quota forced is computed by
  replaying the fake's fixed windows (bench/lib/quotaOracle.ts) for an ideal client that sends each request the instant it is allowed.
- **100,000 tickets** — \`bench/extensionHost/bigList.ts\` in the real extension host: the fake (100k tickets) runs in the bench process,
  the view is opened in the workbench (\`workbench.view.extension.bolddesk\`), then \`bolddesk.loadMore\` runs until 50 pages are shown.
  Each page: the HTTP round trip from the client's own log line, the rest of the command's time (parsing, model), and the time VS Code
  spends in our TreeDataProvider (\`getChildren\` + \`getTreeItem\` for every row) re-rendering the category. Heap after a forced GC.
- **Time to data at 150 ms RTT** — \`bench/latency.ts\`: the fake BoldDesk adds a round trip to every request (\`latencyMs\`, ± 10 %
  seeded jitter; \`npm run fake-bolddesk -- --latency-ms 150\` / \`npm start -- --latency-ms 150\` do the same), and the real client,
  \`TicketListModel\` and the panel's \`TicketPanelController.load\` run each step at 0 ms and at 150 ms, median of 3 fresh runs after one warm-up run. "RTT" is
  the measured time ÷ 150 ms; "sequential round trips" is counted by the fake from its request log (the longest chain of requests each
  started after the previous one's answer: \`sequentialRoundTrips\` in test/fake-bolddesk/roundTrips.ts). The obvious design in the same
  run sends the same requests one after another with no cache. This is the extension's data path in Node, not the workbench: the
  issue's budgets are for the real workbench, where the view's own rendering (≈ 50 ms in "first tickets on screen") comes on top.
- **Warm-start cache load** — \`bench/cacheLoad.ts\` (run with \`--expose-gc\`): 100 pages × 100 ticket summaries, as the real client
  parses them from a 10,000-ticket fake, written as one cache file without the store's caps, then read with the real
  \`TicketCacheStore.load\` (read + \`JSON.parse\` + checks), median of 7 after a warm-up; wall and this process's CPU time. Heap:
  \`heapUsed\` after a synchronous major GC, before vs holding the loaded snapshot. Also the capped file \`save()\` writes from the same
  snapshot, and the opened-tickets file (30 tickets with their conversations). "Open a ticket from the prefetch/cache" (latency stage):
  the row was selected (the prefetch finished) before the timed \`TicketPanelController.load\`, which shows the ticket before any request.
- **First tickets on screen** — \`bench/firstTickets.js\`: code-server with the production VSIX installed as a user would, headless
  Chromium (test/harness/codeServer.js). Each run reloads the window (a fresh extension host; the extension activates on start-up finished, during the 5 s the run waits), clicks the BoldDesk icon
  and takes, inside the page, the time from that mousedown to the first ticket row in the DOM (a MutationObserver). Before the runs the
  key is stored once through the welcome view's "Set API Key" (no demo-key variable, so no extra SecretStorage traffic).
- **Real workbench at 150 ms RTT** — \`bench/workbenchRtt.js\`: the same code-server, VSIX and click as "first tickets on screen", with
  the fake 150 ms ± 10 % away and no rate limit (quota is the browse's figure). Per run: a reload with the cache on disk (warm:
  click → first ticket row, then → no open category marked "cached"), then a click on a ticket row → its first message in the
  panel (the webview's own start included); then the same reloads with \`bolddesk.cache.enabled\` off (cold: the obvious design).

## Fixes made because of these figures (before → after)

| budget | cause found | change | before → after |
|---|---|---|---|
| bundle ≤ 150 KB, light activation | node-fetch v3 bundled inline brings fetch-blob, formdata-polyfill and the web-streams polyfill (≈ 90 KB), all evaluated at load | node-fetch stays (the design card's library) but ships as \`dist/nodeFetch.js\`, require()d by \`src/api/nodeFetch.ts\` on the first request (esbuild.js's \`lazy-node-fetch\` plugin); web-streams-polyfill is left out (fetch-blob needs it only on Node < 16.5) | \`dist/extension.js\` ${sizeFix(results)} |
| bundle ≤ 150 KB | html-to-text + htmlparser2 + two copies of entities (≈ 190 KB) were bundled for the read-only ticket document, which nothing opened any more | removed with that document (dead code); html-to-text is no longer a dependency | 373 KB → (row above) |
| VSIX ≤ 200 KB | \`.vscodeignore\` shipped \`media/**\` including source maps | \`.vscodeignore\`: \`!dist/nodeFetch.js\`, \`media/**/*.map\` excluded | — |
| 0 × 429 at the trial quota | the client kept ONE remaining-count for all requests: (a) concurrent requests passed the "budget left?" check before any was counted; (b) a later answer raised the count again while others were in flight; (c) list requests (own 40/min rule) and others (50/min) share no count | \`src/api/rateLimit.ts\`: \`RateLimitBuckets\` — the overall budget plus one per endpoint rule (tickets list, create, update, contacts list), a request is counted in the same step it is allowed, and within one window a server number never raises ours; \`src/api/http.ts\`: \`pace()\` reserves through it | 26 × 429 → 0 × 429 in the same scripted browse |
| client overhead ≤ 1.10× | node-fetch's per-request Request/Headers/Body objects and its stream wrapping of the response: 16 % of the client-side CPU samples in a profile of 300 listings | a hand-written node:http transport replaced node-fetch (1.13× → 1.10× and 1.15× in two runs) — **reverted**: the design card fixes node-fetch | ${overheadFix(results)} |
| activate() ≤ 5 ms | the host's first \`setContext\` (the slow one) made by \`DraftEditors\`'s constructor with no draft open; \`TicketReferences\`, \`LoopController\` and the identity status bar built inside \`activate()\`; \`session.initialize()\` ran its 3 \`setContext\` calls synchronously; the output channel created up front | \`src/drafts/draftEditors.ts\`: the composing key starts false (an unset key reads false) and is set only on change; \`src/extension.ts\`: references, loop and identity status bar built on the next turn or on first use (\`ExtensionApi.references\` / \`.loop\` are getters), \`session.initialize()\` right after \`activate()\` returns; \`src/ui/outputLogger.ts\`: channel created on the first line | CPU time of \`activate()\` 8.02 → 5.90 ms median (5 fresh hosts each; before and after builds of the same tree, one after the other, load average ≈ 8); wall 10.98 → 10.20 ms. The output-channel change came later and is in this run's figure only |
| first tickets ≤ 300 ms | node-fetch, now loaded lazily, was require()d by the first request — on the critical path (20–90 ms to load here). (The \`hasKey()\` / \`initialize()\` key reads were already one shared promise, \`BoldDeskSession.read()\`.) | \`src/extension.ts\`: once the key is read and a domain is set, node-fetch is loaded on the next turn (\`preloadFetch\` in \`src/api/nodeFetch.ts\`). Tried and reverted: reading the legacy key and the identities' keys in one SecretStorage round (\`IdentityStore.load\`) — it exposed a race (see caveats) | before: 272 ms (248–322), 5 cold opens at load average 2–4 → ${firstTicketsNow(results)}; within this machine's noise — the change takes a 20–90 ms require() off the first request's path, which these 5 runs cannot resolve |

## Details

${details(results)}
## Budgets missed: what the figures point at

${missedNotes(results)}
## Not measured, caveats

- The **browse** oracle knows the fake's rules exactly; the client does not, and on a real help desk adds a ${RESET_MARGIN_MS / 1000} s margin to
  \`x-rate-limit-reset\` against clock skew, which is the only extra wait seen. A burst right after a window reset is sent before the
  new window's budget is known (that is how the obvious design still meets some 429s).
- **A race in the key store, found while measuring** (not fixed here: \`src/auth\`): \`IdentityStore.add()\` stores the key before it saves
  the identity list, and the session's \`secrets.onDidChange\` handler reloads at once; if that reload reads the list between the two
  writes, the session caches "no identities" and \`initialize()\`'s own read then returns that cached answer. Reading the list one
  SecretStorage round earlier (the reverted change above) made the demo-key seeding lose every time in the 100,000-ticket stage; the
  current order wins only by timing. Fix candidates: save the list first and treat a listed identity without a key as absent (load()
  already filters those out), or have the change handler ignore reloads while \`add()\` is in progress.
- **Opening the first ticket of a session** costs 3 requests (ticket, conversation and, once, the priority list for the panel's field
  pickers); every later ticket 2.
- **Machine noise**: this 2-core machine ran other builds and test suites at the same time (see the load average), which inflates
  every absolute time. Re-run \`npm run bench\` on a quiet machine for absolute figures; the ratios are what to compare.
`;
}

module.exports = { renderReport };
