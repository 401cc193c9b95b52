import Bottleneck from 'bottleneck';
import type { Logger } from 'pino';

export interface DeliveryOptions {
  /** Minimum gap between two messages to one private chat (Telegram: about 1 per second). */
  privateGapMs: number;
  /** Minimum gap between two messages to one group (Telegram: 20 per minute). */
  groupGapMs: number;
  /** Minimum gap between any two calls (Telegram: about 30 per second overall). */
  globalGapMs: number;
  /** Give up on a message after retrying this long in total. */
  maxRetryMs: number;
  /** First backoff for 5xx and network errors; doubles each try. */
  backoffMs: number;
}

export const TELEGRAM_LIMITS: DeliveryOptions = {
  privateGapMs: 1000,
  groupGapMs: 3000,
  globalGapMs: 34,
  maxRetryMs: 60_000,
  backoffMs: 500,
};

/**
 * Sends through Telegram's rate limits: one queue per chat (so each chat's messages keep their
 * order) behind one global limiter (bottleneck, rather than a hand-written token bucket). A 429 is
 * retried after its retry_after, a 5xx or network error with exponential backoff, within a bounded
 * total delay; "method not supported/not found" is not retried. A failed call is logged, never thrown.
 */
export class Delivery {
  private readonly global: Bottleneck;
  private readonly chats: Bottleneck.Group;
  private readonly groups: Bottleneck.Group;

  constructor(
    private readonly log: Logger,
    private readonly opts: DeliveryOptions = TELEGRAM_LIMITS,
  ) {
    this.global = new Bottleneck({ minTime: opts.globalGapMs });
    this.chats = new Bottleneck.Group({ maxConcurrent: 1, minTime: opts.privateGapMs });
    this.groups = new Bottleneck.Group({ maxConcurrent: 1, minTime: opts.groupGapMs });
  }

  /**
   * Runs a call for a chat in that chat's order, within the limits, with retries. Resolves to the
   * call's result, or undefined when it finally failed (already logged).
   */
  run<T>(chatId: number, isGroup: boolean, method: string, call: () => Promise<T>): Promise<T | undefined> {
    const queue = (isGroup ? this.groups : this.chats).key(String(chatId));
    return queue.schedule(() => this.withRetry(chatId, method, () => this.global.schedule(call)));
  }

  /** Fire-and-forget for calls outside the reply path (setMyCommands, sendChatAction): logged, ignored. */
  background(method: string, call: () => Promise<unknown>): void {
    call().catch((e: unknown) => this.log.warn({ msg: 'telegram.background_failed', method, error: describe(e) }));
  }

  async stop(): Promise<void> {
    await Promise.allSettled([this.global.stop({ dropWaitingJobs: false }), ...this.chats.limiters().map((l) => l.limiter.stop({ dropWaitingJobs: false })), ...this.groups.limiters().map((l) => l.limiter.stop({ dropWaitingJobs: false }))]);
  }

  private async withRetry<T>(chatId: number, method: string, call: () => Promise<T>): Promise<T | undefined> {
    const started = Date.now();
    let backoff = this.opts.backoffMs;
    for (let attempt = 1; ; attempt++) {
      try {
        return await call();
      } catch (e) {
        const wait = retryDelay(e, backoff);
        const spent = Date.now() - started;
        if (wait === undefined || spent + wait > this.opts.maxRetryMs) {
          this.log.error({ msg: 'telegram.send_failed', method, chat_id: chatId, attempt, error: describe(e) });
          return undefined;
        }
        this.log.warn({ msg: 'telegram.retry', method, chat_id: chatId, attempt, wait_ms: wait, error: describe(e) });
        await new Promise((r) => setTimeout(r, wait));
        backoff = Math.min(backoff * 2, 30_000);
      }
    }
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
  // No Telegram answer at all: a network error (ECONNRESET, ETIMEDOUT, fetch failure).
  return backoff;
}

function describe(e: unknown): string {
  const err = e as { response?: { error_code?: number; description?: string }; message?: string };
  return err.response ? `${err.response.error_code} ${err.response.description}` : String(err.message ?? e);
}
