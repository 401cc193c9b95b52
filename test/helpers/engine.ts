import { syncIndex } from '../../src/library/sync.js';
import type { SearchEngine } from '../../src/search/engine.js';

let cached: SearchEngine | undefined;

/**
 * The engine over the five seeds, once per test file: read from the index the run's global setup
 * built (test/global-setup.ts) — its shards, when they are of these seeds — else built here.
 */
export async function seedEngine(): Promise<SearchEngine> {
  if (cached) return cached;
  const { engine } = await syncIndex({ seedsDir: 'seeds', indexDir: process.env.ZWGK_TEST_INDEX });
  return (cached = engine);
}
