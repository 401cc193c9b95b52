import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { readGrid } from '../src/ingest/grid.js';
import { parseDocument } from '../src/ingest/parse-document.js';
import { readDocument } from '../src/ingest/read-document.js';
import { docxTable } from '../test/fixtures/office-tables.js';
import { deliveryOutage } from './delivery-outage.js';
import { libraryScale, type ScaleFigures } from './library/scale.js';
import { libraryTable, machine } from './library/table.js';
import { percentile, round } from './stats.js';

/**
 * `npm run bench`: performance figures, printed as they come, ending with one `BENCH {json}` line.
 * Each stage of the library bench runs in its own child process with a time and memory cap; one that
 * does not finish is reported as such.
 */
const figures: Record<string, unknown> = {};
const say = (s: string) => process.stdout.write(s + '\n');
const benchStarted = performance.now();
const host = machine();
figures.machine = host;
say(`machine: ${host.cores} × ${host.model}, ${host.memory_gb} GB, Node ${host.node}, load average ${host.load_average_at_start.join(' ')} at start`);

// Ingest: parse and normalize all seeds, after warm-up.
const files = readdirSync('seeds').filter((f) => f.endsWith('.txt')).map((f) => ({ f, bytes: readFileSync(`seeds/${f}`) }));
figures.parse_seeds_ms = parseP50(files);
say(`parse+normalize ${files.length} seeds: p50 ${figures.parse_seeds_ms} ms (target < 200 ms)`);

// The same with the 13 real plans of other places (test/fixtures/real/docs) added.
const REAL = 'test/fixtures/real/docs';
const real = [...files, ...readdirSync(REAL).filter((f) => f.endsWith('.txt')).map((f) => ({ f, bytes: readFileSync(`${REAL}/${f}`) }))];
figures.parse_seeds_real_ms = parseP50(real);
say(`parse+normalize ${real.length} documents (seeds + real plans): p50 ${figures.parse_seeds_real_ms} ms`);

// A ≈100-page .docx: the 000 table repeated 8 times (LibreOffice lays one copy out on 13 pages).
{
  const text = readFileSync('seeds/000_8c36aaee05ee3aae.txt', 'utf8');
  const grid = readGrid(text)!;
  const width = grid.roles.length;
  const copies = 8;
  const rows = Array.from({ length: copies }, (_, k) =>
    grid.rows.map((r) => Array.from({ length: width }, (_, i) => (i === 0 && r[0]?.text ? String(Number(r[0].text) + k * 30) : (r[i]?.text ?? '')))),
  ).flat();
  const bytes = await docxTable('某县2016年政务公开工作要点分工方案', ['序号', '工作任务', '具体要求', '牵头落实单位', '完成时限'], rows);
  for (let i = 0; i < 3; i++) await readDocument(bytes, 'big.docx');
  const runs: number[] = [];
  let tasks = 0;
  for (let i = 0; i < 5; i++) {
    const s = performance.now();
    tasks = (await readDocument(bytes, 'big.docx')).tasks.length;
    runs.push(performance.now() - s);
  }
  figures.docx_100_pages = { rows: rows.length, tasks, bytes: bytes.length, p50_ms: round(percentile(runs, 50)) };
  say(`parse a ≈100-page .docx (${rows.length} table rows, ${tasks} tasks): p50 ${round(percentile(runs, 50))} ms (target < 2000 ms)`);
}

// A library modelled on real ones (bench/library) at 1x, 100x and 1000x the public plans, each
// stage in its own child process within time and memory caps; BENCH_SCALES=1,100 runs fewer.
// The stages run compiled, as the bot runs in production (bench/library/compiled.ts).
say('library stages: compiled by tsc with the options of npm run build (tsconfig.bench.json → dist-bench/), run with node, as in production');
const scales: ScaleFigures[] = [];
for (const scale of (process.env.BENCH_SCALES ?? '1,100,1000').split(',').map(Number)) {
  const f = await libraryScale(scale, say);
  figures[`library_${scale}x`] = f;
  scales.push(f);
}
say(libraryTable(scales));

// Load through the Bot API emulator, with Telegram's real rate limits (1 message/s per chat).
{
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'bench/bot-load.ts', '30', '5'], { encoding: 'utf8', timeout: 180_000 });
  try {
    const res = JSON.parse(r.stdout.trim().split('\n').pop() ?? '') as Record<string, number>;
    figures.bot_load = res;
    say(`bot load: ${res.chats} chats × ${res.questions_per_chat} questions: ${res.updates_per_s} updates/s, reply p50 ${res.p50_reply_ms} ms, p99 ${res.p99_reply_ms} ms, lost ${res.lost_replies}`);
  } catch {
    figures.bot_load = { finished: false, reason: `exit ${r.status} ${r.signal ?? ''}`.trim() };
    say('bot load: did not finish');
  }
}

// The day's reminders for 1000x the seed tasks with 10 000 bound chats, and /report at that scale.
{
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--max-old-space-size=8192', '--expose-gc', 'bench/reminders-load.ts', '1000', '10000'], { encoding: 'utf8', timeout: 300_000 });
  try {
    const res = JSON.parse(r.stdout.trim().split('\n').pop() ?? '') as Record<string, number>;
    figures.reminders_1000x = res;
    say(`reminders at 1000x with ${res.bound_chats} bound chats: ${res.reminders_due} due, computed in ${res.reminders_compute_ms} ms (target < 1000 ms), computed and sent (fake transport) in ${res.reminders_compute_and_send_ms} ms; /report over ${res.report_tasks} tasks: ${res.report_ms} ms + chart ${res.report_chart_ms} ms`);
  } catch {
    figures.reminders_1000x = { finished: false, reason: `exit ${r.status} ${r.signal ?? ''}`.trim() };
    say('reminders at 1000x: did not finish');
  }
}

// The worst messages we could construct: full-length questions and /done arguments.
{
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'bench/worst-case.ts'], { encoding: 'utf8', timeout: 120_000 });
  try {
    const res = JSON.parse(r.stdout.trim().split('\n').pop() ?? '') as { worst_ms: number; per_input_ms: Record<string, number> };
    figures.worst_case = res;
    say(`worst-case messages (4096 characters): worst ${res.worst_ms} ms per message (target < 50 ms), /done argument ${res.per_input_ms.done_reference} ms`);
  } catch {
    figures.worst_case = { finished: false, reason: `exit ${r.status} ${r.signal ?? ''}`.trim() };
    say('worst-case messages: did not finish');
  }
}

// How long other chats wait while a /reload reads 200 new plans (issue 13): in worker threads, and in the bot's thread.
{
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'bench/reload-wait.ts', '200'], { encoding: 'utf8', timeout: 300_000 });
  try {
    type Wait = { reload_ms: number; wait_p50_ms: number; wait_p99_ms: number; wait_max_ms: number };
    const res = JSON.parse(r.stdout.trim().split('\n').pop() ?? '') as { plans: number; workers: Wait; main_thread: Wait };
    figures.reload_wait = res;
    const line = (w: Wait) => `wait p50 ${w.wait_p50_ms} ms, p99 ${w.wait_p99_ms} ms, max ${w.wait_max_ms} ms (reload ${w.reload_ms} ms)`;
    say(`other chats during a /reload of ${res.plans} plans: in worker threads ${line(res.workers)}; in the bot's thread ${line(res.main_thread)}`);
  } catch {
    figures.reload_wait = { finished: false, reason: `exit ${r.status} ${r.signal ?? ''}`.trim() };
    say('reload wait: did not finish');
  }
}

// 500 replies through a 60-second 5xx outage of the Bot API (issue 13): all delivered, in order per chat.
const outage = await deliveryOutage();
figures.delivery_outage = outage;
say(`delivery through a ${outage.outage_s} s outage: ${outage.delivered}/${outage.replies} delivered, in order per chat: ${outage.in_order_per_chat}, ${outage.refused_calls} calls refused, done after ${outage.bot_clock_s} s (bot clock; ${outage.wall_s} s wall on a 10× clock)`);

figures.bench_wall_s = Math.round((performance.now() - benchStarted) / 1000);
say(`BENCH ${JSON.stringify(figures)}`);

/** p50 of 20 timed parses of every document, after 5 warm-up rounds. */
function parseP50(docs: Array<{ f: string; bytes: Buffer }>): number {
  for (let i = 0; i < 5; i++) for (const { f, bytes } of docs) parseDocument(bytes, f);
  const runs: number[] = [];
  for (let i = 0; i < 20; i++) {
    const s = performance.now();
    for (const { f, bytes } of docs) parseDocument(bytes, f);
    runs.push(performance.now() - s);
  }
  return round(percentile(runs, 50));
}
