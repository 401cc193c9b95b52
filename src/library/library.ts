import type { Warning } from '../domain/document.js';
import type { SearchEngine } from '../search/engine.js';
import type { ShardPool } from './shard-pool.js';
import { ShardMemo, syncIndex } from './sync.js';

export interface ReloadReport {
  ok: boolean;
  docs: Array<{ doc: string; region: string; year: number | null; tasks: number }>;
  /** Tasks (by id) present now and not before, and gone since. */
  added: number;
  removed: number;
  /** Plans read again (new or changed files) and kept as they were. */
  rebuilt: number;
  reused: number;
  warnings: Warning[];
  ms: number;
}

export interface LibraryOptions {
  seedsDir: string;
  /** Where the index is kept (shards and manifest); a reload updates it. */
  indexDir?: string;
  pool?: ShardPool;
  /** The shards the engine was opened with (openEngine's memo): the first reload reuses them. */
  memo?: ShardMemo;
  /** About how much memory the plans read for questions may hold (CorpusOptions.cacheBytes). */
  cacheBytes?: number;
}

/**
 * Holds the engine questions are answered from and swaps it atomically on reload: only new or
 * changed files are parsed, in worker threads, so questions arriving meanwhile are answered from
 * the old engine; if no document parses, the old engine stays.
 */
export class Library {
  private reloading?: Promise<ReloadReport>;
  private readonly memo: ShardMemo;
  private readonly opts: LibraryOptions;

  /** `folder`: the documents folder alone (built in memory on reload), or with its index folder and pool. */
  constructor(
    private engine: SearchEngine,
    folder: string | LibraryOptions,
  ) {
    this.opts = typeof folder === 'string' ? { seedsDir: folder } : folder;
    this.memo = this.opts.memo ?? new ShardMemo();
  }

  get current(): SearchEngine {
    return this.engine;
  }

  /** Re-reads the documents folder; concurrent calls share one reload. */
  reload(): Promise<ReloadReport> {
    this.reloading ??= this.doReload().finally(() => {
      this.reloading = undefined;
    });
    return this.reloading;
  }

  private async doReload(): Promise<ReloadReport> {
    let synced: Awaited<ReturnType<typeof syncIndex>>;
    try {
      synced = await syncIndex({ ...this.opts, memo: this.memo, replacing: this.engine });
    } catch (e) {
      return { ok: false, docs: [], added: 0, removed: 0, rebuilt: 0, reused: 0, warnings: [{ doc: this.opts.seedsDir, message: (e as Error).message }], ms: 0 };
    }
    const { engine: next, report } = synced;
    const counts = { rebuilt: report.built, reused: report.reused, warnings: report.warnings, ms: report.ms };
    if (report.docs.length === 0) return { ok: false, docs: [], added: 0, removed: 0, ...counts };
    this.engine = next;
    return {
      ok: true,
      docs: report.docs.map((d) => ({ doc: d.doc, region: d.region, year: d.year, tasks: d.taskCount })),
      added: report.tasks?.added ?? 0,
      removed: report.tasks?.removed ?? 0,
      ...counts,
    };
  }
}
