import { realpathSync, writeFileSync } from 'node:fs';
import type { Agent } from 'node:http';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { HttpsProxyAgent } from 'https-proxy-agent';
import { SocksProxyAgent } from 'socks-proxy-agent';
import { parseArgs } from './cli/args.js';
import { runTerminalChat } from './cli/terminal-chat.js';
import { compose, telegram } from './compose.js';
import { type Config, loadConfig } from './config.js';
import { createLogger } from './log.js';

/**
 * The program: config, logger, the composed app (see compose.ts), then the Telegram bot (with
 * BOT_TOKEN) or the terminal chat (without, or with `chat`). Nothing is created at import time.
 */
export async function main(env: Record<string, string | undefined> = process.env, opts: { today?: string; chat?: boolean } = {}): Promise<number> {
  const loaded = loadConfig(opts.chat ? { ...env, BOT_TOKEN: '' } : env);
  if (!loaded.ok) {
    process.stderr.write(`${loaded.message}\n`);
    return 1;
  }
  const config = loaded.config;
  const log = createLogger(config.BOT_TOKEN ? config.LOG_LEVEL : env.LOG_LEVEL ? config.LOG_LEVEL : 'warn', config.BOT_TOKEN);
  const app = await compose(config, log);

  if (!config.BOT_TOKEN) {
    process.stderr.write(
      'zwgk-bot: 未设置 BOT_TOKEN，进入终端对话模式（每行一个问题，支持 /help 等命令）。\n' +
        '连接 Telegram：向 @BotFather 申请 token，设置 BOT_TOKEN（必要时设置 HTTPS_PROXY）后再运行 npm start，详见 README。\n',
    );
    await runTerminalChat(app.conversation, { prompt: true, timeZone: config.TZ, outDir: join(config.DATA_DIR, 'exports'), today: opts.today });
    app.close();
    return 0;
  }

  app.library.current.tokenizer.warm();
  const tg = telegram(app, { agent: proxyAgent(config) });
  tg.reminders.start();
  // The Docker healthcheck reads this file's age.
  const beat = () => writeFileSync(join(config.DATA_DIR, 'heartbeat'), new Date().toISOString());
  const heartbeat = setInterval(beat, 30_000);
  heartbeat.unref();
  beat();
  const stop = async (signal: string) => {
    log.info({ msg: 'bot.stopping', signal });
    clearInterval(heartbeat);
    await tg.stop(signal);
    app.close();
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  log.info({ msg: 'bot.starting', mode: config.WEBHOOK_URL ? 'webhook' : 'polling', api_root: config.TELEGRAM_API_ROOT });
  await tg.bot.launch(
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

/**
 * Run as a program (`npm start`: `tsx src/main.ts`; the image: `node dist/main.js`): the bot, or
 * the terminal chat. `--chat [--today YYYY-MM-DD]` is `npm run chat`: the terminal chat whatever
 * BOT_TOKEN says, answering as on that day.
 */
if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) {
  const { flags } = parseArgs(process.argv.slice(2), ['today']);
  const today = typeof flags.today === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(flags.today) ? flags.today : undefined;
  process.exitCode = await main(process.env, { today, chat: flags.chat === true });
}
