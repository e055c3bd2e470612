// Activation cost in a fresh extension host: times the bundle's evaluation (code loading) and the activate() call
// itself by wrapping the module as the extension host's Node loader compiles it, plus the whole
// `extension.activate()` as an API user sees it. Also counts BoldDesk requests made during activation (must be 0).
import * as fs from 'node:fs';
import { Session } from 'node:inspector';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extensionApi';
import { countRequests, EXTENSION_ID } from './hostShared';

interface CompilingModule {
  exports: Record<string, unknown>;
  _compile(content: string, filename: string): unknown;
}

/** Wraps Module.prototype._compile for one file: how long its top level ran, and how long activate() took. */
interface Marks {
  loadMs?: number;
  activateMs?: number;
  activateCpuMs?: number;
  hooked: boolean;
}

function instrument(file: string): Marks {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Module = require('node:module') as { prototype: CompilingModule };
  const marks: Marks = { hooked: false };
  const original = Module.prototype._compile;
  Module.prototype._compile = function (this: CompilingModule, content: string, filename: string) {
    if (path.resolve(filename) !== file) return original.call(this, content, filename);
    Module.prototype._compile = original;
    marks.hooked = true;
    const t0 = performance.now();
    const result = original.call(this, content, filename);
    marks.loadMs = performance.now() - t0;
    // esbuild's exports are getters: hand the loader a copy whose activate() is timed.
    const real = this.exports;
    const activate = real.activate as (...a: unknown[]) => unknown;
    this.exports = { ...real, activate(...args: unknown[]) {
      const t = performance.now();
      const cpu = process.cpuUsage();
      try {
        return activate(...args);
      } finally {
        marks.activateMs = performance.now() - t;
        // CPU time as well: on a loaded machine the wall time also counts the time other processes ran.
        const used = process.cpuUsage(cpu);
        marks.activateCpuMs = (used.user + used.system) / 1000;
      }
    } };
    return result;
  };
  return marks;
}

/** BENCH_PROFILE=file.cpuprofile: a CPU profile of the activation, for finding what it spends time on. */
async function startProfiler(): Promise<{ stop(file: string): Promise<void> }> {
  const session = new Session();
  session.connect();
  const post = (method: string, params?: object) =>
    new Promise<unknown>((resolve, reject) => session.post(method, params ?? {}, (e, r) => (e ? reject(e) : resolve(r))));
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 100 });
  await post('Profiler.start');
  return {
    async stop(file: string) {
      const { profile } = (await post('Profiler.stop')) as { profile: unknown };
      fs.writeFileSync(file, JSON.stringify(profile));
      session.disconnect();
    },
  };
}

export async function measureActivation(): Promise<Record<string, unknown>> {
  const ext = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
  if (!ext) throw new Error(`${EXTENSION_ID} is not installed in this host`);
  const wasActive = ext.isActive;
  const marks = instrument(path.resolve(ext.extensionPath, ext.packageJSON.main as string));
  const before = await countRequests();
  const profiler = process.env.BENCH_PROFILE ? await startProfiler() : undefined;
  const t0 = performance.now();
  const api = await ext.activate();
  const totalMs = performance.now() - t0;
  if (profiler) await profiler.stop(process.env.BENCH_PROFILE as string);
  await api.ready; // the stored key is read after activation, without blocking it
  const readyMs = performance.now() - t0;
  const after = await countRequests();
  if (!marks.hooked) throw new Error('the bundle was loaded before it could be timed (activated at start-up? bench/host.js stages it without onStartupFinished)');
  return { wasActive, hooked: marks.hooked, loadMs: marks.loadMs, activateMs: marks.activateMs, activateCpuMs: marks.activateCpuMs, totalMs, readyMs,
    requestsDuringActivation: after - before, node: process.version };
}
