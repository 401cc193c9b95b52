import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSeeds } from '../src/ingest/load-seeds.js';
import { SearchEngine } from '../src/search/engine.js';
import { saveIndex } from '../src/search/index-store.js';
import { round } from './stats.js';
import { synthesize } from './synthetic.js';

/**
 * One scale of the search benchmark, run in its own process: `tsx bench/scale.ts FACTOR`.
 * Builds and saves the index, then measures loading and answering in a fresh process (as a bot
 * starting up would), and prints one JSON line with every figure.
 */
const factor = Number(process.argv[2] ?? 1);
const seeds = await loadSeeds('seeds');
const { docs, tasks } = synthesize(seeds.docs, seeds.tasks, factor);
const t0 = performance.now();
const built = SearchEngine.build(docs, tasks);
const buildMs = performance.now() - t0;
const dir = mkdtempSync(join(tmpdir(), 'zwgk-bench-'));
saveIndex(dir, built, 'bench');
const r = spawnSync(process.execPath, [...process.execArgv, 'bench/query-load.ts', dir, String(factor)], { encoding: 'utf8', maxBuffer: 1 << 24, stdio: ['ignore', 'pipe', 'inherit'] });
rmSync(dir, { recursive: true, force: true });
const measured = JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as Record<string, number>;
process.stdout.write(JSON.stringify({ factor, docs: docs.length, tasks: tasks.length, build_ms: round(buildMs, 0), ...measured }) + '\n');
