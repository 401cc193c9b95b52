import { IndexSettings } from '../config.js';
import { createLogger } from '../log.js';
import { updateIndex } from '../library/open.js';
import { parseArgs } from './args.js';
import { ShardPool } from '../library/shard-pool.js';
import { availableParallelism } from 'node:os';

/** `npm run build-index [-- --seeds DIR --index DIR]`: parses the seeds and writes index-data/. */
const { flags } = parseArgs(process.argv.slice(2), ['seeds', 'index']);
const seeds = typeof flags.seeds === 'string' ? flags.seeds : process.env.SEEDS_DIR ?? 'seeds';
const out = typeof flags.index === 'string' ? flags.index : process.env.INDEX_DIR ?? 'index-data';
const log = createLogger(process.env.LOG_LEVEL ?? 'info');
const started = performance.now();
// Nothing else runs here: every core reads plans (INDEX_WORKERS overrides; 0 reads them in this thread).
const settings = IndexSettings.safeParse(process.env);
if (!settings.success) {
  log.error({ msg: 'config.invalid', issues: settings.error.issues.map((i: { path: PropertyKey[]; message: string }) => `${i.path.join('.')}: ${i.message}`) });
  process.exit(1);
}
// A file or two changed: read here, not worth starting workers for.
const pool = new ShardPool({ workers: settings.data.INDEX_WORKERS ?? availableParallelism(), memoryMb: settings.data.PARSE_MEMORY_MB, inlineUpTo: 2 });
const report = await updateIndex(seeds, log, out, pool);
await pool.close();
log.info({
  msg: 'index.built',
  dir: out,
  docs: report.docs.length,
  tasks: report.docs.reduce((n, d) => n + d.taskCount, 0),
  ms: Math.round(performance.now() - started),
});
process.exitCode = report.docs.length ? 0 : 1;
