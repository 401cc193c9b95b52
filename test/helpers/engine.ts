import { loadSeeds } from '../../src/ingest/load-seeds.js';
import { seedsHash } from '../../src/library/seeds-hash.js';
import { SearchEngine } from '../../src/search/engine.js';
import { loadIndex } from '../../src/search/index-store.js';

let cached: SearchEngine | undefined;

/**
 * The engine over the five seeds, once per test file: loaded from the index the run's global
 * setup built (test/global-setup.ts) when it is of these seeds, else built here.
 */
export async function seedEngine(): Promise<SearchEngine> {
  if (cached) return cached;
  const dir = process.env.ZWGK_TEST_INDEX;
  const loaded = dir ? loadIndex(dir) : undefined;
  if (loaded?.ok && loaded.saved.seedsHash === seedsHash('seeds')) return (cached = loaded.engine);
  const corpus = await loadSeeds('seeds');
  return (cached = SearchEngine.build(corpus.docs, corpus.tasks));
}
