import { mb } from '../stats.js';
import { chatPage } from './answer.js';
import { report } from './child-report.js';
import { openLibrary } from './open.js';

/**
 * `node dist-bench/bench/library/cold.js DOCS INDEX TODAY QUESTION`: a fresh process opens the library as the
 * bot starts and answers one question (its first chat page). `total_ms` runs from the process's
 * start (module loading included) to the answer.
 */
const [docs, index, today, question] = process.argv.slice(2);
const modulesMs = Math.round(performance.now());
const { engine, index: use, open_ms } = await openLibrary(docs, index);
const started = performance.now();
const page = chatPage(engine.ask(question, today));
const answerMs = Math.round(performance.now() - started);
report({ total_ms: Math.round(performance.now()), modules_ms: modulesMs, open_ms, answer_ms: answerMs, index: use, question, answer_chars: page.length, heap_mb: mb(process.memoryUsage().heapUsed) });
