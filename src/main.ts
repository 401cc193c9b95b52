import { writeFileSync } from 'node:fs';
import type { Agent } from 'node:http';
import { join } from 'node:path';
import { HttpsProxyAgent } from 'https-proxy-agent';
import { SocksProxyAgent } from 'socks-proxy-agent';
import { createBot, registerCommands, sendReminder } from './bot/create-bot.js';
import { Delivery } from './bot/delivery.js';
import { runTerminalChat } from './cli/terminal-chat.js';
import { type Config, loadConfig } from './config.js';
import { Conversation } from './conversation/conversation.js';
import { Uploads } from './conversation/uploads.js';
import { createLogger } from './log.js';
import { Library } from './search/library.js';
import { openEngine } from './search/open.js';
import { SqliteStore } from './store/sqlite-store.js';
import { ReminderScheduler } from './tracking/scheduler.js';
import { StatusBook } from './tracking/task-status.js';

/**
 * The composition root: config, logger, store, index, conversation, then the Telegram bot (with
 * BOT_TOKEN) or the terminal chat (without). Nothing is created at import time.
 */
export async function main(env: Record<string, string | undefined> = process.env, opts: { today?: string } = {}): Promise<number> {
  const loaded = loadConfig(env);
  if (!loaded.ok) {
    process.stderr.write(`${loaded.message}\n`);
    return 1;
  }
  const config = loaded.config;
  const log = createLogger(config.BOT_TOKEN ? config.LOG_LEVEL : env.LOG_LEVEL ? config.LOG_LEVEL : 'warn', config.BOT_TOKEN);
  const store = new SqliteStore(config.DATA_DIR);
  const engine = await openEngine({ seedsDir: config.SEEDS_DIR, indexDir: config.INDEX_DIR, log });
  const library = new Library(engine, config.SEEDS_DIR);
  const uploads = new Uploads(store, config.DATA_DIR, config.SEEDS_DIR);
  const conversation = new Conversation({ library, store, log, uploads, seedsDir: config.SEEDS_DIR, groupAdminsMayUpload: config.GROUP_ADMINS_MAY_UPLOAD });

  if (!config.BOT_TOKEN) {
    process.stderr.write(
      'zwgk-bot: 未设置 BOT_TOKEN，进入终端对话模式（每行一个问题，支持 /help 等命令）。\n' +
        '连接 Telegram：向 @BotFather 申请 token，设置 BOT_TOKEN（必要时设置 HTTPS_PROXY）后再运行 npm start，详见 README。\n',
    );
    await runTerminalChat(conversation, { prompt: true, timeZone: config.TZ, outDir: join(config.DATA_DIR, 'exports'), today: opts.today });
    store.close();
    return 0;
  }

  engine.tokenizer.warm();
  const delivery = new Delivery(log);
  const bot = createBot({
    token: config.BOT_TOKEN,
    apiRoot: config.TELEGRAM_API_ROOT,
    agent: proxyAgent(config),
    adminIds: config.ADMIN_IDS,
    timeZone: config.TZ,
    conversation,
    delivery,
    log,
  });
  const reminders = new ReminderScheduler({
    library,
    store,
    status: new StatusBook(store),
    log,
    send: (chatId, text) => sendReminder(bot, delivery, chatId, text),
    now: () => new Date(),
    timeZone: config.TZ,
  });
  reminders.start();
  // The Docker healthcheck reads this file's age.
  const heartbeat = setInterval(() => writeFileSync(join(config.DATA_DIR, 'heartbeat'), new Date().toISOString()), 30_000);
  heartbeat.unref();
  writeFileSync(join(config.DATA_DIR, 'heartbeat'), new Date().toISOString());
  const stop = async (signal: string) => {
    log.info({ msg: 'bot.stopping', signal });
    clearInterval(heartbeat);
    reminders.stop();
    bot.stop(signal);
    await delivery.stop();
    store.close();
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  registerCommands(bot, delivery);
  log.info({ msg: 'bot.starting', mode: config.WEBHOOK_URL ? 'webhook' : 'polling', api_root: config.TELEGRAM_API_ROOT });
  await bot.launch(
    config.WEBHOOK_URL
      ? { webhook: { domain: config.WEBHOOK_URL, port: config.WEBHOOK_PORT, secretToken: config.WEBHOOK_SECRET } }
      : { dropPendingUpdates: false },
  );
  return 0;
}

function proxyAgent(config: Config): Agent | undefined {
  const url = config.HTTPS_PROXY ?? config.ALL_PROXY;
  if (!url) return undefined;
  return /^socks/i.test(url) ? (new SocksProxyAgent(url) as unknown as Agent) : (new HttpsProxyAgent(url) as unknown as Agent);
}
