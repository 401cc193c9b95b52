import { copyFileSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSeeds } from '../../src/ingest/load-seeds.js';
import { SearchEngine } from '../../src/search/engine.js';

let cached: SearchEngine | undefined;

/**
 * The engine over a library of 18 plans — the five seeds and the 13 real plans of other places
 * (test/fixtures/real/docs, with their catalog.json) — as the library questions are asked over.
 */
export async function libraryEngine(): Promise<SearchEngine> {
  if (cached) return cached;
  const dir = mkdtempSync(join(tmpdir(), 'zwgk-library-'));
  for (const f of readdirSync('seeds')) copyFileSync(join('seeds', f), join(dir, f));
  for (const f of readdirSync('test/fixtures/real/docs')) copyFileSync(join('test/fixtures/real/docs', f), join(dir, f));
  const corpus = await loadSeeds(dir);
  return (cached = SearchEngine.build(corpus.docs, corpus.tasks));
}
