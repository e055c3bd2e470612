#!/usr/bin/env node
// `npm start`: run the extension as a user would. Builds it (production), packages a VSIX, starts a fake BoldDesk
// with realistic data and a real VS Code (code-server) on 127.0.0.1 with a throw-away profile, installs the VSIX
// there, points the settings at the fake and prints the URL to open. Ctrl+C stops everything and removes temp files.
// Flags: --port N (default 8080, or a free port when 8080 is taken), --tickets N (default 300),
//        --no-key (do not pre-store the demo key: enter it yourself with "BoldDesk: Set API Key"),
//        --dialect a,b|all (the fake behaves like a BoldDesk that differs where its documentation is silent;
//        names in test/fake-bolddesk/dialects.ts),
//        --latency-ms N [--jitter-ms N] (every BoldDesk request takes N ms more, ± jitter: a real tenant's round trip).
const { spawnSync } = require('child_process');
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');
const { REPO_DIR, ensureInstalled } = require('../test/harness/paths');
const { startCodeServer, freePort } = require('../test/harness/codeServer');
const { packageVsix } = require('../test/harness/packageVsix');

const FAKE_MODULE = path.join(REPO_DIR, 'out', 'test', 'fake-bolddesk', 'index.js');

function parseArgs(argv) {
  const o = { port: undefined, tickets: 300, key: true, dialect: '', latencyMs: 0, jitterMs: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => { const v = Number(argv[++i]); if (!Number.isInteger(v) || v < 0) usage(`${a} needs a whole number`); return v; };
    if (a === '--port') o.port = value();
    else if (a === '--tickets') o.tickets = value();
    else if (a === '--no-key') o.key = false;
    else if (a === '--dialect') { o.dialect = argv[++i] ?? ''; if (!o.dialect) usage('--dialect needs a name (or a,b or all)'); }
    else if (a === '--latency-ms') o.latencyMs = value();
    else if (a === '--jitter-ms') o.jitterMs = value();
    else if (a === '--help' || a === '-h') usage();
    else usage(`unknown option ${a}`);
  }
  return o;
}

function usage(error) {
  if (error) console.error(`demo: ${error}`);
  console.log('usage: npm start -- [--port 8080] [--tickets 300] [--no-key] [--dialect a,b|all] [--latency-ms 150 [--jitter-ms 15]]');
  process.exit(error ? 2 : 0);
}

function step(title, cmd, args, { allowFailure = false } = {}) {
  console.log(`[demo] ${title}`);
  const r = spawnSync(cmd, args, { cwd: REPO_DIR, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0 && !allowFailure) throw new Error(`${title} failed (exit code ${r.status})`);
}

const portIsFree = (port) => new Promise((resolve) => {
  const s = net.createServer();
  s.once('error', () => resolve(false));
  s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
});

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const bin = (name) => path.join(REPO_DIR, 'node_modules', '.bin', name);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bolddesk-demo-'));
  let fake, server, stopping = false;
  const cleanup = async (code) => {
    if (stopping) return; stopping = true;
    console.log('\n[demo] stopping…');
    if (server) await server.stop().catch(() => undefined);
    if (fake) await fake.close().catch(() => undefined);
    fs.rmSync(tmp, { recursive: true, force: true });
    process.exit(code);
  };
  process.on('SIGINT', () => cleanup(0));
  process.on('SIGTERM', () => cleanup(0));
  try {
    let port = opts.port; // checked first: no point building when the port is taken
    if (port === undefined) port = (await portIsFree(8080)) ? 8080 : await freePort();
    else if (!(await portIsFree(port))) throw new Error(`port ${port} is already in use on 127.0.0.1`);
    step('building the extension (production)', 'node', ['esbuild.js', '--production']);
    console.log('[demo] packaging the VSIX');
    const { vsix } = packageVsix(tmp);
    if (!fs.existsSync(FAKE_MODULE)) {
      // tsc still emits when other files have type errors; only the fake's output matters here.
      step('compiling the fake BoldDesk (tsc -p .)', bin('tsc'), ['-p', '.'], { allowFailure: true });
      if (!fs.existsSync(FAKE_MODULE)) throw new Error(`${path.relative(REPO_DIR, FAKE_MODULE)} is missing after tsc`);
    }
    ensureInstalled();
    const { startFakeBoldDesk, parseDialects } = require(FAKE_MODULE);
    const dialects = opts.dialect ? parseDialects(opts.dialect) : [];
    fake = await startFakeBoldDesk({ tickets: opts.tickets, dialects, latencyMs: opts.latencyMs, latencyJitterMs: opts.jitterMs });
    const demo = fake.keys[0];
    const env = {};
    if (opts.key) env.BOLDDESK_DEMO_KEY = demo.key; // stored in SecretStorage at activation (loopback domain only)
    else delete process.env.BOLDDESK_DEMO_KEY;
    console.log('[demo] starting VS Code (code-server) and installing the VSIX');
    server = await startCodeServer({
      port, vsix: [vsix], env,
      userSettings: { 'bolddesk.domain': fake.url, 'bolddesk.agentEmail': demo.agent.email },
    });
    server.exit.then((c) => { if (!stopping) { console.error(`[demo] code-server exited (${c}); log was ${server.logFile}`); cleanup(1); } });
    console.log(`
BoldDesk for VS Code demo is running.

  Open:          ${server.origin}/?folder=${encodeURIComponent(server.workspace)}
  Fake BoldDesk: ${fake.url}  (${opts.tickets} tickets; bolddesk.domain is set to it)${dialects.length ? `\n  Dialects:      ${dialects.join(', ')}` : ''}${opts.latencyMs ? `\n  Latency:       ${opts.latencyMs} ms per request (± ${opts.jitterMs ?? Math.round(opts.latencyMs / 10)} ms)` : ''}
  Agent:         ${demo.agent.name} <${demo.agent.email}>  (bolddesk.agentEmail)
  API key:       ${demo.key}  ${opts.key ? '(already stored in VS Code secret storage)' : '(not stored: run "BoldDesk: Set API Key" and paste it)'}

Then click the BoldDesk icon in the activity bar. Press Ctrl+C to stop; nothing is left behind.`);
  } catch (e) {
    console.error(`[demo] ${e instanceof Error ? e.message : e}`);
    await cleanup(1);
  }
}

main();
