import { main } from '../main.js';

/** `npm run chat`: the interactive terminal chat, whatever BOT_TOKEN says. */
process.exitCode = await main({ ...process.env, BOT_TOKEN: '' });
