import { createLogger } from '../log.js';
import { openEngine } from '../search/open.js';
import { parseArgs } from './args.js';
import { runTerminalChat } from './terminal-chat.js';

/** `npm run chat [-- --today YYYY-MM-DD]`: an interactive terminal chat over the core. */
const { flags } = parseArgs(process.argv.slice(2), ['today']);
const log = createLogger(process.env.LOG_LEVEL ?? 'warn');
const engine = openEngine({ seedsDir: process.env.SEEDS_DIR ?? 'seeds', indexDir: process.env.INDEX_DIR ?? 'index-data', log });
await runTerminalChat(engine, { today: typeof flags.today === 'string' ? flags.today : undefined, prompt: true });
