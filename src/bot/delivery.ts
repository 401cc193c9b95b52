import { AsyncLocalStorage } from 'node:async_hooks';
import Bottleneck from 'bottleneck';
import type { Logger } from 'pino';
import type { KeyValueStore } from '../store/store.js';
import { type Clock, nextBackoff, REAL_CLOCK } from './clock.js';
import { Pending } from './pending.js';

export interface DeliveryOptions {
  /** Minimum gap between two messages to one private chat (Telegram: about 1 per second). */
  privateGapMs: number;
  /** Minimum gap between two messages to one group (Telegram: 20 per minute). */
  groupGapMs: number;
  /** Minimum gap between any two calls (Telegram: about 30 per second overall). */
  globalGapMs: number;
  /** Give up on a message after retrying this long in total (in this process). */
  maxRetryMs: number;
  /** First backoff for 5xx and network errors; doubles each try, up to `maxBackoffMs`. */
  backoffMs: number;
  maxBackoffMs: number;
}

export const TELEGRAM_LIMITS: DeliveryOptions = {
  privateGapMs: 1000,
  groupGapMs: 3000,
  globalGapMs: 34,
  maxRetryMs: 15 * 60_000,
  backoffMs: 500,
  maxBackoffMs: 30_000,
};

/** The part of a Bot API client that delivery drives (telegraf's `Telegram`). */
export interface ApiClient {
  callApi(method: string, payload: object, opts?: object): Promise<unknown>;
}

/**
 * Sends through Telegram's rate limits: one queue per chat (so each chat's messages keep their
 * order) behind one global limiter (bottleneck, rather than a hand-written token bucket). A 429 is
 * retried after its retry_after, a 5xx or network error with exponential backoff, for up to
 * `maxRetryMs`; a 4xx (bad request, blocked) is not retried. A failed call is logged, never thrown.
 *
 * Every queued call whose request is plain JSON (texts, edits; not file uploads) is kept in the
 * store's `outbox` until it is delivered or given up, so a restart (`attach`) sends what the last
 * process had not, in the order it was queued.
 */
export class Delivery {
  private readonly global: Bottleneck;
  private readonly chats: Bottleneck.Group;
  private readonly groups: Bottleneck.Group;
  private readonly capture = new AsyncLocalStorage<{ request?: ApiRequest }>();
  private api?: ApiClient;
  private seq = 0;
  private readonly pending = new Pending();
  private stopped = false;

  constructor(
    private readonly log: Logger,
    private readonly store?: KeyValueStore,
    private readonly opts: DeliveryOptions = TELEGRAM_LIMITS,
    private readonly clock: Clock = REAL_CLOCK,
  ) {
    this.global = new Bottleneck({ minTime: opts.globalGapMs });
    this.chats = new Bottleneck.Group({ maxConcurrent: 1, minTime: opts.privateGapMs });
    this.groups = new Bottleneck.Group({ maxConcurrent: 1, minTime: opts.groupGapMs });
  }

  /**
   * Sends through `api` from now on (telegraf's `bot.telegram`: the calls that `run` is given go
   * through its `callApi`), and queues again what the store's outbox still holds.
   */
  attach(api: ApiClient): void {
    const call = api.callApi.bind(api);
    const capture = this.capture;
    // Inside `run`, a call is only recorded (method and payload), to be sent by the queue.
    api.callApi = function (method: string, payload: object, opts?: object) {
      const recording = capture.getStore();
      if (recording) {
        recording.request ??= { method, payload };
        return new Promise<never>(() => {});
      }
      return call(method, payload, opts);
    } as ApiClient['callApi'];
    this.api = { callApi: call };
    const kept = this.store ? safely(() => this.store!.list(OUTBOX), [], (e) => this.storeFailed('list', e)) : [];
    this.seq = kept.reduce((m, k) => Math.max(m, Number(k.key)), 0);
    if (kept.length) this.log.info({ msg: 'delivery.resend', count: kept.length });
    for (const { key, value } of kept) {
      const job = value as OutboxEntry;
      void this.enqueue(job.chatId, job.isGroup, job.request, key);
    }
  }

  /**
   * Runs a Bot API call for a chat in that chat's order, within the limits, with retries. `call`
   * is a call of the attached client (`() => ctx.telegram.sendMessage(…)`): its request is taken
   * and queued (and kept in the outbox when it is plain JSON). Resolves to the call's result, or
   * undefined when it finally failed (already logged) or delivery stopped first.
   */
  run<T>(chatId: number, isGroup: boolean, method: string, call: () => Promise<T>): Promise<T | undefined> {
    const recording: { request?: ApiRequest } = {};
    try {
      if (this.api) void Promise.resolve(this.capture.run(recording, call)).catch(() => undefined);
    } catch {
      // The closure threw before reaching the API: it runs again in the queue, where it fails and is logged.
    }
    // Not a call of the attached client: it runs as given, in memory only.
    const request = recording.request ?? { method, payload: {}, call };
    const key = request.call || !isPlainJson(request.payload) ? undefined : this.keep(chatId, isGroup, request);
    return this.enqueue(chatId, isGroup, request, key) as Promise<T | undefined>;
  }

  /** Fire-and-forget for calls outside the reply path (setMyCommands, sendChatAction): logged, ignored. */
  background(method: string, call: () => Promise<unknown>): void {
    call().catch((e: unknown) => this.log.warn({ msg: 'telegram.background_failed', method, error: describe(e) }));
  }

  /**
   * Waits until every queued call is delivered or given up, for at most `timeoutMs`; then stops
   * (what is still queued stays in the outbox for the next start). True when nothing was left.
   */
  async drain(timeoutMs: number): Promise<boolean> {
    const empty = await this.pending.settled(timeoutMs);
    const left = this.pending.size;
    await this.stop();
    if (!empty) this.log.warn({ msg: 'delivery.drain_timeout', pending: left, timeout_ms: timeoutMs });
    return empty;
  }

  /** Stops at once; queued calls stay in the outbox. */
  async stop(): Promise<void> {
    this.stopped = true;
    const limiters = [this.global, ...this.chats.limiters().map((l) => l.limiter), ...this.groups.limiters().map((l) => l.limiter)];
    await Promise.allSettled(limiters.map((l) => l.stop({ dropWaitingJobs: true })));
  }

  private enqueue(chatId: number, isGroup: boolean, request: ApiRequest, key: string | undefined): Promise<unknown> {
    const queue = (isGroup ? this.groups : this.chats).key(String(chatId));
    this.pending.add();
    return queue
      .schedule(() => this.withRetry(chatId, request, key))
      .catch(() => undefined) // a limiter stopped with the call still waiting: it stays in the outbox
      .finally(() => this.pending.done());
  }

  private async withRetry(chatId: number, request: ApiRequest, key: string | undefined): Promise<unknown> {
    const started = this.clock.now();
    let backoff = this.opts.backoffMs;
    const send = request.call ?? (() => this.api!.callApi(request.method, request.payload));
    for (let attempt = 1; !this.stopped; attempt++) {
      try {
        const result = await this.global.schedule(send);
        this.forget(key);
        return result;
      } catch (e) {
        if (this.stopped) break;
        const wait = retryDelay(e, backoff);
        const spent = this.clock.now() - started;
        if (wait === undefined || spent + wait > this.opts.maxRetryMs) {
          this.log.error({ msg: 'telegram.send_failed', method: request.method, chat_id: chatId, attempt, error: describe(e) });
          this.forget(key);
          return undefined;
        }
        this.log.warn({ msg: 'telegram.retry', method: request.method, chat_id: chatId, attempt, wait_ms: wait, error: describe(e) });
        await this.clock.sleep(wait);
        backoff = nextBackoff(backoff, this.opts.maxBackoffMs);
      }
    }
    return undefined;
  }

  /** Keeps a request in the outbox; its key, or undefined when the store cannot take it (it is still sent). */
  private keep(chatId: number, isGroup: boolean, request: ApiRequest): string | undefined {
    if (!this.store) return undefined;
    const key = String(++this.seq).padStart(12, '0');
    const entry: OutboxEntry = { chatId, isGroup, request: { method: request.method, payload: request.payload } };
    return safely(() => (this.store!.write(OUTBOX, key, entry), key), undefined, (e) => this.storeFailed('write', e));
  }

  private forget(key: string | undefined): void {
    if (key && this.store) safely(() => this.store!.delete(OUTBOX, key), undefined, (e) => this.storeFailed('delete', e));
  }

  private storeFailed(op: string, e: unknown): void {
    this.log.warn({ msg: 'delivery.outbox_failed', op, error: describe(e) });
  }
}

/** How long to wait before retrying an error; undefined when it must not be retried. */
export function retryDelay(e: unknown, backoff: number): number | undefined {
  const err = e as { response?: { error_code?: number; description?: string; parameters?: { retry_after?: number } }; code?: string; name?: string };
  const code = err.response?.error_code;
  const description = err.response?.description ?? '';
  if (/not (supported|found)|unknown method/i.test(description)) return undefined;
  if (code === 429) return Math.max(1, err.response?.parameters?.retry_after ?? 1) * 1000;
  if (code !== undefined && code >= 500) return backoff;
  if (code !== undefined) return undefined;
  // No Telegram answer at all: a network error (ECONNRESET, ETIMEDOUT, fetch failure, a page that is not JSON).
  return backoff;
}

/** A Telegram error as one short line: its code and description, else the message. */
export function describe(e: unknown): string {
  const err = e as { response?: { error_code?: number; description?: string }; message?: string };
  return err.response ? `${err.response.error_code} ${err.response.description}` : String(err.message ?? e);
}

interface ApiRequest {
  method: string;
  payload: object;
  /** A call that is not one of the attached client's (kept in memory only). */
  call?: () => Promise<unknown>;
}

interface OutboxEntry {
  chatId: number;
  isGroup: boolean;
  request: ApiRequest;
}

/** Plain JSON all the way down (no Buffer, stream or class instance): what the outbox can hold. */
function isPlainJson(v: unknown, depth = 0): boolean {
  if (v === null || ['string', 'number', 'boolean', 'undefined'].includes(typeof v)) return true;
  if (typeof v !== 'object' || depth > 8) return false;
  const proto = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== Array.prototype && proto !== null) return false;
  return Object.values(v as object).every((x) => isPlainJson(x, depth + 1));
}

function safely<T>(f: () => T, fallback: T, onError: (e: unknown) => void): T {
  try {
    return f();
  } catch (e) {
    onError(e);
    return fallback;
  }
}

const OUTBOX = 'outbox';
