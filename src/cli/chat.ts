import { main } from '../main.js';
import { parseArgs } from './args.js';

/**
 * `npm run chat [-- --today YYYY-MM-DD]`: the interactive terminal chat, whatever BOT_TOKEN says;
 * --today answers as on another day (to try reminders' statuses and /report on past plans).
 */
const { flags } = parseArgs(process.argv.slice(2), ['today']);
const today = typeof flags.today === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(flags.today) ? flags.today : undefined;
process.exitCode = await main({ ...process.env, BOT_TOKEN: '' }, { today });
