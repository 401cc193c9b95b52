import { linkSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { libraryFolder } from './corpus.js';
import { type Cap, runStage, type Stage } from './stage.js';

/** Every figure of one scale, stage by stage. */
export interface ScaleFigures {
  scale: number;
  library: { files: number; generated_ms: number; reused: boolean };
  build: Stage;
  rebuild_one: Stage;
  cold_start: Stage;
  first_topic: Stage;
  first_word_search: Stage;
  queries: Stage;
}

/**
 * One scale of the library bench: the generated documents folder (corpus.ts) linked into a fresh
 * folder, then each stage in its own child process within its caps — the full build, one plan
 * changed and built again, a cold start to the first answer, a first topic question and a first word
 * search across all plans from cold processes, then latency and memory of a running library.
 * Stages after a build that did not finish are reported as not run. `say` prints progress.
 */
export async function libraryScale(scale: number, say: (line: string) => void): Promise<ScaleFigures> {
  const caps = CAPS[scale] ?? CAPS[1000];
  const folder = await libraryFolder(scale);
  say(`library ${scale}x: ${folder.files} plan files ${folder.written ? `written in ${(folder.ms / 1000).toFixed(1)} s` : 'reused'} (${folder.docs})`);
  const work = mkdtempSync(join(tmpdir(), 'zwgk-bench-run-'));
  const docs = join(work, 'docs');
  const index = join(work, 'index');
  mkdirSync(docs);
  // Links, not copies: the rebuild stage replaces the one file it changes, the cache stays as written.
  const files = readdirSync(folder.docs).sort();
  for (const f of files) linkSync(join(folder.docs, f), join(docs, f));
  const plans = files.filter((f) => f.endsWith('.txt'));
  const stage = (name: string, script: string, args: string[], cap: Cap): Stage => {
    const s = runStage(`bench/library/${script}`, args, cap);
    say(`  ${scale}x ${name}: ${s.finished === false ? `did not finish (${s.reason})` : 'done'} after ${((s.wall_ms as number) / 1000).toFixed(1)} s`);
    return s;
  };
  try {
    const build = stage('full build', 'build.ts', [docs, index], caps.build);
    const notRun: Stage = { finished: false, reason: 'not run: the full build did not finish' };
    const built = build.finished !== false;
    const cold = (name: string, q: { q: string; today: string }, cap: Cap) => (built ? stage(name, 'cold.ts', [docs, index, q.today, q.q], cap) : notRun);
    return {
      scale,
      library: { files: plans.length, generated_ms: folder.ms, reused: !folder.written },
      build,
      rebuild_one: built ? stage('one-plan rebuild', 'rebuild-one.ts', [docs, index, plans[Math.floor(plans.length / 2)]], caps.build) : notRun,
      cold_start: cold('cold start', COLD_QUESTION, caps.cold),
      first_topic: cold('first topic question', TOPIC_QUESTION, caps.cold),
      first_word_search: cold('first word search', WORD_SEARCH, caps.cold),
      queries: built ? stage('queries', 'queries.ts', [docs, index, String(caps.rounds)], caps.queries) : notRun,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The first sample question: a unit of one plan. */
const COLD_QUESTION = { q: '开平市环保局有哪些政务公开任务要做', today: '2018-05-15' };
/** A topic inside one region's plans: a text search (lunr) scoped to 开平. */
const TOPIC_QUESTION = { q: '开平 政策解读 相关的任务', today: '2018-06-01' };
/** Words searched across every plan. */
const WORD_SEARCH = { q: '政府信息公开年度报告', today: '2019-06-01' };

const s = (seconds: number) => seconds * 1000;
/** Time and heap per stage and scale, and how many times the questions are asked; beyond 1000x, 1000x's. */
const CAPS: Record<number, { build: Cap; cold: Cap; queries: Cap; rounds: number }> = {
  1: { build: { ms: s(120), heapMb: 2048 }, cold: { ms: s(60), heapMb: 2048 }, queries: { ms: s(180), heapMb: 2048 }, rounds: 5 },
  100: { build: { ms: s(300), heapMb: 6144 }, cold: { ms: s(120), heapMb: 6144 }, queries: { ms: s(300), heapMb: 6144 }, rounds: 3 },
  1000: { build: { ms: s(720), heapMb: 12288 }, cold: { ms: s(240), heapMb: 12288 }, queries: { ms: s(600), heapMb: 12288 }, rounds: 1 },
};
