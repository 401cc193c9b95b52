import type { Logger } from 'pino';
import type { Telegraf } from 'telegraf';
import type { UserFromGetMe } from 'telegraf/types';
import { redactError } from '../log.js';
import { type Clock, nextBackoff } from './clock.js';
import { describe } from './delivery.js';

/**
 * Gives every update's context the bot's own Bot API client (telegraf would make one per update),
 * so that what is done to that client holds for every call: here, its errors are made free of the
 * token (telegraf puts the request URL, `…/bot<token>/method`, into the message of a fetch error
 * and of an answer that is not JSON, such as an HTML error page from a proxy, and such messages
 * reach logs and callers); `Delivery.attach` queues its sends.
 */
export function shareRedactedClient(bot: Telegraf, token: string): void {
  const telegram = bot.telegram;
  Object.assign(bot.context, { telegram });
  const call = telegram.callApi.bind(telegram);
  telegram.callApi = (async (...args: Parameters<typeof call>) => {
    try {
      return await call(...args);
    } catch (e) {
      throw redactError(e, token);
    }
  }) as typeof telegram.callApi;
}

/**
 * Waits until the Bot API answers getMe, retrying with backoff (logged each time) while it is
 * unreachable or failing, then runs `prepare` (deleteWebhook or setWebhook) the same way. Sets
 * `bot.botInfo`. Throws only when Telegram refuses the token (401), or when `stopped()` says so.
 */
export async function connect(bot: Telegraf, prepare: () => Promise<unknown>, log: Logger, clock: Clock, stopped: () => boolean): Promise<UserFromGetMe> {
  let backoff = CONNECT_BACKOFF_MS;
  for (let attempt = 1; ; attempt++) {
    try {
      const me = await bot.telegram.getMe();
      bot.botInfo = me;
      await prepare();
      log.info({ msg: 'telegram.connected', username: me.username, attempt });
      return me;
    } catch (e) {
      if ((e as { response?: { error_code?: number } }).response?.error_code === 401 || stopped()) throw e;
      log.warn({ msg: 'telegram.unreachable', attempt, wait_ms: backoff, error: describe(e) });
      await clock.sleep(backoff);
      backoff = nextBackoff(backoff, MAX_CONNECT_BACKOFF_MS);
    }
  }
}

const CONNECT_BACKOFF_MS = 1000;
const MAX_CONNECT_BACKOFF_MS = 60_000;
