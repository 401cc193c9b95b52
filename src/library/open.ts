import type { Logger } from 'pino';
import type { SearchEngine } from '../search/engine.js';
import { type ShardMemo, type SyncReport, syncIndex } from './sync.js';
import type { ShardPool } from './shard-pool.js';

export interface OpenOptions {
  seedsDir: string;
  indexDir: string;
  log: Logger;
  pool?: ShardPool;
  /** Shards held in memory, shared with the Library that reloads later (its first reload does not read them all again). */
  memo?: ShardMemo;
  /** About how much memory the plans read for questions may hold (CorpusOptions.cacheBytes). */
  cacheBytes?: number;
}

/**
 * Start-up: the index folder brought up to the documents folder — the shards of unchanged files
 * read back, those of new or changed files built (with a warning that the index was stale) — and
 * the engine over it.
 */
export async function openEngine(opts: OpenOptions): Promise<SearchEngine> {
  const { engine, report } = await syncIndex(opts);
  logSync(opts.log, opts.indexDir, report);
  return engine;
}

/** Builds (or brings up to date) the index of a documents folder, saved when `saveTo` is given; logs one warning per bad file. */
export async function buildFromSeeds(seedsDir: string, log: Logger, saveTo?: string, pool?: ShardPool): Promise<SearchEngine> {
  return (await synced(seedsDir, log, saveTo, pool)).engine;
}

/** Brings an index folder up to its documents folder (build-index) and says what it did; no engine is built over it. */
export async function updateIndex(seedsDir: string, log: Logger, indexDir: string, pool?: ShardPool): Promise<SyncReport> {
  return (await synced(seedsDir, log, indexDir, pool)).report;
}

async function synced(seedsDir: string, log: Logger, indexDir?: string, pool?: ShardPool): ReturnType<typeof syncIndex> {
  const result = await syncIndex({ seedsDir, indexDir, pool });
  logSync(log, indexDir, result.report);
  return result;
}

function logSync(log: Logger, dir: string | undefined, r: SyncReport): void {
  for (const w of r.warnings) log.warn({ msg: 'ingest.warning', doc: w.doc, reason: w.message });
  const figures = { dir, docs: r.docs.length, built: r.built, reused: r.reused, removed: r.removed, ms: r.ms };
  if (r.built || r.removed) log.warn({ msg: 'index.stale', reason: `${r.built} new or changed, ${r.removed} removed documents since the index was built; updated`, ...figures });
  else log.debug({ msg: 'index.loaded', ...figures });
}
