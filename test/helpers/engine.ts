import { loadSeeds } from '../../src/ingest/load-seeds.js';
import { SearchEngine } from '../../src/search/engine.js';

let cached: SearchEngine | undefined;

/** The engine over the five seeds, built once per test file. */
export function seedEngine(): SearchEngine {
  if (!cached) {
    const corpus = loadSeeds('seeds');
    cached = SearchEngine.build(corpus.docs, corpus.tasks);
  }
  return cached;
}
