import { copyFileSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSeeds } from '../../src/ingest/load-seeds.js';
import { SearchEngine } from '../../src/search/engine.js';

let cached: SearchEngine | undefined;
let wider: SearchEngine | undefined;

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

/** The nine plans of regions and bodies the bot was not developed on that the fourth tester's questions are asked over (test/fixtures/new-layouts). */
export const NEW_REGION_PLANS = [
  'anji_2024_yaodian.txt',
  'luoyang_scjgj_2023.html',
  'qingzhou_2024_fengong.html',
  'wuhou_2024_fengong.docx',
  'yangshuo_2025_yaodian.txt',
  'yiling_2022_qingdan.xlsx',
  'yuci_jyj_2023.txt',
  'zhanggong_2023_fenggong.txt',
  'dali_plain_2024.txt',
];

/** The engine over the 18 plans of `libraryEngine` and the nine of NEW_REGION_PLANS: 27 plans. */
export async function widerLibraryEngine(): Promise<SearchEngine> {
  if (wider) return wider;
  const dir = mkdtempSync(join(tmpdir(), 'zwgk-library-'));
  for (const f of readdirSync('seeds')) copyFileSync(join('seeds', f), join(dir, f));
  for (const f of readdirSync('test/fixtures/real/docs')) copyFileSync(join('test/fixtures/real/docs', f), join(dir, f));
  for (const f of NEW_REGION_PLANS) copyFileSync(join('test/fixtures/new-layouts/docs', f), join(dir, f));
  const corpus = await loadSeeds(dir);
  return (wider = SearchEngine.build(corpus.docs, corpus.tasks));
}
