// The request pipeline: record → control API → faults → key check → rate limit → route → JSON answer.
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { KeyRing, RateLimiter } from './auth';
import type { Dialect } from './dialects';
import { handleControl } from './control';
import { FakeDb } from './db';
import { applyFault, FaultList } from './faults';
import { invalid, QueryParams, UNAUTHORIZED_BODY, RATE_LIMITED_BODY, validation, type Reply } from './http';
import type { FakeAgentRecord } from './model';
import { Prng } from './prng';
import { matchRoute } from './router';
import { KEY_SPECS } from './seedData';
import type { FakeBoldDesk, FakeKey, FakeOptions, FaultRule, RecordedRequest } from './types';

const JSON_TYPE = 'application/json; charset=utf-8';
const MAX_BODY = 5 * 1024 * 1024;
const DAY = 86_400_000;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY) chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Parsed JSON, the raw text when it is not JSON, or undefined when empty. */
function parseBody(text: string): { value: unknown; malformed: boolean } {
  if (text.trim() === '') return { value: undefined, malformed: false };
  try {
    return { value: JSON.parse(text), malformed: false };
  } catch {
    return { value: text, malformed: true };
  }
}

export class FakeServer implements FakeBoldDesk {
  url = '';
  port = 0;
  readonly db: FakeDb;
  readonly agents: FakeAgentRecord[];
  readonly keys: (FakeKey & { agent: FakeAgentRecord })[];
  requests: RecordedRequest[] = [];
  private readonly faults = new FaultList();
  private readonly keyRing: KeyRing;
  private readonly limiter: RateLimiter;
  private readonly now: () => number;
  private readonly server: http.Server;
  private readonly timers = new Set<{ timer: NodeJS.Timeout; resolve: () => void }>();
  /** Requests held by a `hold` fault: each resolve lets one go on (releaseHeld). */
  private readonly held = new Set<() => void>();
  private dialectSet = new Set<Dialect>();
  private latency = { ms: 0, jitter: 0 };
  private readonly jitterRng: Prng;
  private readonly delay: (ms: number) => Promise<void>;
  private seq = 0;

  constructor(opts: FakeOptions) {
    this.now = opts.now ?? Date.now;
    this.dialectSet = new Set(opts.dialects ?? []);
    this.jitterRng = new Prng((opts.seed ?? 1) ^ 0x5eed);
    this.delay = opts.delay ?? ((ms) => this.sleep(ms));
    this.setLatency(opts.latencyMs ?? 0, opts.latencyJitterMs);
    const tickets = Math.max(0, Math.min(100_000, Math.floor(opts.tickets ?? 60)));
    // Dates are spread over the months before the start of the current UTC day: stable within a day for a seed.
    this.db = new FakeDb({ seed: opts.seed ?? 1, tickets, anchor: Math.floor(this.now() / DAY) * DAY });
    this.agents = this.db.agents;
    this.keys = KEY_SPECS.map((k) => ({ key: k.key, label: k.label, agent: this.db.agentById(k.agentUserId) as FakeAgentRecord }));
    this.keyRing = new KeyRing(this.keys);
    this.limiter = new RateLimiter(opts.rateLimitPerMinute ?? 600, opts.listRateLimitPerMinute ?? 300, this.now);
    this.server = http.createServer((req, res) => {
      this.handle(req, res).catch((err: unknown) => {
        if (!opts.quiet) console.error('[fake-bolddesk] handler error', err);
        if (!res.headersSent && !res.destroyed) this.send(res, { status: 500, body: { message: 'Fake server error', statusCode: 500, errors: [] } }, {});
      });
    });
  }

  listen(port: number): Promise<void> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, '127.0.0.1', () => {
        this.port = (this.server.address() as AddressInfo).port;
        this.url = `http://127.0.0.1:${this.port}`;
        resolve();
      });
    });
  }

  get dialects(): readonly Dialect[] {
    return [...this.dialectSet];
  }

  setDialects(dialects: readonly Dialect[]): void {
    this.dialectSet = new Set(dialects);
  }

  get latencySetting(): { ms: number; jitterMs: number } {
    return { ms: this.latency.ms, jitterMs: this.latency.jitter };
  }

  setLatency(ms: number, jitterMs?: number): void {
    const base = Math.max(0, ms);
    this.latency = { ms: base, jitter: Math.max(0, Math.min(base, jitterMs ?? Math.round(base / 10))) };
  }

  /** This request's round trip: latencyMs ± jitter, uniform, from the seeded stream. */
  private drawLatency(): number {
    const { ms, jitter } = this.latency;
    if (ms <= 0) return 0;
    return Math.max(0, Math.round(ms - jitter + this.jitterRng.next() * 2 * jitter));
  }

  addFault(rule: FaultRule): void {
    this.faults.add(rule);
  }

  clearFaults(): void {
    this.faults.clear();
    this.releaseHeld();
  }

  releaseHeld(): number {
    const held = [...this.held];
    this.held.clear();
    held.forEach((release) => release());
    return held.length;
  }

  revokeKey(key: string): void {
    this.keyRing.revoke(key);
  }

  restoreKey(key: string): void {
    this.keyRing.restore(key);
  }

  reset(): void {
    this.clearFaults();
    this.requests.length = 0;
    this.limiter.reset();
    this.keyRing.restoreAll();
  }

  close(): Promise<void> {
    this.releaseHeld();
    for (const t of this.timers) {
      clearTimeout(t.timer);
      t.resolve();
    }
    this.timers.clear();
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  /** A delay that close() cancels and that never keeps the process alive on its own. */
  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const entry = { timer: setTimeout(() => { this.timers.delete(entry); resolve(); }, ms), resolve };
      entry.timer.unref();
      this.timers.add(entry);
    });
  }

  private send(res: ServerResponse, reply: Reply, extra: Record<string, string>): void {
    if (res.destroyed || res.headersSent) return;
    const raw = (typeof reply.body === 'string' || Buffer.isBuffer(reply.body)) && reply.headers?.['content-type'];
    const text = reply.body === undefined ? '' : raw ? (reply.body as string | Buffer) : JSON.stringify(reply.body);
    res.writeHead(reply.status, { 'content-type': JSON_TYPE, 'content-length': String(Buffer.byteLength(text)), ...extra, ...reply.headers });
    res.end(text);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const text = await readBody(req);
    // An upload (POST /attachments) is multipart, not JSON: the handler reads the text itself.
    const multipart = /^multipart\/form-data/i.test(String(req.headers['content-type'] ?? ''));
    const body = multipart ? { value: text, malformed: false } : parseBody(text);
    if (url.pathname.startsWith('/__fake/')) {
      this.send(res, handleControl(this, method, url.pathname, body.value, url.searchParams), {});
      return;
    }
    const query = new QueryParams(url.searchParams);
    const owner = this.keyRing.ownerOf(req.headers['x-api-key']);
    const record: RecordedRequest = { method, path: url.pathname, query: query.record(), headers: { ...req.headers }, body: body.value,
      status: 0, agentUserId: owner?.userId, at: this.now(), startSeq: ++this.seq, endSeq: 0, latencyMs: this.drawLatency() };
    this.requests.push(record);
    res.once('finish', () => {
      record.endSeq = ++this.seq;
      record.endAt = this.now();
    });
    // The whole round trip is spent before the answer: what the client sees is the same as a delay on the way back.
    if (record.latencyMs > 0) await this.delay(record.latencyMs);

    for (const fault of this.faults.take(method, url.pathname)) {
      const status = await applyFault(fault, { req, res, now: this.now, sleep: (ms) => this.sleep(ms), hold: () => new Promise<void>((resolve) => this.held.add(resolve)), rateHeaders: () => this.limiter.peek(owner?.userId) });
      if (fault.type !== 'latency' && fault.type !== 'hold') {
        record.status = status;
        return;
      }
    }
    if (res.destroyed) return;

    const reply = this.answer(method, url.pathname, query, body, owner, res);
    record.status = reply.status;
  }

  /** Key check, rate limit and routing; sends the answer and returns it. */
  private answer(method: string, path: string, query: QueryParams, body: { value: unknown; malformed: boolean },
    owner: FakeAgentRecord | undefined, res: ServerResponse): Reply {
    const reply = (r: Reply, headers: Record<string, string>): Reply => {
      this.send(res, r, headers);
      return r;
    };
    if (!owner) return reply({ status: 401, body: UNAUTHORIZED_BODY }, this.limiter.peek(undefined));
    const route = matchRoute(method, path);
    const rate = this.limiter.hit(owner.userId, route.kind === 'handler' && route.isTicketList);
    if (!rate.allowed) return reply({ status: 429, body: RATE_LIMITED_BODY }, { ...rate.headers, 'retry-after': String(rate.retryAfterSeconds) });
    if (route.kind === 'error') return reply({ status: route.status, body: route.body }, rate.headers);
    if ((method === 'POST' || method === 'PUT') && body.malformed) {
      return reply(validation(invalid('', 'The request body is not valid JSON.')), rate.headers);
    }
    const result = route.handler({ db: this.db, owner, method, path, query, body: body.value, baseUrl: this.url, now: this.now,
      dialects: this.dialectSet }, route.params);
    return reply(result, rate.headers);
  }
}
