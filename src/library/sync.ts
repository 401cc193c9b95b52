import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type lunr from 'lunr';
import type { DocumentHint, DocumentMeta, Warning } from '../domain/document.js';
import { readCatalog, seedFiles } from '../ingest/catalog.js';
import { SearchEngine } from '../search/engine.js';
import { type PlanRecords, unpackShard } from '../search/shard.js';
import { GramIndex, type PlanGrams } from '../search/gram-index.js';
import { describePlan, type PlanInfo, planGrams, type PlanSource } from '../search/plan-source.js';
import type { ShardJob } from './build-shard.js';
import { codeFingerprint, contentKey, hintKey } from './content-key.js';
import { IndexDir } from './index-dir.js';
import type { ManifestFile } from './manifest.js';
import { ShardPool } from './shard-pool.js';

const IN_THREAD = new ShardPool({ workers: 0 });

/** A shard held in memory (no index folder, or its file could not be written): its records and its plan's info. */
interface HeldShard {
  records: PlanRecords;
  info?: PlanInfo;
  bytes?: number;
  lunr?: () => lunr.Index;
}

/**
 * What one sync leaves the next (the library's reload): the shards held in memory, by key, and the
 * character index it wrote — neither read again.
 */
export class ShardMemo {
  readonly shards = new Map<string, HeldShard>();
  grams?: GramIndex;
}

export interface SyncOptions {
  seedsDir: string;
  /** Where shards and the manifest are kept; without it everything is built in memory. */
  indexDir?: string;
  /** Worker threads to build shards in; without one they are built in this thread. */
  pool?: ShardPool;
  /** Shards a previous sync held (the library's); updated in place to what this one holds. */
  memo?: ShardMemo;
  /** The engine the new one replaces (a reload): its loaded segmenter is extended, its character index updated, neither read again. */
  replacing?: SearchEngine;
  /** About how much memory the plans read for questions may hold (CorpusOptions.cacheBytes). */
  cacheBytes?: number;
}

export interface SyncReport {
  docs: DocumentMeta[];
  /** Shards built now (files new or changed since the index), reused (unchanged), deleted (files gone). */
  built: number;
  /** For a reload (`replacing`): tasks (by id) of the plans built now that the engine replaced did not hold, and those it held that are gone. */
  tasks?: { added: number; removed: number };
  reused: number;
  removed: number;
  warnings: Warning[];
  ms: number;
}

/**
 * Brings the index up to the documents folder and returns the engine over it: every file is keyed
 * by its content (the manifest's size and mtime spare reading an unchanged one); an unchanged plan
 * is taken from the manifest (its info) and the character index, its shard read only when a question
 * needs it; a new or changed file is built (worker threads, off the event loop); a shard whose size
 * is not the one written is checked, and rebuilt from its document with a warning when damaged; the
 * shards of files gone are deleted. Throws only when the folder itself cannot be read.
 */
export async function syncIndex(opts: SyncOptions): Promise<{ engine: SearchEngine; report: SyncReport }> {
  const started = performance.now();
  const names = seedFiles(opts.seedsDir);
  const catalog = readCatalog(opts.seedsDir, names);
  const dir = opts.indexDir ? new IndexDir(opts.indexDir) : undefined;
  const read = dir?.readManifest();
  // A manifest written by other reading code names keys that code would not give: none is trusted.
  const manifest = read?.ok && read.value.code === codeFingerprint() ? read.value : undefined;
  const known = new Map((manifest?.files ?? []).map((f) => [f.name, f]));
  const memo = opts.memo ?? new ShardMemo();
  const warnings: Warning[] = [...catalog.warnings];
  const files: ManifestFile[] = [];
  const jobs: ShardJob[] = [];
  /** Plans whose characters the index must take in (built now, or checked shards it lacks). */
  const fresh = new Map<string, PlanGrams>();
  const held = new Map<string, HeldShard>();

  for (const [i, name] of names.entries()) {
    // Checking shards is the bot's own thread: questions go on every few dozen files.
    if (i % 32 === 31) await new Promise((resolve) => setImmediate(resolve));
    const entry = fileEntry(opts.seedsDir, name, catalog.hints.get(name), known.get(name));
    if (!entry) continue;
    const kept = memo.shards.get(entry.key);
    if (kept) {
      held.set(entry.key, kept);
      files.push(kept.info ? { ...entry, plan: kept.info, shardBytes: kept.bytes } : entry);
      continue;
    }
    if (dir && entry.plan && entry.shardBytes !== undefined && dir.shardBytes(entry.key) === entry.shardBytes) {
      files.push(entry);
      continue;
    }
    const checked = dir ? fromDisk(dir, entry.key, name, warnings) : undefined;
    if (checked?.records.meta) {
      const { info, grams } = describePlan(entry.key, checked.records.meta, checked.records.tasks, checked.records.warnings);
      fresh.set(entry.key, grams);
      files.push({ ...entry, plan: info, shardBytes: dir!.shardBytes(entry.key) });
    } else {
      files.push(entry);
      jobs.push({ dir: opts.seedsDir, name, hint: catalog.hints.get(name), key: entry.key, indexDir: opts.indexDir });
    }
  }

  const built = new Map<string, ManifestFile>();
  const newIds = new Set<string>();
  const oldIds = new Set<string>();
  for (const r of await (opts.pool ?? IN_THREAD).run(jobs)) {
    if ('error' in r) {
      warnings.push({ doc: r.job.name, message: r.error });
      continue;
    }
    // One shard per event-loop turn: questions go on between them.
    await new Promise((resolve) => setImmediate(resolve));
    const { plan, bytes, shard } = r.built;
    const entry = files.find((f) => f.key === r.job.key)!;
    if (!plan) {
      warnings.push(...r.built.warnings);
      continue;
    }
    fresh.set(r.job.key, plan.grams);
    if (opts.replacing) for (const id of plan.ids) newIds.add(id);
    built.set(r.job.key, { ...entry, plan: plan.info, shardBytes: bytes });
    // Without an index folder (or when its shard could not be written) the plan lives in memory.
    if (shard) {
      const records = unpackShard(shard);
      if ('error' in records) throw new Error(`${r.job.name}: ${records.error}`);
      held.set(r.job.key, { records, info: plan.info, lunr: undefined });
    }
  }
  const entries = files.map((f) => built.get(f.key) ?? f);
  const plans = entries.filter((f) => f.plan);
  const found = plans.length > 0;

  // A sync that found no plan (a folder briefly empty, a mount not ready) changes nothing kept:
  // the caller keeps its engine, and the index its shards.
  let removed = 0;
  let grams = memo.grams ?? GramIndex.empty;
  if (found) {
    const keep = new Set(plans.map((f) => f.key));
    if (!memo.grams && dir) {
      const last = dir.readGrams();
      if (last.ok) grams = last.value;
      else if (manifest) warnings.push({ doc: opts.indexDir!, message: `字符索引不可用，已重建（${last.reason}）` });
    }
    // The plans the index holds and no longer should leave it with their characters, read from their
    // shards (still there), so their texts leave the counts — unless the plans kept from it are fewer
    // (every plan rebuilt by new reading code): then the index starts anew, and those are read instead.
    const indexed = new Set(grams.plans);
    const stale = grams.plans.filter((k) => k !== null && !keep.has(k));
    const kept = plans.filter((f) => !fresh.has(f.key) && indexed.has(f.key)).length;
    if (stale.length > kept) grams = GramIndex.empty;
    const have = new Set(grams.plans);
    const gone = new Map<string, PlanGrams | undefined>();
    for (const k of grams.plans) {
      if (k === null || keep.has(k)) continue;
      const old = dir ? recordsOnDisk(dir, k) : memo.shards.get(k)?.records;
      gone.set(k, old && planGrams(old.tasks));
    }
    // A reload compares with the engine it replaces: the plans built again and those gone (their shards still there).
    if (opts.replacing) {
      const rebuilt = new Set([...built.values()].map((f) => f.plan!.meta.doc));
      const now = new Set(plans.map((f) => f.plan!.meta.doc));
      for (const d of opts.replacing.corpus.docs) {
        if (rebuilt.has(d.doc) || !now.has(d.doc)) for (const t of opts.replacing.corpus.tasksOf(d.doc)) oldIds.add(t.id);
      }
    }
    // Plans kept whose characters the index lacks (an index from before, or damaged): read from their shards.
    for (const f of plans) if (!have.has(f.key) && !fresh.has(f.key)) fresh.set(f.key, planGrams(((dir && recordsOnDisk(dir, f.key)) || held.get(f.key)?.records)?.tasks ?? []));
    const added = plans.filter((f) => fresh.has(f.key) && !have.has(f.key)).map((f) => ({ key: f.key, grams: fresh.get(f.key)! }));
    if (gone.size || added.length) grams = grams.with(gone, added);
    if (dir) {
      // An unchanged file's entry is the manifest's own object (fileEntry): nothing to compare field by field.
      const same = manifest !== undefined && entries.length === manifest.files.length && entries.every((e, i) => e === manifest.files[i]);
      const changed = gone.size > 0 || added.length > 0 || !manifest;
      if (changed || !same) {
        try {
          removed = await dir.locked(() => {
            if (changed) dir.writeGrams(grams);
            if (!same) dir.writeManifest({ builtAt: new Date().toISOString(), code: codeFingerprint(), files: entries });
            // An unchanged library has nothing to delete (what a crash left is deleted at the next change): its start-up lists no folder.
            return same ? 0 : dir.prune(keep);
          });
        } catch (e) {
          warnings.push({ doc: opts.indexDir!, message: `索引目录未能更新（${(e as Error).message}），下次启动将重新读取` });
        }
      }
    }
    memo.shards.clear();
    // Only plans held in memory are remembered (no index folder, or a shard not written).
    for (const [k, v] of held) memo.shards.set(k, v);
    memo.grams = grams;
  }

  const infos = plans.map((f) => f.plan!);
  for (const p of infos) warnings.push(...p.warnings);
  const saved = new Map<string, () => lunr.Index>();
  if (dir) for (const p of infos) if (!held.has(p.key) && p.meta.taskCount) saved.set(p.meta.doc, dir.lunrOf(p.key));
  const source: PlanSource = {
    plans: infos,
    grams,
    load: (key) => {
      const inMemory = held.get(key);
      if (inMemory) return inMemory.records.tasks;
      const read = dir?.readRecords(key);
      return read?.ok ? read.value.tasks : { error: read?.reason ?? `${key}: not held` };
    },
  };
  // Built when asked for: build-index wants only the report.
  let engine: SearchEngine | undefined;
  const docs = infos.map((p) => p.meta);
  const tasks = opts.replacing ? { added: [...newIds].filter((id) => !oldIds.has(id)).length, removed: [...oldIds].filter((id) => !newIds.has(id)).length } : undefined;
  const report = { docs, built: jobs.length, tasks, reused: files.length - jobs.length, removed, warnings, ms: Math.round(performance.now() - started) };
  return {
    report,
    get engine() {
      return (engine ??= SearchEngine.over(source, saved, opts.replacing, { cacheBytes: opts.cacheBytes }));
    },
  };
}

/** A shard's records read from its file, undefined when it cannot be read (a plan leaving the index, or one it lacks characters of). */
function recordsOnDisk(dir: IndexDir, key: string): PlanRecords | undefined {
  const read = dir.readRecords(key);
  return read.ok ? read.value : undefined;
}

/** A file's manifest entry: its key from the last manifest when size, mtime and catalog entry are unchanged, else read and hashed. */
function fileEntry(seedsDir: string, name: string, hint: DocumentHint | undefined, last: ManifestFile | undefined): ManifestFile | undefined {
  const path = join(seedsDir, name);
  let st;
  try {
    st = statSync(path);
  } catch {
    return undefined;
  }
  if (!st.isFile()) return undefined;
  const h = hintKey(hint);
  if (last && last.size === st.size && last.mtimeMs === st.mtimeMs && last.hint === h) return last;
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch {
    bytes = new Uint8Array();
  }
  return { name, size: st.size, mtimeMs: st.mtimeMs, hint: h, key: contentKey(name, hint, bytes) };
}

/** A shard read back from the index folder; a damaged one is left to be rebuilt, with a warning. */
function fromDisk(dir: IndexDir, key: string, name: string, warnings: Warning[]): HeldShard | undefined {
  const read = dir.readRecords(key);
  if (read.ok) return { records: read.value };
  if (!/: missing$/.test(read.reason)) warnings.push({ doc: name, message: `索引分片已损坏，已从文档重建（${read.reason}）` });
  return undefined;
}
