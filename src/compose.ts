import type { Agent } from 'node:http';
import type { Logger } from 'pino';
import type { Telegraf } from 'telegraf';
import { createBot, registerCommands, sendReminder } from './bot/create-bot.js';
import { Delivery, type DeliveryOptions } from './bot/delivery.js';
import type { Config } from './config.js';
import { Conversation } from './conversation/conversation.js';
import { ButtonCodec } from './conversation/buttons.js';
import { PlanFolder } from './conversation/plan-folder.js';
import { Uploads } from './conversation/uploads.js';
import type { SearchEngine } from './search/engine.js';
import { seedsHash } from './library/seeds-hash.js';
import { saveIndex } from './search/index-store.js';
import { Library, type ReloadReport } from './library/library.js';
import { openEngine } from './library/open.js';
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
  const engine = opts.engine ?? (await openEngine({ seedsDir: config.SEEDS_DIR, indexDir: config.INDEX_DIR, log }));
  const library = new Library(engine, config.SEEDS_DIR);
  const plans = new PlanFolder(config.SEEDS_DIR, new ArchivedPlans(store));
  const reload = async () => {
    // Hashed before reading: a folder changed meanwhile gives a hash that no longer matches, so a restart rebuilds.
    const hash = seedsHash(config.SEEDS_DIR);
    const report = await library.reload();
    if (report.ok) {
      saveIndex(config.INDEX_DIR, library.current, hash);
      log.info({ msg: 'index.saved', dir: config.INDEX_DIR, tasks: library.current.corpus.tasks.length });
    }
    return report;
  };
  const uploads = new Uploads(store, config.DATA_DIR, plans, new ButtonCodec(store));
  const conversation = new Conversation({ library, store, log, plans, uploads, reload, groupAdminsMayUpload: config.GROUP_ADMINS_MAY_UPLOAD });
  return { config, log, store, library, plans, conversation, reload, close: () => store.close() };
}

export interface TelegramApp {
  bot: Telegraf;
  delivery: Delivery;
  reminders: ReminderScheduler;
  /** Stops polling, the reminders and the delivery queues. */
  stop(signal: string): Promise<void>;
}

/**
 * The Telegram side of an app: the bot, its delivery queues, the command menus and the morning
 * reminders (not started: `reminders.start()`). Options are for tests: faster delivery limits, a
 * fixed "today", a clock.
 */
export function telegram(app: App, opts: { agent?: Agent; limits?: DeliveryOptions; today?: () => string; now?: () => Date } = {}): TelegramApp {
  const { config, log } = app;
  const delivery = new Delivery(log, opts.limits);
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
    send: (chatId, text) => sendReminder(bot, delivery, chatId, text),
    now: opts.now ?? (() => new Date()),
    timeZone: config.TZ,
  });
  registerCommands(bot, delivery, config.ADMIN_IDS);
  return {
    bot,
    delivery,
    reminders,
    stop: async (signal) => {
      reminders.stop();
      bot.stop(signal);
      await delivery.stop();
    },
  };
}
