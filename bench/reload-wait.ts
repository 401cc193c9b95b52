import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Library } from '../src/library/library.js';
import { ShardPool } from '../src/library/shard-pool.js';
import { syncIndex } from '../src/library/sync.js';
import { percentile, round } from './stats.js';

/**
 * `tsx bench/reload-wait.ts PLANS`: how long other chats wait while a /reload reads PLANS new plans
 * (copies of the seeds and the real plans under other names). A question is asked every 20 ms
 * during the reload; its wait is the time from when it was due to its answer (the event loop's
 * lag plus the answer). Reported with the plans parsed in worker threads and in the bot's thread.
 */
const plans = Number(process.argv[2] ?? 200);
const sources = [...readdirSync('seeds').map((f) => join('seeds', f)), ...readdirSync('test/fixtures/real/docs').filter((f) => f.endsWith('.txt')).map((f) => join('test/fixtures/real/docs', f))];
const folder = mkdtempSync(join(tmpdir(), 'zwgk-reload-'));
for (const f of readdirSync('seeds')) cpSync(join('seeds', f), join(folder, f));
const { engine } = await syncIndex({ seedsDir: folder });
for (let i = 0; i < plans; i++) cpSync(sources[i % sources.length], join(folder, `copy${String(i).padStart(4, '0')}_${sources[i % sources.length].split('/').pop()}`));

const figures: Record<string, unknown> = { plans };
for (const [label, workers] of [['workers', undefined], ['main_thread', 0]] as const) {
  const pool = new ShardPool({ workers });
  const index = mkdtempSync(join(tmpdir(), 'zwgk-reload-index-'));
  const lib = new Library(engine, { seedsDir: folder, indexDir: index, pool });
  const waits: number[] = [];
  let running = true;
  const started = performance.now();
  const reload = lib.reload().finally(() => (running = false));
  let due = performance.now();
  while (running) {
    due += 20;
    await new Promise((r) => setTimeout(r, Math.max(0, due - performance.now())));
    lib.current.ask('县财政局12月前要公开什么', '2016-06-15');
    waits.push(performance.now() - due);
  }
  const report = await reload;
  figures[label] = { reload_ms: round(performance.now() - started, 0), rebuilt: report.rebuilt, questions: waits.length, wait_p50_ms: round(percentile(waits, 50)), wait_p99_ms: round(percentile(waits, 99)), wait_max_ms: round(Math.max(...waits)) };
  await pool.close();
  rmSync(index, { recursive: true, force: true });
}
rmSync(folder, { recursive: true, force: true });
process.stdout.write(JSON.stringify(figures) + '\n');
