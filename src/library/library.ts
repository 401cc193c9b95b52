import type { Warning } from '../domain/document.js';
import { type Corpus, loadSeeds } from '../ingest/load-seeds.js';
import { SearchEngine } from '../search/engine.js';

export interface ReloadReport {
  ok: boolean;
  docs: Array<{ doc: string; region: string; year: number | null; tasks: number }>;
  /** Tasks (by id) present now and not before, and gone since. */
  added: number;
  removed: number;
  warnings: Warning[];
  ms: number;
}

/**
 * Holds the engine questions are answered from and swaps it atomically on reload: the seeds are
 * parsed one document per event-loop turn, so questions arriving meanwhile are answered from the old
 * engine; if no document parses, the old engine stays.
 */
export class Library {
  private reloading?: Promise<ReloadReport>;

  constructor(
    private engine: SearchEngine,
    private readonly seedsDir: string,
  ) {}

  get current(): SearchEngine {
    return this.engine;
  }

  /** Re-reads the seeds folder; concurrent calls share one reload. */
  reload(): Promise<ReloadReport> {
    this.reloading ??= this.doReload().finally(() => {
      this.reloading = undefined;
    });
    return this.reloading;
  }

  private async doReload(): Promise<ReloadReport> {
    const started = performance.now();
    let corpus: Corpus;
    try {
      corpus = await loadSeeds(this.seedsDir, () => new Promise((r) => setImmediate(r)));
    } catch (e) {
      return { ok: false, docs: [], added: 0, removed: 0, warnings: [{ doc: this.seedsDir, message: (e as Error).message }], ms: 0 };
    }
    await new Promise((r) => setImmediate(r));
    const ms = () => Math.round(performance.now() - started);
    if (corpus.docs.length === 0) return { ok: false, docs: [], added: 0, removed: 0, warnings: corpus.warnings, ms: ms() };
    const next = SearchEngine.build(corpus.docs, corpus.tasks);
    const before = new Set(this.engine.corpus.tasks.map((t) => t.id));
    const after = new Set(next.corpus.tasks.map((t) => t.id));
    this.engine = next;
    return {
      ok: true,
      docs: corpus.docs.map((d) => ({ doc: d.doc, region: d.region, year: d.year, tasks: d.taskCount })),
      added: [...after].filter((id) => !before.has(id)).length,
      removed: [...before].filter((id) => !after.has(id)).length,
      warnings: corpus.warnings,
      ms: ms(),
    };
  }
}
