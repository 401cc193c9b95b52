import { formatAnswer } from '../src/answer/format-text.js';
import { placesNamed } from '../src/domain/gazetteer.js';
import { loadIndex } from '../src/search/index-store.js';
import { benchQuestions } from './questions.js';
import { mb, percentile, round } from './stats.js';

/** `tsx bench/query-load.ts INDEX_DIR FACTOR`: load time, then p50/p99 of understand+search+format. */
const [dir, factorArg] = process.argv.slice(2);
const factor = Number(factorArg);
// The gazetteer (≈3,700 divisions of China) is read on first use: timed apart from the index.
const t0 = performance.now();
placesNamed('北京市');
const gazetteerMs = performance.now() - t0;
const t1 = performance.now();
const loaded = loadIndex(dir);
const loadMs = performance.now() - t1;
if (!loaded.ok) throw new Error(loaded.reason);
const engine = loaded.engine;
const t2 = performance.now();
engine.tokenizer.warm();
const tokenizerMs = performance.now() - t2;
const questions = benchQuestions();
for (let i = 0; i < 2; i++) for (const q of questions) formatAnswer(engine.ask(q.q, q.today));
globalThis.gc?.();
const times: number[] = [];
for (let i = 0; i < (factor >= 1000 ? 1 : 3); i++) {
  for (const q of questions) {
    const s = performance.now();
    formatAnswer(engine.ask(q.q, q.today));
    const ms = performance.now() - s;
    times.push(ms);
    if (process.env.BENCH_SLOW && ms > Number(process.env.BENCH_SLOW)) process.stderr.write(`slow ${ms.toFixed(1)} ms: ${q.q}\n`);
  }
}
globalThis.gc?.();
process.stdout.write(
  JSON.stringify({
    gazetteer_ms: round(gazetteerMs, 0),
    load_ms: round(loadMs, 0),
    tokenizer_init_ms: round(tokenizerMs, 0),
    p50_ms: round(percentile(times, 50)),
    p99_ms: round(percentile(times, 99)),
    questions: times.length,
    heap_mb: mb(process.memoryUsage().heapUsed),
  }) + '\n',
);
