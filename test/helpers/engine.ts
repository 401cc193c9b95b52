import { loadSeeds } from '../../src/ingest/load-seeds.js';
import { SearchEngine } from '../../src/search/engine.js';

let cached: SearchEngine | undefined;

/** The engine over the five seeds, built once per test file. */
export async function seedEngine(): Promise<SearchEngine> {
  if (!cached) {
    const corpus = await loadSeeds('seeds');
    cached = SearchEngine.build(corpus.docs, corpus.tasks);
  }
  return cached;
}
