import pino from 'pino';
import { openEngine } from '../../src/library/open.js';
import { ShardPool } from '../../src/library/shard-pool.js';

/** How start-up found the index: read back, or (stale or unusable) built again — then the figure is a build's. */
export type IndexUse = 'loaded' | 'rebuilt';

/** The engine as the bot opens it at start-up (src/compose.ts: with a worker pool, used only for files to build), with how long that took and whether the saved index was used. */
export async function openLibrary(seedsDir: string, indexDir: string) {
  const events: string[] = [];
  const log = pino({ level: 'debug' }, { write: (line: string) => void events.push((JSON.parse(line) as { msg: string }).msg) });
  const started = performance.now();
  const engine = await openEngine({ seedsDir, indexDir, log, pool: new ShardPool() });
  const index: IndexUse = events.includes('index.stale') || events.includes('index.unavailable') ? 'rebuilt' : 'loaded';
  return { engine, index, open_ms: Math.round(performance.now() - started) };
}
