import { realpathSync, writeFileSync } from 'node:fs';
import type { Agent } from 'node:http';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { HttpsProxyAgent } from 'https-proxy-agent';
import { SocksProxyAgent } from 'socks-proxy-agent';
import { parseArgs } from './cli/args.js';
import { runTerminalChat } from './cli/terminal-chat.js';
import { describe } from './bot/delivery.js';
import { type App, compose, telegram } from './compose.js';
import { type Config, loadConfig } from './config.js';
import { createLogger, redactToken } from './log.js';

/** The program's exit codes (README, "Exit codes"). */
export const EXIT = { ok: 0, config: 1, data: 2, telegram: 3 } as const;

/** How long a shutdown may take: updates under way finish and queued replies go out meanwhile. */
const SHUTDOWN_MS = 10_000;

/**
 * The program: config, logger, the composed app (see compose.ts), then the Telegram bot (with
 * BOT_TOKEN) or the terminal chat (without, or with `chat`). Returns the exit code: 0 after a
 * SIGTERM/SIGINT (updates stop, the replies queued are delivered within 10 s, the store closes),
 * 1 for a bad configuration, 2 for a data folder the bot cannot use (a corrupt SQLite file, a
 * read-only folder, a full disk: one message naming the file and what to do), 3 when Telegram
 * refuses the token or another instance takes the updates. Nothing is created at import time.
 */
export async function main(env: Record<string, string | undefined> = process.env, opts: { today?: string; chat?: boolean; signals?: Promise<string> } = {}): Promise<number> {
  const loaded = loadConfig(opts.chat ? { ...env, BOT_TOKEN: '' } : env);
  if (!loaded.ok) {
    process.stderr.write(`${loaded.message}\n`);
    return EXIT.config;
  }
  const config = loaded.config;
  const log = createLogger(config.BOT_TOKEN ? config.LOG_LEVEL : env.LOG_LEVEL ? config.LOG_LEVEL : 'warn', config.BOT_TOKEN);
  let app: App;
  try {
    app = await compose(config, log);
  } catch (e) {
    const fault = dataFault(e, config.DATA_DIR);
    if (!fault) throw e;
    process.stderr.write(`${fault}\n`);
    return EXIT.data;
  }

  if (!config.BOT_TOKEN) {
    process.stderr.write(
      'zwgk-bot: 未设置 BOT_TOKEN，进入终端对话模式（每行一个问题，支持 /help 等命令）。\n' +
        '连接 Telegram：向 @BotFather 申请 token，设置 BOT_TOKEN（必要时设置 HTTPS_PROXY）后再运行 npm start，详见 README。\n',
    );
    await runTerminalChat(app.conversation, { prompt: true, timeZone: config.TZ, outDir: join(config.DATA_DIR, 'exports'), today: opts.today });
    app.close();
    return EXIT.ok;
  }

  app.library.current.tokenizer.warm();
  const tg = telegram(app, { agent: proxyAgent(config) });
  tg.reminders.start();
  // The Docker healthcheck reads this file's age; a full disk is logged, not fatal.
  const beat = () => {
    try {
      writeFileSync(join(config.DATA_DIR, 'heartbeat'), new Date().toISOString());
    } catch (e) {
      log.warn({ msg: 'heartbeat.failed', error: e });
    }
  };
  const heartbeat = setInterval(beat, 30_000);
  heartbeat.unref();
  beat();
  log.info({ msg: 'bot.starting', mode: config.WEBHOOK_URL ? 'webhook' : 'polling', api_root: config.TELEGRAM_API_ROOT });
  const signals = opts.signals ?? signalled();
  const ended = await Promise.race([
    signals.then((signal) => ({ signal })),
    tg
      .start()
      .then(() => tg.stopped)
      .then(
        () => ({ signal: 'stopped' }),
        (error: unknown) => ({ error }),
      ),
  ]);
  clearInterval(heartbeat);
  if ('error' in ended) {
    const code = (ended.error as { response?: { error_code?: number } }).response?.error_code;
    process.stderr.write(
      code === 409
        ? 'zwgk-bot: 另一个实例正在接收这个 bot 的消息（或已设置 webhook）。只运行一个实例。\n'
        : `zwgk-bot: Telegram 拒绝了 BOT_TOKEN（${redactToken(describe(ended.error), config.BOT_TOKEN)}）。请向 @BotFather 核对 token。\n`,
    );
    await tg.stop(1000);
    app.close();
    return EXIT.telegram;
  }
  log.info({ msg: 'bot.stopping', signal: ended.signal });
  const delivered = await tg.stop(SHUTDOWN_MS);
  app.close();
  log.info({ msg: 'bot.stopped', delivered });
  return EXIT.ok;
}

/**
 * What to tell the operator when the data folder cannot be used, naming the file and what to do;
 * undefined for any other error.
 */
export function dataFault(e: unknown, dataDir: string): string | undefined {
  const code = String((e as { code?: unknown }).code ?? '');
  const file = join(dataDir, 'zwgk-bot.sqlite');
  const why = String((e as Error).message ?? e);
  if (/^SQLITE_(CORRUPT|NOTADB)/.test(code))
    return `zwgk-bot: 数据文件 ${file} 已损坏（${why}）。停止 bot，把它移走（例如改名为 zwgk-bot.sqlite.broken，连同 -wal、-shm 文件），再启动会新建一个空的数据库；绑定、办结记录请从备份恢复。`;
  if (/^SQLITE_(READONLY|CANTOPEN)|^(EACCES|EROFS|EPERM)$/.test(code))
    return `zwgk-bot: 数据目录 ${dataDir} 不可写（${why}）。检查 DATA_DIR 的挂载与权限（Docker 镜像以非 root 用户运行：该目录须归该用户所有），然后重新启动。`;
  if (/^SQLITE_(FULL|IOERR)|^ENOSPC$/.test(code)) return `zwgk-bot: 写入 ${file} 失败，磁盘已满或不可写（${why}）。释放磁盘空间后重新启动。`;
  return undefined;
}

/** Resolves with the first SIGTERM or SIGINT. */
function signalled(): Promise<string> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });
}

function proxyAgent(config: Config): Agent | undefined {
  const url = config.HTTPS_PROXY ?? config.ALL_PROXY;
  if (!url) return undefined;
  return /^socks/i.test(url) ? (new SocksProxyAgent(url) as unknown as Agent) : (new HttpsProxyAgent(url) as unknown as Agent);
}

/**
 * Run as a program (`npm start`: `tsx src/main.ts`; the image: `node dist/main.js`): the bot, or
 * the terminal chat. `--chat [--today YYYY-MM-DD]` is `npm run chat`: the terminal chat whatever
 * BOT_TOKEN says, answering as on that day.
 */
if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) {
  const { flags } = parseArgs(process.argv.slice(2), ['today']);
  const today = typeof flags.today === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(flags.today) ? flags.today : undefined;
  // The last boundary: an error nothing caught is logged without the token; a rejection (a failed
  // store write in a reminder run, retried by the next run) does not end the bot, an exception does.
  const token = process.env.BOT_TOKEN;
  process.on('unhandledRejection', (e) => process.stderr.write(`${JSON.stringify({ level: 50, msg: 'process.unhandled_rejection', error: redactToken(String((e as Error)?.stack ?? e), token) })}\n`));
  process.on('uncaughtException', (e) => {
    process.stderr.write(`${JSON.stringify({ level: 60, msg: 'process.uncaught_exception', error: redactToken(String(e?.stack ?? e), token) })}\n`);
    process.exit(1);
  });
  process.exitCode = await main(process.env, { today, chat: flags.chat === true });
  // Whatever still holds the event loop (a keep-alive socket, a proxy agent) does not hold the exit.
  setTimeout(() => process.exit(), 1000).unref();
}

