// The HTTP path's guarantees that a planted bug would slip past (issue 13 §7), each against a real local server:
// a redirect is followed only to the very same origin (scheme, host AND port: https → http on the same host is
// refused), a write is never re-sent along a redirect, and a huge body without Content-Length is stopped while it
// streams. No HTTP mocks.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { BoldDeskClient } from '../../../src/api/client';
import { ProtocolError, RedirectError } from '../../../src/api/errors';

const KEY = 'redirect-test-key-123';

function client(origin: string, maxBodyBytes?: number): BoldDeskClient {
  return new BoldDeskClient({ origin, apiKey: KEY, timeoutMs: 5000, sleep: async () => undefined, ...(maxBodyBytes ? { maxBodyBytes } : {}) });
}

async function listen(server: http.Server | https.Server): Promise<number> {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return (server.address() as AddressInfo).port;
}

const close = (server: http.Server | https.Server) => new Promise<void>((r) => server.close(() => r()));

async function rejectsWith<T extends Error>(p: Promise<unknown>, cls: new (...a: never[]) => T): Promise<T> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof cls, `expected ${cls.name}, got ${String(e)}`);
    return e as T;
  }
  assert.fail(`expected ${cls.name}, but it resolved`);
}

describe('HTTP: redirects and body size against real servers (issue 13 §7)', function () {
  this.timeout(30000);

  it('refuses an https → http redirect on the same host and port: origins are compared whole', async function () {
    let dir: string;
    try {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bd-tls-'));
      execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1',
        '-keyout', path.join(dir, 'k.pem'), '-out', path.join(dir, 'c.pem')], { stdio: 'ignore' });
    } catch {
      if (process.env.CI) throw new Error('openssl is needed for the https redirect test');
      this.skip();
    }
    const seen: { url?: string; key?: string | string[] }[] = [];
    const server = https.createServer({ key: fs.readFileSync(path.join(dir, 'k.pem')), cert: fs.readFileSync(path.join(dir, 'c.pem')) }, (req, res) => {
      seen.push({ url: req.url, key: req.headers['x-api-key'] });
      res.writeHead(302, { location: `http://127.0.0.1:${port}/api/v1/brands` });
      res.end();
    });
    const port = await listen(server);
    const previous = process.env.NODE_TLS_REJECT_UNAUTHORIZED;
    process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0'; // our own throw-away certificate
    try {
      const e = await rejectsWith(client(`https://127.0.0.1:${port}`).getBrands(), RedirectError);
      assert.match(e.message, /redirected the request/);
      assert.equal(seen.length, 1, 'the http:// target was never requested (the key would have gone in clear text)');
    } finally {
      if (previous === undefined) delete process.env.NODE_TLS_REJECT_UNAUTHORIZED;
      else process.env.NODE_TLS_REJECT_UNAUTHORIZED = previous;
      await close(server);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses an http → https redirect on the same host and port too (the scheme is part of the origin)', async () => {
    let hits = 0;
    const server = http.createServer((_req, res) => {
      hits++;
      res.writeHead(301, { location: `https://127.0.0.1:${port}/api/v1/brands` });
      res.end();
    });
    const port = await listen(server);
    try {
      await rejectsWith(client(`http://127.0.0.1:${port}`).getBrands(), RedirectError);
      assert.equal(hits, 1);
    } finally {
      await close(server);
    }
  });

  for (const status of [301, 302, 303, 307, 308]) {
    it(`never follows a ${status} redirect on a POST or PUT, not even to the same origin: a write is sent once`, async () => {
      const requests: string[] = [];
      const server = http.createServer((req, res) => {
        requests.push(`${req.method} ${req.url}`);
        req.resume();
        if (req.url?.startsWith('/moved')) {
          res.writeHead(201, { 'content-type': 'application/json' });
          res.end('{"id": 77}');
          return;
        }
        res.writeHead(status, { location: `/moved${req.url}` });
        res.end();
      });
      const port = await listen(server);
      try {
        const api = client(`http://127.0.0.1:${port}`);
        await rejectsWith(api.addNote(12, '<p>once</p>'), RedirectError);
        await rejectsWith(api.updateFields(12, { priorityId: 1 }), RedirectError);
        assert.deepEqual(requests.map((r) => r.split(' ')[0]), ['POST', 'PUT'], requests.join('\n'));
        assert.ok(!requests.some((r) => r.includes('/moved')), 'no write was re-sent to the redirect target');
      } finally {
        await close(server);
      }
    });
  }

  it('stops a huge body without Content-Length (chunked) while it streams, not after', async () => {
    const MAX = 1024 * 1024;
    const LIMIT = 200 * 1024 * 1024;
    let written = 0;
    let finished = false;
    let stoppedEarly: () => void = () => undefined;
    const stopped = new Promise<void>((r) => (stoppedEarly = r));
    const server = http.createServer(async (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' }); // no Content-Length: chunked
      res.on('close', () => stoppedEarly());
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      res.write('{"result":[');
      while (written < LIMIT && !res.destroyed) {
        written += chunk.length;
        if (!res.write(chunk)) await new Promise((r) => { res.once('drain', r); res.once('close', r); });
      }
      if (!res.destroyed) {
        finished = true;
        res.end(']}');
      }
    });
    const port = await listen(server);
    try {
      const e = await rejectsWith(client(`http://127.0.0.1:${port}`, MAX).getBrands(), ProtocolError);
      assert.match(e.message, /larger than 1 MB/);
      await stopped;
      assert.equal(finished, false, `the client read all ${written} bytes instead of stopping`);
      assert.ok(written < LIMIT);
    } finally {
      server.closeAllConnections();
      await close(server);
    }
  });
});
