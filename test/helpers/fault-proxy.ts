import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Clock } from '../../src/bot/clock.js';
import { freePort } from './telegram.js';

/** 429 with retry_after, a 5xx JSON error, an HTML error page (not JSON) with a status, or no answer at all. */
export type Fault = { status: 429; retryAfter: number } | { status: 500 | 502 } | { html: number } | { hang: true } | undefined;

export interface FaultProxy {
  url: string;
  /** Bot API methods called through the proxy, in order (faulted calls included). */
  calls: Array<{ method: string; faulted: boolean; body: string }>;
  close: () => Promise<void>;
}

/**
 * A loopback proxy in front of the Bot API emulator: forwards every call, except that `serve` may
 * answer methods the emulator lacks (getFile, file downloads) and `fault` may answer a call with
 * 429 (retry_after), a 5xx, an HTML page, or never, without forwarding it.
 */
export interface Served {
  status: number;
  contentType: string;
  body: Buffer | string;
}

export async function startFaultProxy(
  target: string,
  fault: (method: string, n: number) => Fault,
  serve: (method: string, url: string, body: string) => Served | undefined = () => undefined,
): Promise<FaultProxy> {
  const calls: FaultProxy['calls'] = [];
  const counts = new Map<string, number>();
  const server: Server = createServer(async (req, res) => {
    const body = await readBody(req);
    const method = /\/bot[^/]+\/(\w+)/.exec(req.url ?? '')?.[1] ?? '';
    const n = (counts.get(method) ?? 0) + 1;
    counts.set(method, n);
    const served = serve(method, req.url ?? '', body);
    if (served) {
      calls.push({ method, faulted: false, body });
      res.writeHead(served.status, { 'content-type': served.contentType });
      res.end(served.body);
      return;
    }
    const f = fault(method, n);
    calls.push({ method, faulted: Boolean(f), body });
    if (f) {
      answerFault(res, f);
      return;
    }
    try {
      const upstream = await fetch(`${target}${req.url}`, { method: req.method, headers: { 'content-type': req.headers['content-type'] ?? 'application/json' }, body: req.method === 'GET' ? undefined : body });
      res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/json' });
      res.end(Buffer.from(await upstream.arrayBuffer()));
    } catch {
      // The emulator went away (a test ending): the caller sees a gateway error, the test no crash.
      res.writeHead(502).end();
    }
  });
  const port = await freePort();
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    close: () => {
      server.closeAllConnections();
      return new Promise((r) => server.close(() => r()));
    },
  };
}

/**
 * A clock `factor` times faster than the real one, for retries and outages measured in minutes:
 * its sleeps take 1/factor of the time, and its `now` moves on `factor` ms per real ms.
 */
export function fastClock(factor: number): Clock {
  const start = Date.now();
  return { now: () => start + (Date.now() - start) * factor, sleep: (ms) => new Promise((r) => setTimeout(r, ms / factor)) };
}

function answerFault(res: ServerResponse, f: NonNullable<Fault>): void {
  if ('hang' in f) return;
  if ('html' in f) {
    res.writeHead(f.html, { 'content-type': 'text/html' }).end('<html><body><h1>Bad Gateway</h1></body></html>');
    return;
  }
  res.writeHead(f.status, { 'content-type': 'application/json' });
  res.end(
    JSON.stringify(
      f.status === 429
        ? { ok: false, error_code: 429, description: `Too Many Requests: retry after ${f.retryAfter}`, parameters: { retry_after: f.retryAfter } }
        : { ok: false, error_code: f.status, description: f.status === 500 ? 'Internal Server Error' : 'Bad Gateway' },
    ),
  );
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}
