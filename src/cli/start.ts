import { main } from '../main.js';

/** `npm start`: the bot with BOT_TOKEN, else the terminal chat (see main.ts). */
process.exitCode = await main();
