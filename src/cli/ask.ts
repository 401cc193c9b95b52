import { readFileSync } from 'node:fs';
import { answerJson } from '../answer/answer-json.js';
import { formatAnswer } from '../answer/format-text.js';
import { createLogger } from '../log.js';
import { openEngine } from '../library/open.js';
import { parseArgs } from './args.js';

/**
 * `npm run --silent ask -- [--json] [--today YYYY-MM-DD] [--file F] "问题"`: answers a question
 * (or every line of F, one single-line JSON object per line, in order). Exit 0 for any text.
 */
const { flags, positionals } = parseArgs(process.argv.slice(2), ['today', 'file', 'seeds', 'index']);
const log = createLogger(process.env.LOG_LEVEL ?? 'warn');
const engine = await openEngine({
  seedsDir: typeof flags.seeds === 'string' ? flags.seeds : process.env.SEEDS_DIR ?? 'seeds',
  indexDir: typeof flags.index === 'string' ? flags.index : process.env.INDEX_DIR ?? 'index-data',
  log,
});
const today = typeof flags.today === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(flags.today) ? flags.today : undefined;

const answer = (q: string): string => {
  const result = engine.ask(q, today);
  return flags.json ? JSON.stringify(answerJson(result)) : formatAnswer(result).pages.join('\n\n');
};

if (typeof flags.file === 'string') {
  const lines = readFileSync(flags.file, 'utf8').replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
  process.stdout.write(lines.map(answer).join('\n') + '\n');
} else {
  process.stdout.write(answer(positionals.join(' ')) + '\n');
}
