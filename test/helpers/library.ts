import { copyFileSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSeeds } from '../../src/ingest/load-seeds.js';
import { SearchEngine } from '../../src/search/engine.js';

let cached: SearchEngine | undefined;
const wider = new Map<string, SearchEngine>();

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

/** The plans of other layouts the fifth tester's questions are asked over, beside the 18 (test/fixtures/new-layouts). */
export const FIFTH_TESTER_PLANS = [
  'yushui_2024_fengong.txt',
  'guangshan_2024_yaodian.txt',
  'zhuzhou_zrzyj_fenjie.txt',
  'lishui_2025_qingdan.xlsx',
  'huangyan_2022_fengong.docx',
  'guanganqu_2021_fengong.txt',
  'shunde_2024_yaodian.txt',
  'nanhu_2022_taizhang.txt',
];

/** The engine over the 18 plans of `libraryEngine` and the given plans of test/fixtures/new-layouts/docs, built once per list. */
export async function widerLibraryEngine(extra: readonly string[]): Promise<SearchEngine> {
  const key = extra.join('|');
  const kept = wider.get(key);
  if (kept) return kept;
  const dir = mkdtempSync(join(tmpdir(), 'zwgk-library-'));
  for (const f of readdirSync('seeds')) copyFileSync(join('seeds', f), join(dir, f));
  for (const f of readdirSync('test/fixtures/real/docs')) copyFileSync(join('test/fixtures/real/docs', f), join(dir, f));
  for (const f of extra) copyFileSync(join('test/fixtures/new-layouts/docs', f), join(dir, f));
  const corpus = await loadSeeds(dir);
  const engine = SearchEngine.build(corpus.docs, corpus.tasks);
  wider.set(key, engine);
  return engine;
}
