#!/usr/bin/env node
// `npm run bench`: compiles (tsc), runs every stage in its own process, writes bench/results.json and renders
// docs/BENCHMARKS.md (bench/report.js). Options: --only size,overhead,… | --skip … ; BENCH_SKIP_COMPILE=1.
// Stages that need the offline VS Code (activation, bigList, firstTickets, workbenchRtt) install it on first use
// (test/harness/setup-vscode-offline.sh).
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { renderReport } = require('./report');

const REPO = path.resolve(__dirname, '..');
const OUT = path.join(REPO, 'out', 'bench');

/** name → argv (after node) given the work dir and the stage's result file. */
const STAGES = {
  size: (w, f) => [path.join(__dirname, 'size.js'), '--work', w, '--out', f],
  overhead: (w, f) => [path.join(OUT, 'clientOverhead.js'), '--out', f],
  requests: (w, f) => [path.join(OUT, 'requestCounts.js'), '--out', f],
  browse: (w, f) => [path.join(OUT, 'rateLimitBrowse.js'), '--out', f],
  latency: (w, f) => [path.join(OUT, 'latency.js'), '--out', f],
  cache: (w, f) => ['--expose-gc', path.join(OUT, 'cacheLoad.js'), '--out', f],
  activation: (w, f) => [path.join(__dirname, 'host.js'), '--work', w, '--runs', process.env.BENCH_ACTIVATION_RUNS || '5', '--out', f],
  bigList: (w, f) => [path.join(__dirname, 'host.js'), '--work', w, '--mode', 'bigList', '--out', f],
  firstTickets: (w, f) => [path.join(__dirname, 'firstTickets.js'), '--work', w, '--runs', process.env.BENCH_FIRST_RUNS || '5', '--out', f],
  workbenchRtt: (w, f) => [path.join(__dirname, 'workbenchRtt.js'), '--work', w, '--runs', process.env.BENCH_RTT_RUNS || '3', '--latency-ms', '150', '--out', f],
};
// The host stages use the production build and VSIX that "size" stages.
const NEEDS_SIZE = new Set(['activation', 'bigList', 'firstTickets', 'workbenchRtt']);

function listArg(name) {
  const i = process.argv.indexOf(name);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1].split(',') : undefined;
}

function machine() {
  const cpus = os.cpus();
  return { cores: cpus.length, cpu: cpus[0] ? cpus[0].model : 'unknown', memoryGiB: +(os.totalmem() / 2 ** 30).toFixed(1),
    node: process.version, platform: `${os.platform()} ${os.release()}`, loadAverageAtStart: os.loadavg().map((x) => +x.toFixed(2)) };
}

function main() {
  const t0 = Date.now();
  const only = listArg('--only');
  const skip = new Set(listArg('--skip') || []);
  let names = Object.keys(STAGES).filter((n) => (!only || only.includes(n)) && !skip.has(n));
  if (names.some((n) => NEEDS_SIZE.has(n)) && !names.includes('size')) names = ['size', ...names];
  if (!process.env.BENCH_SKIP_COMPILE) {
    console.log('[bench] compiling (tsc -p .)');
    const tsc = spawnSync(process.execPath, [path.join(REPO, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', '.'], { cwd: REPO, stdio: 'inherit' });
    // tsc still emits when some file has type errors (others' work in progress); the stages say if they break.
    if (tsc.status !== 0) console.warn('[bench] tsc reported errors; running the stages with what it emitted');
  }
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bolddesk-bench-'));
  const results = { date: new Date().toISOString(), machine: machine(), stages: {}, stageSeconds: {} };
  // Keep what previous runs measured for stages skipped now, so the report stays complete.
  const resultsFile = path.join(__dirname, 'results.json');
  const previous = fs.existsSync(resultsFile) ? JSON.parse(fs.readFileSync(resultsFile, 'utf8')) : undefined;
  let failed = 0;
  try {
    for (const name of names) {
      const file = path.join(work, `${name}.json`);
      const ts = Date.now();
      console.log(`[bench] ${name} …`);
      const r = spawnSync(process.execPath, STAGES[name](work, file), { cwd: REPO, stdio: ['ignore', 'inherit', 'inherit'] });
      results.stageSeconds[name] = +((Date.now() - ts) / 1000).toFixed(1);
      if (r.status === 0 && fs.existsSync(file)) results.stages[name] = JSON.parse(fs.readFileSync(file, 'utf8'));
      else {
        failed++;
        results.stages[name] = { error: `stage exited with ${r.status ?? r.signal}` };
      }
      console.log(`[bench] ${name} done in ${results.stageSeconds[name]} s`);
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  if (previous) {
    for (const [name, value] of Object.entries(previous.stages || {})) {
      // An array stage (activation) keeps its shape: the mark is a property the report reads in this process.
      if (!(name in results.stages)) {
        // The date of the run that measured it (kept across several partial runs; JSON drops an array's own mark).
        const date = (previous.earlierRuns || {})[name] || value.fromEarlierRun || previous.date;
        results.earlierRuns = { ...results.earlierRuns, [name]: date };
        results.stages[name] = Array.isArray(value) ? Object.assign([...value], { fromEarlierRun: date }) : { ...value, fromEarlierRun: date };
      }
    }
  }
  results.machine.loadAverageAtEnd = os.loadavg().map((x) => +x.toFixed(2));
  results.totalSeconds = +((Date.now() - t0) / 1000).toFixed(1);
  fs.writeFileSync(resultsFile, JSON.stringify(results, null, 2) + '\n');
  fs.mkdirSync(path.join(REPO, 'docs'), { recursive: true });
  fs.writeFileSync(path.join(REPO, 'docs', 'BENCHMARKS.md'), renderReport(results));
  console.log(`[bench] wrote bench/results.json and docs/BENCHMARKS.md in ${results.totalSeconds} s${failed ? `; ${failed} stage(s) failed` : ''}`);
  process.exit(failed ? 1 : 0);
}

main();
