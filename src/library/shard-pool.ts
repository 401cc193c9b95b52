import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { DocumentHint } from '../domain/document.js';
import type { ParsedDocument } from '../ingest/parse-document.js';
import type { BuiltShard, ShardJob } from './build-shard.js';

export interface PoolOptions {
  /** Worker threads; 0 works in this thread (one file per event-loop turn). Defaults to the machine's cores but one, at least 1 and at most 4. */
  workers?: number;
  /** Heap each worker may use: a file that inflates beyond it fails alone, with a warning, not the bot. */
  memoryMb?: number;
  /**
   * Up to this many jobs are read in the calling thread rather than in workers (default 0): for a
   * command with nothing else to serve (build-index), one changed file is not worth a worker's
   * start-up (about a second: the TypeScript loader boots again in it). The bot keeps 0.
   */
  inlineUpTo?: number;
}

type JobResult = { job: ShardJob; built: BuiltShard } | { job: ShardJob; error: string };

/** What a worker is asked: a shard of a documents folder's file, or an uploaded file's bytes read for its preview. */
export type WorkerRequest = { kind: 'shard'; job: ShardJob } | { kind: 'parse'; bytes: Uint8Array; name: string; hint: DocumentHint };
type Outcome<T> = { value: T } | { error: string };

const DEFAULT_MEMORY_MB = 1024;

/**
 * Reads documents off the event loop: worker threads, each reading one file at a time, so
 * questions are answered meanwhile, and a document that blows up (an inflating container, a
 * pathological table) takes down its worker only — its job reports the failure and a fresh worker
 * takes the next one. Workers start on first use and stay (idle ones do not keep the process alive), so a
 * reload of one changed file or an upload does not pay their start-up again.
 */
export class ShardPool {
  private readonly idle: Worker[] = [];
  private readonly waiting: Array<() => void> = [];
  private busy = 0;
  private readonly size: number;
  private readonly memoryMb: number;
  private readonly inlineUpTo: number;

  constructor(opts: PoolOptions = {}) {
    this.inlineUpTo = opts.inlineUpTo ?? 0;
    // One core is left to the bot's own thread, so answers are not starved while plans are read.
    this.size = opts.workers ?? Math.max(1, Math.min(availableParallelism() - 1, 4));
    this.memoryMb = opts.memoryMb ?? DEFAULT_MEMORY_MB;
  }

  /** Builds every job's shard, in job order; with no workers (or no more jobs than inlineUpTo), in this thread, one file per event-loop turn. */
  async run(jobs: ShardJob[]): Promise<JobResult[]> {
    const results = new Array<JobResult>(jobs.length);
    if (this.size <= 0 || jobs.length <= this.inlineUpTo) {
      // The parsers are loaded when first used: a start-up with every shard built loads none.
      if (!jobs.length) return results;
      const { buildShard } = await import('./build-shard.js');
      for (const [i, job] of jobs.entries()) {
        await new Promise((r) => setImmediate(r));
        results[i] = { job, built: await buildShard(job) };
      }
      return results;
    }
    let next = 0;
    const lane = async () => {
      while (next < jobs.length) {
        const at = next++;
        const outcome = await this.ask<BuiltShard>({ kind: 'shard', job: jobs[at] });
        results[at] = 'value' in outcome ? { job: jobs[at], built: outcome.value } : { job: jobs[at], error: outcome.error };
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.size, jobs.length) }, lane));
    return results;
  }

  /** Reads an uploaded file for its preview; a failure of the worker (its heap limit) is the document's warning. */
  async parse(bytes: Uint8Array, name: string, hint: DocumentHint): Promise<ParsedDocument> {
    if (this.size <= 0) return (await import('../ingest/read-document.js')).readDocument(bytes, name, hint);
    const outcome = await this.ask<ParsedDocument>({ kind: 'parse', bytes, name, hint });
    return 'value' in outcome ? outcome.value : { tasks: [], warnings: [{ doc: name, message: outcome.error }] };
  }

  /** Stops the idle workers (shutdown). */
  async close(): Promise<void> {
    await Promise.all(this.idle.splice(0).map((w) => w.terminate()));
  }

  /**
   * Sends one request to an idle worker (or a new one, at most `size` at once: callers beyond wait)
   * and gives the worker back unless it died or took longer than JOB_TIMEOUT_MS (then it is stopped).
   */
  private async ask<T>(request: WorkerRequest): Promise<Outcome<T>> {
    while (this.busy >= Math.max(1, this.size)) await new Promise<void>((r) => this.waiting.push(r));
    this.busy++;
    try {
      const worker = this.idle.pop() ?? spawn(this.memoryMb, (w) => this.drop(w));
      worker.ref();
      const { outcome, dead } = await runOn<T>(worker, request);
      if (dead) await worker.terminate();
      else {
        worker.unref();
        this.idle.push(worker);
      }
      return outcome;
    } finally {
      this.busy--;
      this.waiting.shift()?.();
    }
  }

  /** An idle worker that failed or exited between jobs leaves the pool (the next job gets a fresh one). */
  private drop(worker: Worker): void {
    const at = this.idle.indexOf(worker);
    if (at >= 0) this.idle.splice(at, 1);
  }
}

/** Longest a worker may take over one file before it is stopped and the file reported. */
const JOB_TIMEOUT_MS = 120_000;

function runOn<T>(worker: Worker, request: WorkerRequest): Promise<{ outcome: Outcome<T>; dead: boolean }> {
  return new Promise((resolve) => {
    const done = (outcome: Outcome<T>, dead: boolean) => {
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      resolve({ outcome, dead });
    };
    const onMessage = (m: { ok: true; value: T } | { ok: false; error: string }) => done(m.ok ? { value: m.value } : { error: m.error }, false);
    const onError = (e: Error & { code?: string }) =>
      done({ error: e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? '解析时超出内存上限（文件内容展开后过大）' : `解析失败（${e.message}）` }, true);
    const onExit = (code: number) => done({ error: `解析进程意外退出（${code}）` }, true);
    const timer = setTimeout(() => done({ error: `解析超时（超过 ${JOB_TIMEOUT_MS / 1000} 秒）` }, true), JOB_TIMEOUT_MS);
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage(request);
  });
}

/**
 * A worker running shard-worker: the compiled .js as it is, the .ts source (tsx, tests) through
 * tsx's loader, registered inside the worker before the entry is imported.
 */
function spawn(memoryMb: number, gone: (w: Worker) => void): Worker {
  const here = fileURLToPath(import.meta.url);
  const source = here.endsWith('.ts');
  const entry = JSON.stringify(pathToFileURL(join(dirname(here), `shard-worker.${source ? 'ts' : 'js'}`)).href);
  const boot = source
    ? `import(${JSON.stringify(tsxLoader())}).then((m) => { m.register(); return import(${entry}); })`
    : `import(${entry})`;
  const worker = new Worker(boot, { eval: true, resourceLimits: { maxOldGenerationSizeMb: memoryMb } });
  // Always listened to: an error between jobs (a stray rejection in a parser) must not reach the bot's thread as an unhandled 'error'.
  worker.on('error', () => gone(worker));
  worker.on('exit', () => gone(worker));
  return worker;
}

/** tsx's ESM API module (its package exports the .cjs to require, the .mjs beside it to import). */
function tsxLoader(): string {
  return pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
}
