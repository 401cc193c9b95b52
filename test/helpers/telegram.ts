import { cpSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino, { type Logger } from 'pino';
import type { Telegraf } from 'telegraf';
import { createRequire } from 'node:module';
import type { TelegramServer as TelegramServerClass } from 'telegram-test-api/lib/telegramServer.js';
import type { Delivery, DeliveryOptions } from '../../src/bot/delivery.js';
import { compose, telegram, type TelegramOptions } from '../../src/compose.js';
import { loadConfig } from '../../src/config.js';
import type { Library } from '../../src/library/library.js';
import type { SqliteStore } from '../../src/store/sqlite-store.js';
import type { ReminderScheduler } from '../../src/tracking/scheduler.js';
import { seedEngine } from './engine.js';
import type { Served } from './fault-proxy.js';

export const TOKEN = '123456:TEST-token-abcdefghijklmnop';
export const ADMIN_ID = 1001;
export const BOT_ID = 666; // the emulator's getMe
export const BOT_USERNAME = 'TestNameBot';

/** Fast limits for tests: the logic of the real ones, the waits of a test suite. */
export const TEST_LIMITS: DeliveryOptions = { privateGapMs: 5, groupGapMs: 5, globalGapMs: 1, maxRetryMs: 10_000, backoffMs: 50, maxBackoffMs: 1000 };

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

// The package's module.exports is the class itself (its typings say `default`).
const TelegramServer = createRequire(import.meta.url)('telegram-test-api') as typeof TelegramServerClass;
export type TelegramServer = TelegramServerClass;

export async function startEmulator(): Promise<TelegramServer> {
  const server = new TelegramServer({ port: await freePort(), host: '127.0.0.1', storeTimeout: 60 });
  await server.start();
  return server;
}

export interface RunningBot {
  bot: Telegraf;
  delivery: Delivery;
  library: Library;
  seedsDir: string;
  dataDir: string;
  store: SqliteStore;
  /** The morning reminders, on the clock `now` (not started: tests tick them). */
  reminders: ReminderScheduler;
  /** Stops as SIGTERM does (TelegramApp.stop) and closes the store; true when every reply was delivered. */
  stop: (timeoutMs?: number) => Promise<boolean>;
}

/**
 * The real bot, in-process, against an API root (the emulator or a proxy in front of it), composed
 * by the same `compose` and `telegram` as `main` from a literal configuration: a copy of the seeds
 * (or `seedsDir`), a fresh data folder with the index under it.
 */
export async function startBot(
  apiRoot: string,
  opts: { seedsDir?: string; dataDir?: string; limits?: DeliveryOptions; groupAdminsMayUpload?: boolean; today?: string; env?: Record<string, string>; log?: Logger } & Pick<TelegramOptions, 'clock' | 'polling' | 'now'> = {},
): Promise<RunningBot> {
  const seedsDir = opts.seedsDir ?? copySeeds();
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'zwgk-data-'));
  const log = opts.log ?? pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const loaded = loadConfig({
    BOT_TOKEN: TOKEN,
    TELEGRAM_API_ROOT: apiRoot,
    ADMIN_IDS: String(ADMIN_ID),
    SEEDS_DIR: seedsDir,
    INDEX_DIR: join(dataDir, 'index'),
    INDEX_WORKERS: '0',
    DATA_DIR: dataDir,
    GROUP_ADMINS_MAY_UPLOAD: String(Boolean(opts.groupAdminsMayUpload)),
    ...opts.env,
  });
  if (!loaded.ok) throw new Error(loaded.message);
  // The seeds' engine is built once per test file; a folder of its own is read by compose.
  const app = await compose(loaded.config, log, { engine: opts.seedsDir ? undefined : await seedEngine() });
  const tg = telegram(app, { limits: opts.limits ?? TEST_LIMITS, today: () => opts.today ?? '2016-06-15', clock: opts.clock, polling: opts.polling, now: opts.now });
  await tg.start();
  return {
    bot: tg.bot,
    delivery: tg.delivery,
    library: app.library,
    seedsDir,
    dataDir,
    store: app.store,
    reminders: tg.reminders,
    stop: async (timeoutMs?: number) => {
      const delivered = await tg.stop(timeoutMs);
      app.close();
      return delivered;
    },
  };
}

/**
 * What the emulator lacks for uploads, for a fault proxy to serve: getFile for each file id, and
 * the download of its bytes.
 */
export function servedFiles(files: Record<string, Buffer>): (method: string, url: string, body: string) => Served | undefined {
  return (method, url, body) => {
    if (method === 'getFile') {
      const id = JSON.parse(body).file_id as string;
      return { status: 200, contentType: 'application/json', body: JSON.stringify({ ok: true, result: { file_id: id, file_unique_id: id, file_size: files[id].length, file_path: `documents/${id}.bin` } }) };
    }
    const file = /^\/file\/bot[^/]+\/documents\/(\w+)\.bin$/.exec(url);
    return file ? { status: 200, contentType: 'application/octet-stream', body: files[file[1]] } : undefined;
  };
}

export function copySeeds(): string {
  const dir = mkdtempSync(join(tmpdir(), 'zwgk-seeds-'));
  cpSync('seeds', dir, { recursive: true });
  return dir;
}

export interface BotMessage {
  messageId: number;
  text: string;
  replyTo?: number;
  buttons: Array<{ text: string; callback_data: string }>;
}

type Client = ReturnType<TelegramServer['getClient']>;

/**
 * A user in a chat: the emulator's client to send with, and a reader of the bot's messages to that
 * chat. (The emulator client's own getUpdates keeps polling after its timeout and then swallows
 * later messages, so messages are read here with one request per poll.)
 */
export class ChatUser {
  readonly client: Client;
  constructor(
    private readonly server: TelegramServer,
    readonly chatId: number,
    readonly userId: number,
    type: 'private' | 'group',
  ) {
    this.client = server.getClient(TOKEN, { userId, chatId, type, firstName: 'Li', userName: `user${userId}`, chatTitle: '政务公开工作群' });
  }

  /** Waits until the bot has sent `n` new messages to this chat (or the timeout passes). */
  async next(n: number, timeoutMs = 8000): Promise<BotMessage[]> {
    const out: BotMessage[] = [];
    const end = Date.now() + timeoutMs;
    while (out.length < n && Date.now() < end) {
      out.push(...(await this.unread()).map(toBotMessage));
      if (out.length < n) await new Promise((r) => setTimeout(r, 20));
    }
    return out;
  }

  /** How many messages the bot sent within `ms` (0 for silence). */
  async quiet(ms = 400): Promise<number> {
    await new Promise((r) => setTimeout(r, ms));
    return (await this.unread()).length;
  }

  private async unread(): Promise<Array<{ messageId: number; message: Record<string, unknown> }>> {
    const res = await fetch(`${this.server.config.apiURL}/getUpdates`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: TOKEN, chatId: this.chatId }),
    });
    return ((await res.json()) as { result: Array<{ messageId: number; message: Record<string, unknown> }> }).result;
  }
}

/** The current state of one bot message (after edits). */
export function storedMessage(server: TelegramServer, messageId: number): BotMessage | undefined {
  const u = server.storage.botMessages.find((m: { messageId: number }) => m.messageId === messageId);
  return u ? toBotMessage(u as unknown as { messageId: number; message: Record<string, unknown> }) : undefined;
}

function toBotMessage(r: { messageId: number; message: Record<string, unknown> }): BotMessage {
  const m = r.message;
  const markup = typeof m.reply_markup === 'string' ? JSON.parse(m.reply_markup) : m.reply_markup;
  const params = typeof m.reply_parameters === 'string' ? JSON.parse(m.reply_parameters) : m.reply_parameters;
  return {
    messageId: r.messageId,
    text: String(m.text ?? ''),
    replyTo: params?.message_id,
    buttons: (markup?.inline_keyboard ?? []).flat(),
  };
}

