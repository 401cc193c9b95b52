import { spawnSync } from 'node:child_process';
import { compiledScript } from './compiled.js';

/** What a child process may use: wall time and V8 heap (`--max-old-space-size`). */
export interface Cap {
  ms: number;
  heapMb: number;
}

/** A stage's figures (its JSON line, with the wall time the parent saw), or why it has none. */
export type Stage = Record<string, unknown> & { finished?: false; reason?: string };

/**
 * Runs one bench child (`node SCRIPT ARGS…` with `--expose-gc`, SCRIPT compiled as the bot runs in
 * production: compiled.ts) within `cap` and returns the JSON line it ends with. A child over its
 * time is killed; one that runs out of heap, fails or prints no figures gives
 * `{ finished: false, reason }` — a finding, never a crash of the bench.
 */
export function runStage(script: string, args: string[], cap: Cap): Stage {
  const started = performance.now();
  const r = spawnSync(process.execPath, [`--max-old-space-size=${cap.heapMb}`, '--expose-gc', compiledScript(script), ...args], {
    encoding: 'utf8',
    timeout: cap.ms,
    killSignal: 'SIGKILL',
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const wall_ms = Math.round(performance.now() - started);
  const caps = { cap_s: cap.ms / 1000, cap_heap_mb: cap.heapMb, wall_ms };
  if ((r.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT') return { finished: false, reason: `over its time cap (${cap.ms / 1000} s)`, ...caps };
  const stderr = (r.stderr ?? '').split('\n').filter((l) => l.trim());
  const why = stderr.find((l) => /FATAL ERROR|heap out of memory/.test(l)) ?? stderr[stderr.length - 1] ?? '';
  if (r.error) return { finished: false, reason: r.error.message, ...caps };
  const detail = why ? `: ${why.trim().slice(0, 300)}` : '';
  if (r.status !== 0) return { finished: false, reason: `${r.signal ? `killed by ${r.signal}` : `exit ${r.status}`}${detail}`, ...caps };
  const line = (r.stdout ?? '').trim().split('\n').pop() ?? '';
  if (!line.startsWith('{')) return { finished: false, reason: `no figures printed${detail}`, ...caps };
  return { ...(JSON.parse(line) as Record<string, unknown>), wall_ms };
}
