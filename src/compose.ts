import type { Agent } from 'node:http';
import type { Logger } from 'pino';
import type { Telegraf } from 'telegraf';
import type { Server } from 'node:http';
import { type Clock, REAL_CLOCK } from './bot/clock.js';
import { connect, shareRedactedClient } from './bot/connect.js';
import { createBot, registerCommands, sendReminder } from './bot/create-bot.js';
import { Delivery, type DeliveryOptions } from './bot/delivery.js';
import { Polling, POLLING, type PollingOptions } from './bot/polling.js';
import { UpdateLanes } from './bot/update-lanes.js';
import { startWebhook } from './bot/webhook.js';
import type { Config } from './config.js';
import { Conversation } from './conversation/conversation.js';
import { ButtonCodec } from './conversation/buttons.js';
import { PlanFolder } from './conversation/plan-folder.js';
import { Uploads } from './conversation/uploads.js';
import type { SearchEngine } from './search/engine.js';
import { Library, type ReloadReport } from './library/library.js';
import { openEngine } from './library/open.js';
import { ShardPool } from './library/shard-pool.js';
import { ShardMemo } from './library/sync.js';
import { ArchivedPlans } from './store/archived-plans.js';
import { SqliteStore } from './store/sqlite-store.js';
import { ReminderScheduler } from './tracking/scheduler.js';
import { StatusBook } from './tracking/task-status.js';

/** The parts of the bot, wired: what `main` runs and what the tests drive. */
export interface App {
  config: Config;
  log: Logger;
  store: SqliteStore;
  library: Library;
  plans: PlanFolder;
  conversation: Conversation;
  /** Re-reads the documents folder and, when it parsed, saves the index (write, fsync, rename). */
  reload(): Promise<ReloadReport>;
  close(): void;
}

/**
 * The composition root: from the configuration, the store (DATA_DIR), the index (INDEX_DIR, loaded
 * when it matches SEEDS_DIR, else built from it), the plan folder, uploads and the conversation.
 * `engine` replaces loading the index (tests share one built engine).
 */
export async function compose(config: Config, log: Logger, opts: { engine?: SearchEngine } = {}): Promise<App> {
  const store = new SqliteStore(config.DATA_DIR);
  // Documents are parsed in worker threads, each with a heap limit, so the bot answers meanwhile.
  const pool = new ShardPool({ workers: config.INDEX_WORKERS, memoryMb: config.PARSE_MEMORY_MB });
  const memo = new ShardMemo();
  const cacheBytes = config.INDEX_CACHE_MB * 2 ** 20;
  const engine = opts.engine ?? (await openEngine({ seedsDir: config.SEEDS_DIR, indexDir: config.INDEX_DIR, log, pool, memo, cacheBytes }));
  // Every reload keeps INDEX_DIR up to date (the shards of new or changed files, the manifest).
  const library = new Library(engine, { seedsDir: config.SEEDS_DIR, indexDir: config.INDEX_DIR, pool, memo, cacheBytes });
  const plans = new PlanFolder(config.SEEDS_DIR, new ArchivedPlans(store));
  const reload = async () => {
    const report = await library.reload();
    if (report.ok) log.info({ msg: 'index.reloaded', dir: config.INDEX_DIR, tasks: library.current.corpus.taskCount, rebuilt: report.rebuilt, reused: report.reused, ms: report.ms });
    return report;
  };
  const uploads = new Uploads(store, config.DATA_DIR, plans, new ButtonCodec(store), (bytes, name, hint) => pool.parse(bytes, name, hint));
  const conversation = new Conversation({ library, store, log, plans, uploads, reload, groupAdminsMayUpload: config.GROUP_ADMINS_MAY_UPLOAD });
  const close = () => {
    store.close();
    void pool.close();
  };
  return { config, log, store, library, plans, conversation, reload, close };
}

export interface TelegramApp {
  bot: Telegraf;
  delivery: Delivery;
  reminders: ReminderScheduler;
  /**
   * Connects (getMe, retried with backoff while the API is unreachable or failing), then takes
   * updates: long polling, or with WEBHOOK_URL the webhook server (WEBHOOK_HOST:WEBHOOK_PORT, the
   * URL's path, WEBHOOK_SECRET). Resolves once updates are being taken.
   */
  start(): Promise<void>;
  /** Resolves when `stop` has stopped taking updates; rejects when Telegram refuses the token (401) or another instance takes the updates (409). */
  stopped: Promise<void>;
  /**
   * Stops taking updates and the reminders, lets the updates taken finish and drains the delivery
   * queue, all within `timeoutMs`; what is still undelivered stays in the store's outbox for the
   * next start. True when everything was delivered.
   */
  stop(timeoutMs?: number): Promise<boolean>;
}

export interface TelegramOptions {
  agent?: Agent;
  limits?: DeliveryOptions;
  polling?: PollingOptions;
  /** The clock of retries and backoff (tests: a faster one). */
  clock?: Clock;
  today?: () => string;
  now?: () => Date;
}

/**
 * The Telegram side of an app: the bot, its delivery queues (resending what the outbox kept), the
 * command menus and the morning reminders (not started: `reminders.start()`). Options are for
 * tests: faster delivery limits, a faster clock, a fixed "today", a clock for the reminders.
 */
export function telegram(app: App, opts: TelegramOptions = {}): TelegramApp {
  const { config, log } = app;
  const clock = opts.clock ?? REAL_CLOCK;
  const delivery = new Delivery(log, app.store, opts.limits, clock);
  const bot = createBot({
    token: config.BOT_TOKEN ?? '',
    apiRoot: config.TELEGRAM_API_ROOT,
    agent: opts.agent,
    adminIds: config.ADMIN_IDS,
    timeZone: config.TZ,
    conversation: app.conversation,
    delivery,
    log,
    today: opts.today,
  });
  const reminders = new ReminderScheduler({
    library: app.library,
    store: app.store,
    status: new StatusBook(app.store),
    archived: new ArchivedPlans(app.store),
    log,
    send: (message) => sendReminder(bot, delivery, message.chatId, app.conversation.reminder(message)),
    now: opts.now ?? (() => new Date()),
    timeZone: config.TZ,
  });
  shareRedactedClient(bot, config.BOT_TOKEN ?? '');
  delivery.attach(bot.telegram);
  const lanes = new UpdateLanes((u) => bot.handleUpdate(u), log);
  const polling = new Polling(bot, lanes, log, clock, opts.polling ?? POLLING);
  let server: Server | undefined;
  let stopping = false;
  let stopped!: { resolve: () => void; reject: (e: unknown) => void };
  const stoppedPromise = new Promise<void>((resolve, reject) => (stopped = { resolve, reject }));
  stoppedPromise.catch(() => undefined);
  const webhook = config.WEBHOOK_URL ? new URL(config.WEBHOOK_URL) : undefined;
  return {
    bot,
    delivery,
    reminders,
    stopped: stoppedPromise,
    start: async () => {
      const prepare = () =>
        webhook
          ? bot.telegram.setWebhook(webhook.href, { secret_token: config.WEBHOOK_SECRET, drop_pending_updates: false })
          : bot.telegram.deleteWebhook({ drop_pending_updates: false });
      await connect(bot, prepare, log, clock, () => stopping);
      registerCommands(bot, delivery, config.ADMIN_IDS);
      if (webhook) {
        server = await startWebhook({ host: config.WEBHOOK_HOST, port: config.WEBHOOK_PORT, path: webhook.pathname, secret: config.WEBHOOK_SECRET ?? '' }, lanes, log);
        log.info({ msg: 'webhook.listening', host: config.WEBHOOK_HOST, port: config.WEBHOOK_PORT, path: webhook.pathname });
      } else polling.run().then(() => stopped.resolve(), stopped.reject);
    },
    stop: async (timeoutMs = 10_000) => {
      const end = Date.now() + timeoutMs;
      stopping = true;
      reminders.stop();
      polling.stop();
      if (server) await new Promise((r) => server!.close(r));
      stopped.resolve();
      await lanes.settled(Math.max(0, end - Date.now()));
      return delivery.drain(Math.max(0, end - Date.now()));
    },
  };
}
