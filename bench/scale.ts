import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatAnswer } from '../src/answer/format-text.js';
import { loadSeeds } from '../src/ingest/load-seeds.js';
import { SearchEngine } from '../src/search/engine.js';
import { loadIndex, saveIndex } from '../src/search/index-store.js';
import { benchQuestions } from './questions.js';
import { mb, percentile, round } from './stats.js';
import { synthesize } from './synthetic.js';

/**
 * One scale of the search benchmark, run in its own process: `tsx bench/scale.ts FACTOR`.
 * Prints one JSON line: build and load times, p50/p99 of understand+search+format, heap used.
 */
const factor = Number(process.argv[2] ?? 1);
const seeds = loadSeeds('seeds');
const { docs, tasks } = synthesize(seeds.docs, seeds.tasks, factor);
const t0 = performance.now();
const built = SearchEngine.build(docs, tasks);
const buildMs = performance.now() - t0;
const dir = mkdtempSync(join(tmpdir(), 'zwgk-bench-'));
saveIndex(dir, built, 'bench');
const t1 = performance.now();
const loaded = loadIndex(dir);
const loadMs = performance.now() - t1;
rmSync(dir, { recursive: true, force: true });
if (!loaded.ok) throw new Error(loaded.reason);
const engine = loaded.engine;
const t2 = performance.now();
engine.tokenizer.warm();
const tokenizerMs = performance.now() - t2;
const questions = benchQuestions();
for (const q of questions.slice(0, 10)) formatAnswer(engine.ask(q.q, q.today));
const times: number[] = [];
for (let round_ = 0; round_ < (factor >= 1000 ? 1 : 3); round_++) {
  for (const q of questions) {
    const s = performance.now();
    formatAnswer(engine.ask(q.q, q.today));
    times.push(performance.now() - s);
  }
}
globalThis.gc?.();
process.stdout.write(
  JSON.stringify({
    factor,
    docs: docs.length,
    tasks: tasks.length,
    build_ms: round(buildMs, 0),
    load_ms: round(loadMs, 0),
    tokenizer_init_ms: round(tokenizerMs, 0),
    p50_ms: round(percentile(times, 50)),
    p99_ms: round(percentile(times, 99)),
    questions: times.length,
    heap_mb: mb(process.memoryUsage().heapUsed),
  }) + '\n',
);
