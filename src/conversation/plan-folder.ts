import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { DocumentHint } from '../domain/document.js';
import { readCatalog, writeCatalogEntry } from '../ingest/catalog.js';
import { writeAtomic } from '../library/write-atomic.js';
import type { ArchivedPlans } from '../store/archived-plans.js';

export type AddOutcome = { ok: true } | { ok: false; reason: 'exists' } | { ok: false; reason: 'catalog'; message: string };

/**
 * The documents folder (SEEDS_DIR) as a service: the only code that writes it. Adds and replaces
 * plan files (written whole, fsynced and renamed into place), removes them, keeps the catalog of metadata
 * corrections (catalog.json) in step, and archives plans.
 */
export class PlanFolder {
  constructor(
    readonly dir: string,
    private readonly archived: ArchivedPlans,
  ) {}

  has(name: string): boolean {
    return existsSync(join(this.dir, name));
  }

  /** What catalog.json already says about a file of this name (empty when nothing, or no folder). */
  hintFor(name: string): DocumentHint {
    return existsSync(this.dir) ? (readCatalog(this.dir, [name]).hints.get(name) ?? {}) : {};
  }

  /**
   * Adds a file; a file of the same name only with `replace`. The hint (region, year … corrected
   * by the uploader) goes into catalog.json first, so the file is never in the folder without it.
   */
  add(name: string, bytes: Uint8Array, hint: DocumentHint, replace: boolean): AddOutcome {
    if (this.has(name) && !replace) return { ok: false, reason: 'exists' };
    mkdirSync(this.dir, { recursive: true });
    if (Object.keys(hint).length) {
      try {
        writeCatalogEntry(this.dir, name, hint);
      } catch (e) {
        return { ok: false, reason: 'catalog', message: String((e as Error).message) };
      }
    }
    writeAtomic(join(this.dir, name), bytes);
    return { ok: true };
  }

  /** Deletes a file and its catalog entry; a catalog that cannot be written is returned as a problem (the file is gone all the same). */
  remove(name: string): { catalogProblem?: string } {
    rmSync(join(this.dir, name), { force: true });
    try {
      writeCatalogEntry(this.dir, name, {});
      return {};
    } catch (e) {
      return { catalogProblem: String((e as Error).message) };
    }
  }

  archive(doc: string): void {
    this.archived.add(doc);
  }

  isArchived(doc: string): boolean {
    return this.archived.has(doc);
  }
}
