// Injected faults (the contract's Fault/FaultRule): matched by method and path regex, each rule hits `times` requests.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { rateHeaders } from './auth';
import { defaultErrorBody, RATE_LIMITED_BODY } from './http';
import type { Fault, FaultRule } from './types';

interface ActiveRule {
  rule: FaultRule;
  remaining: number;
  path?: RegExp;
}

export class FaultList {
  private rules: ActiveRule[] = [];

  add(rule: FaultRule): void {
    const path = rule.path === undefined ? undefined : rule.path instanceof RegExp ? rule.path : new RegExp(rule.path);
    this.rules.push({ rule, remaining: rule.times ?? Infinity, path });
  }

  clear(): void {
    this.rules = [];
  }

  get size(): number {
    return this.rules.length;
  }

  /** Consumes the rules this request hits, in order: any latency faults, then at most one other fault. */
  take(method: string, path: string): Fault[] {
    const hit: Fault[] = [];
    for (const r of this.rules) {
      if (r.remaining <= 0) continue;
      if (r.rule.method && r.rule.method.toUpperCase() !== method.toUpperCase()) continue;
      if (r.path) {
        r.path.lastIndex = 0;
        if (!r.path.test(path)) continue;
      }
      r.remaining--;
      hit.push(r.rule.fault);
      if (r.rule.fault.type !== 'latency' && r.rule.fault.type !== 'hold') break;
    }
    this.rules = this.rules.filter((r) => r.remaining > 0);
    return hit;
  }
}

export interface FaultIo {
  req: IncomingMessage;
  res: ServerResponse;
  sleep(ms: number): Promise<void>;
  /** Resolves when the test releases held requests (FakeBoldDesk.releaseHeld). */
  hold(): Promise<void>;
  now(): number;
  /** x-rate-limit-* for the caller, so faulted answers still look like BoldDesk's. */
  rateHeaders(): Record<string, string>;
}

const JSON_TYPE = 'application/json; charset=utf-8';

function send(io: FaultIo, status: number, body: string, headers: Record<string, string> = {}, type = JSON_TYPE): number {
  io.res.writeHead(status, { 'content-type': type, 'content-length': String(Buffer.byteLength(body)), ...io.rateHeaders(), ...headers });
  io.res.end(body);
  return status;
}

/** Writes respecting back-pressure; false when the client went away. */
function write(res: ServerResponse, chunk: string): Promise<boolean> {
  if (res.destroyed) return Promise.resolve(false);
  if (res.write(chunk)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const done = (ok: boolean) => {
      res.off('drain', onDrain);
      res.off('close', onClose);
      resolve(ok);
    };
    const onDrain = () => done(true);
    const onClose = () => done(false);
    res.on('drain', onDrain);
    res.on('close', onClose);
  });
}

/** Exactly `bytes` bytes (when bytes >= 24) of valid JSON shaped like a ticket list, streamed. */
async function hugeBody(io: FaultIo, bytes: number): Promise<number> {
  const prefix = '{"result":[';
  const suffix = '],"count":0}';
  const item = '{"ticketId":424242,"title":"Huge body filler ticket","status":{"id":1,"description":"Open"}}';
  const room = Math.max(0, bytes - prefix.length - suffix.length);
  const count = Math.floor((room + 1) / (item.length + 1));
  const used = count === 0 ? 0 : count * item.length + count - 1;
  io.res.writeHead(200, { 'content-type': JSON_TYPE, 'content-length': String(prefix.length + room + suffix.length), ...io.rateHeaders() });
  if (!(await write(io.res, prefix))) return 200;
  const batch = 1000;
  for (let written = 0; written < count; written += batch) {
    const n = Math.min(batch, count - written);
    const chunk = (written > 0 ? ',' : '') + new Array(n).fill(item).join(',');
    if (!(await write(io.res, chunk))) return 200;
  }
  if (!(await write(io.res, ' '.repeat(room - used)))) return 200;
  io.res.end(suffix);
  return 200;
}

/** Answers (or refuses) the request according to a non-latency fault; returns the status recorded (0 = none). */
export async function applyFault(fault: Fault, io: FaultIo): Promise<number> {
  const socket = io.req.socket;
  switch (fault.type) {
    case 'status': {
      const body = fault.body === undefined ? defaultErrorBody(fault.status) : fault.body;
      if (typeof body === 'string') return send(io, fault.status, body, fault.headers, body.trimStart().startsWith('<') ? 'text/html; charset=utf-8' : 'text/plain; charset=utf-8');
      return send(io, fault.status, JSON.stringify(body), fault.headers);
    }
    case 'rateLimit': {
      const seconds = fault.retryAfterSeconds ?? 30;
      const headers: Record<string, string> = { ...rateHeaders(0, io.now() + seconds * 1000) };
      if (!fault.omitRetryAfter) headers['retry-after'] = String(seconds);
      return send(io, 429, JSON.stringify(RATE_LIMITED_BODY), headers);
    }
    case 'stall':
      await io.sleep(fault.ms);
      socket.destroy();
      return 0;
    case 'reset':
      if (fault.afterHeaders) {
        io.res.writeHead(200, { 'content-type': JSON_TYPE, 'content-length': '4096', ...io.rateHeaders() });
        io.res.write('{"result":[{"ticketId":1001,"title":"Partial respo');
        await io.sleep(20);
        socket.destroy();
        return 200;
      }
      socket.resetAndDestroy();
      return 0;
    case 'down':
      socket.destroy();
      return 0;
    case 'malformedJson':
      return send(io, 200, '{"result":[{"ticketId":1001,"title":"Unterminated');
    case 'wrongShape':
      return send(io, 200, '{"result": "oops"}');
    case 'hugeBody':
      return hugeBody(io, fault.bytes);
    case 'redirect':
      return send(io, fault.status ?? 302, '', { location: fault.location });
    case 'latency':
      await io.sleep(fault.ms);
      return 0;
    case 'hold':
      await io.hold();
      return 0;
  }
}
