import pino from 'pino';
import { ArchivedPlans } from '../src/store/archived-plans.js';
import { ChatBindings } from '../src/store/chat-bindings.js';
import { loadSeeds } from '../src/ingest/load-seeds.js';
import { SearchEngine } from '../src/search/engine.js';
import { Library } from '../src/library/library.js';
import { MemoryStore } from '../src/store/store.js';
import { buildReport } from '../src/tracking/report.js';
import { reportChart } from '../src/tracking/chart.js';
import { ReminderScheduler } from '../src/tracking/scheduler.js';
import { StatusBook } from '../src/tracking/task-status.js';
import { round } from './stats.js';
import { synthesize } from './synthetic.js';

/**
 * `tsx bench/reminders-load.ts FACTOR CHATS`: the day's reminders for FACTOR× the seed tasks with
 * CHATS bound chats (computed, not sent), and /report over every current task. One JSON line.
 */
const factor = Number(process.argv[2] ?? 1000);
const chats = Number(process.argv[3] ?? 10000);
const seeds = await loadSeeds('seeds');
const { docs, tasks } = synthesize(seeds.docs, seeds.tasks, factor);
const engine = SearchEngine.build(docs, tasks);
const store = new MemoryStore();
const bindings = new ChatBindings(store);
// Bind chats to the named units of the plans, region by region, as offices would.
const pairs: string[] = [];
for (const t of engine.corpus.tasks) {
  const u = t.lead.find((x) => !x.collective);
  if (u && t.doc.year === 2016) pairs.push(`${t.doc.regionAliases[t.doc.regionAliases.length - 1]} ${u.raw}`);
  if (pairs.length >= chats * 3) break;
}
const unique = [...new Set(pairs)];
for (let i = 0; i < chats; i++) bindings.set({ chatId: 100000 + i }, { unit: unique[i % unique.length], at: 'x', granted: { by: 'bench', at: 'x' } });
const status = new StatusBook(store);
const scheduler = new ReminderScheduler({ library: new Library(engine, 'seeds'), store, status, archived: new ArchivedPlans(store), log: pino({ level: 'silent' }), send: async () => true, now: () => new Date(), timeZone: 'Asia/Shanghai' });
// Collect the garbage of building the synthetic corpus first: it is not the reminders' cost.
globalThis.gc?.();
const tc = performance.now();
const planned = scheduler.plan('2016-06-23');
const computeMs = performance.now() - tc;
const t0 = performance.now();
const sent = await scheduler.runDay('2016-06-23');
const reminderMs = performance.now() - t0;
const t1 = performance.now();
const current = engine.corpus.tasks.filter((t) => t.doc.year === 2016);
const report = buildReport('report', current, (id) => status.isDone(id), '2016-06-23');
const reportMs = performance.now() - t1;
const t2 = performance.now();
await reportChart(report);
const chartMs = performance.now() - t2;
process.stdout.write(
  JSON.stringify({
    factor,
    tasks: engine.corpus.tasks.length,
    bound_chats: chats,
    distinct_units: Math.min(unique.length, chats),
    reminders_due: planned.send.length,
    reminders_compute_ms: round(computeMs, 0),
    reminders_sent: sent,
    reminders_compute_and_send_ms: round(reminderMs, 0),
    report_tasks: current.length,
    report_units: report.rows.length,
    report_ms: round(reportMs, 0),
    report_chart_ms: round(chartMs, 0),
  }) + '\n',
);
