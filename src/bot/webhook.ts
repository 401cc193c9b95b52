import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { Logger } from 'pino';
import type { Update } from 'telegraf/types';
import type { UpdateLanes } from './update-lanes.js';
import { readLimited } from './read-limited.js';

export interface WebhookOptions {
  host: string;
  port: number;
  /** The path Telegram posts to (the path of WEBHOOK_URL). */
  path: string;
  /** Telegram sends it in `X-Telegram-Bot-Api-Secret-Token` with every call (setWebhook secret_token). */
  secret: string;
}

/**
 * The webhook server: Telegram's POSTs to `path` carrying the secret header, with a JSON body of at
 * most 1 MB that is an update (an object with a numeric `update_id`), go to the chat lanes and are
 * answered 200 at once (acknowledged: never delivered again, whatever handling them does). Anything
 * else is answered without reaching the bot: another path or method 404/405, a missing or wrong
 * secret 401, a body too large 413, a body that is not an update 400.
 */
export function startWebhook(opts: WebhookOptions, lanes: UpdateLanes, log: Logger): Promise<Server> {
  const secret = Buffer.from(opts.secret);
  const server = createServer(async (req, res) => {
    const answer = (status: number) => {
      res.writeHead(status, { 'content-type': 'text/plain', connection: 'close' }).end(status === 200 ? 'ok' : String(status));
    };
    if (new URL(req.url ?? '/', 'http://x').pathname !== opts.path) return answer(404);
    if (req.method !== 'POST') return answer(405);
    const given = Buffer.from(String(req.headers['x-telegram-bot-api-secret-token'] ?? ''));
    if (given.length !== secret.length || !timingSafeEqual(given, secret)) {
      log.warn({ msg: 'webhook.forged', ip: req.socket.remoteAddress });
      req.resume();
      return answer(401);
    }
    const body = await readBody(req, MAX_BODY_BYTES);
    if (body === undefined) return answer(413);
    const update = parseUpdate(body);
    if (!update) {
      log.warn({ msg: 'webhook.bad_body', bytes: body.length });
      return answer(400);
    }
    answer(200);
    void lanes.dispatch(update);
  });
  server.on('clientError', (_e, socket) => socket.destroy());
  server.requestTimeout = 30_000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => resolve(server));
  });
}

/** An update from a body: JSON, an object, a positive integer `update_id`; undefined otherwise. */
export function parseUpdate(body: Buffer): Update | undefined {
  let v: unknown;
  try {
    v = JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return undefined;
  const id = (v as { update_id?: unknown }).update_id;
  return Number.isSafeInteger(id) && (id as number) >= 0 ? (v as Update) : undefined;
}

/** The body, or undefined (and the connection dropped) once it passes `max` bytes. */
function readBody(req: IncomingMessage, max: number): Promise<Buffer | undefined> {
  if (Number(req.headers['content-length'] ?? 0) > max) {
    req.resume();
    return Promise.resolve(undefined);
  }
  return readLimited(req, max);
}

const MAX_BODY_BYTES = 1024 * 1024;
