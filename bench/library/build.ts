import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { availableParallelism } from 'node:os';
import pino from 'pino';
import { buildFromSeeds } from '../../src/library/open.js';
import { ShardPool } from '../../src/library/shard-pool.js';
import { mb } from '../stats.js';
import { report } from './child-report.js';

/**
 * `node dist-bench/bench/library/build.js DOCS INDEX`: the full build of a documents folder into an empty index
 * folder, as `npm run build-index` does (a worker thread per core), in a process of its own
 * (its peak memory, the workers' included, is the build's);
 * with what the library holds: plans, tasks, distinct requirement texts, regions.
 */
const [docs, index] = process.argv.slice(2);
const started = performance.now();
const pool = new ShardPool({ workers: availableParallelism(), inlineUpTo: 2 });
const engine = await buildFromSeeds(docs, pino({ level: 'silent' }), index, pool);
const buildMs = Math.round(performance.now() - started);
await pool.close();
const { tasks } = engine.corpus;
report({
  build_ms: buildMs,
  plans: engine.corpus.docs.length,
  tasks: tasks.length,
  distinct_texts: new Set(tasks.map((t) => t.task.requirement)).size,
  regions: new Set(engine.corpus.docs.map((d) => d.region)).size,
  index_mb: mb(folderBytes(index)),
});

function folderBytes(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((n, e) => n + (e.isDirectory() ? folderBytes(join(dir, e.name)) : statSync(join(dir, e.name)).size), 0);
}
