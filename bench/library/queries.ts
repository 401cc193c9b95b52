import { BROAD_QUESTIONS, sampleQuestions } from '../questions.js';
import { mb, percentile, round } from '../stats.js';
import { chatPage, jsonAnswer } from './answer.js';
import { report } from './child-report.js';
import { openLibrary } from './open.js';

/**
 * `node --expose-gc dist-bench/bench/library/queries.js DOCS INDEX ROUNDS`: latency over a library opened as
 * the bot opens it, after one warm-up round (timed apart: each question's first ask): the public samples and the broad questions (no region)
 * ROUNDS times each, every answer timed as a chat shows it (understand + search + its first page)
 * and as `ask --json` prints it (the same search + every task serialised), with the three slowest
 * questions; then the heap at rest (after garbage collection).
 */
const [docs, index, rounds] = process.argv.slice(2);
const { engine, index: use, open_ms } = await openLibrary(docs, index);
const sets = { samples: sampleQuestions(), broad: BROAD_QUESTIONS };
// The warm-up round is each question's first ask: the plans it needs may still be on disk, and no
// plan remembers its words yet (Corpus.tasksHolding) — what a question never asked before costs.
const first = new Map<string, number[]>();
for (const [name, questions] of Object.entries(sets)) {
  first.set(
    name,
    questions.map((q) => {
      const t0 = performance.now();
      chatPage(engine.ask(q.q, q.today));
      return performance.now() - t0;
    }),
  );
}
const figures: Record<string, unknown> = { open_ms, index: use };
for (const [name, questions] of Object.entries(sets)) {
  const chat: number[] = [];
  const format: number[] = [];
  const json: number[] = [];
  const slowest = new Map<string, number>();
  for (let r = 0; r < Number(rounds); r++) {
    for (const q of questions) {
      const t0 = performance.now();
      const result = engine.ask(q.q, q.today);
      const t1 = performance.now();
      chatPage(result);
      const t2 = performance.now();
      jsonAnswer(result);
      const t3 = performance.now();
      chat.push(t2 - t0);
      slowest.set(q.q, Math.max(slowest.get(q.q) ?? 0, t2 - t0));
      format.push(t2 - t1);
      json.push(t1 - t0 + (t3 - t2));
    }
  }
  figures[name] = {
    questions: questions.length,
    runs: chat.length,
    chat_p50_ms: round(percentile(chat, 50)),
    chat_p99_ms: round(percentile(chat, 99)),
    first_ask_p99_ms: round(percentile(first.get(name)!, 99)),
    format_p99_ms: round(percentile(format, 99)),
    json_p50_ms: round(percentile(json, 50)),
    json_p99_ms: round(percentile(json, 99)),
    slowest_chat_ms: Object.fromEntries([...slowest].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([q, t]) => [q, round(t)])),
  };
}
globalThis.gc?.();
globalThis.gc?.();
report({ ...figures, heap_rest_mb: mb(process.memoryUsage().heapUsed) });
