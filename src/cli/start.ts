import { createLogger } from '../log.js';
import { openEngine } from '../search/open.js';
import { runTerminalChat } from './terminal-chat.js';

/**
 * `npm start`: without BOT_TOKEN, a terminal chat over the seeded plans (stdin → stdout, exits at
 * the end of input) and a note on stderr saying how to connect Telegram.
 */
const log = createLogger(process.env.LOG_LEVEL ?? 'warn');
process.stderr.write('zwgk-bot: 未设置 BOT_TOKEN，进入终端对话模式（每行一个问题）。连接 Telegram：设置 BOT_TOKEN 后再运行 npm start，详见 README。\n');
const engine = openEngine({ seedsDir: process.env.SEEDS_DIR ?? 'seeds', indexDir: process.env.INDEX_DIR ?? 'index-data', log });
await runTerminalChat(engine, { prompt: true });
