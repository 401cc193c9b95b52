import type { Logger } from 'pino';
import { loadSeeds } from '../ingest/load-seeds.js';
import { SearchEngine } from '../search/engine.js';
import { loadIndex, saveIndex } from '../search/index-store.js';
import { seedsHash } from './seeds-hash.js';

export interface OpenOptions {
  seedsDir: string;
  indexDir: string;
  log: Logger;
}

/**
 * Start-up: loads `index-data/` rather than rebuilding; when the seeds changed since the build (or
 * there is no usable index) it says so and builds from the seeds instead.
 */
export async function openEngine(opts: OpenOptions): Promise<SearchEngine> {
  const hash = seedsHash(opts.seedsDir);
  const loaded = loadIndex(opts.indexDir);
  if (loaded.ok && loaded.saved.seedsHash === hash) {
    opts.log.debug({ msg: 'index.loaded', dir: opts.indexDir, tasks: loaded.saved.tasks.length });
    return loaded.engine;
  }
  opts.log.warn({
    msg: loaded.ok ? 'index.stale' : 'index.unavailable',
    reason: loaded.ok ? `${opts.seedsDir} changed since the index was built; rebuilding in memory (run npm run build-index)` : loaded.reason,
  });
  return buildFromSeeds(opts.seedsDir, opts.log);
}

/** Parses a seeds folder and builds the engine; logs one warning per bad file. */
export async function buildFromSeeds(seedsDir: string, log: Logger, saveTo?: string): Promise<SearchEngine> {
  const corpus = await loadSeeds(seedsDir);
  for (const w of corpus.warnings) log.warn({ msg: 'ingest.warning', doc: w.doc, reason: w.message });
  const engine = SearchEngine.build(corpus.docs, corpus.tasks);
  if (saveTo) saveIndex(saveTo, engine, seedsHash(seedsDir));
  return engine;
}
