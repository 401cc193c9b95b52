import type { Logger } from 'pino';
import type { Telegraf } from 'telegraf';
import type { Update } from 'telegraf/types';
import { type Clock, nextBackoff } from './clock.js';
import { describe } from './delivery.js';
import type { UpdateLanes } from './update-lanes.js';

export interface PollingOptions {
  /** Seconds Telegram holds a getUpdates open when there is nothing new. */
  pollSeconds: number;
  /** A getUpdates without an answer after this long is a dead poll: aborted and started again. */
  requestTimeoutMs: number;
  /** At most this many updates handled at once; polling waits while there are more. */
  maxInFlight: number;
  backoffMs: number;
  maxBackoffMs: number;
}

export const POLLING: PollingOptions = { pollSeconds: 25, requestTimeoutMs: 45_000, maxInFlight: 64, backoffMs: 1000, maxBackoffMs: 60_000 };

/**
 * Long polling, in place of telegraf's: each update is acknowledged (the next getUpdates offset) as
 * soon as it is received and handed to the chat lanes, so one that fails, or brings the process
 * down, is never delivered again. A poll with no answer within `requestTimeoutMs` (a dead
 * connection) is aborted and started again; network and 5xx errors back off and retry; 401
 * (the token refused) and 409 (another instance polling, or a webhook set) end `run` with that error.
 */
export class Polling {
  private stopped = false;
  private current?: AbortController;

  constructor(
    private readonly bot: Telegraf,
    private readonly lanes: UpdateLanes,
    private readonly log: Logger,
    private readonly clock: Clock,
    private readonly opts: PollingOptions = POLLING,
  ) {}

  /** Polls until `stop`; resolves then, rejects on 401/409. */
  async run(): Promise<void> {
    let offset = 0;
    let backoff = this.opts.backoffMs;
    while (!this.stopped) {
      if (this.lanes.size >= this.opts.maxInFlight) {
        await this.lanes.settled(1000);
        continue;
      }
      // (telegraf types the signal as the abort-controller package's: `as never` below.)
      const abort = new AbortController();
      this.current = abort;
      const timer = setTimeout(() => abort.abort(), this.opts.requestTimeoutMs);
      try {
        const updates = (await this.bot.telegram.callApi('getUpdates', { offset, timeout: this.opts.pollSeconds }, { signal: abort.signal as never })) as Update[];
        backoff = this.opts.backoffMs;
        for (const u of updates) {
          offset = Math.max(offset, u.update_id + 1);
          void this.lanes.dispatch(u);
        }
      } catch (e) {
        if (this.stopped) break;
        const code = (e as { response?: { error_code?: number } }).response?.error_code;
        if (code === 401 || code === 409) throw e;
        const timedOut = abort.signal.aborted;
        this.log.warn({ msg: timedOut ? 'telegram.poll_timeout' : 'telegram.poll_failed', wait_ms: backoff, error: timedOut ? `no answer in ${this.opts.requestTimeoutMs} ms` : describe(e) });
        await this.clock.sleep(backoff);
        backoff = nextBackoff(backoff, this.opts.maxBackoffMs);
      } finally {
        clearTimeout(timer);
      }
    }
    // Acknowledges the last updates taken, as the next poll would have.
    await this.bot.telegram.callApi('getUpdates', { offset, limit: 1, timeout: 0 }, { signal: AbortSignal.timeout(5000) as never }).catch(() => undefined);
  }

  /** Stops taking updates: the open getUpdates is aborted. */
  stop(): void {
    this.stopped = true;
    this.current?.abort();
  }
}
