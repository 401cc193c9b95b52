import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type lunr from 'lunr';
import type { DocumentHint, DocumentMeta, Warning } from '../domain/document.js';
import type { Task } from '../domain/task.js';
import { readCatalog } from '../ingest/catalog.js';
import { seedFiles } from '../ingest/load-seeds.js';
import { SearchEngine } from '../search/engine.js';
import { type PlanRecords, unpackShard } from '../search/shard.js';
import type { ShardJob } from './build-shard.js';
import { codeFingerprint, contentKey, hintKey } from './content-key.js';
import { IndexDir, type Manifest, type ManifestFile } from './index-dir.js';
import { ShardPool } from './shard-pool.js';

const IN_THREAD = new ShardPool({ workers: 0 });

/** A shard held in memory: its records, and how to read its lunr index when first needed. */
interface HeldShard {
  records: PlanRecords;
  lunr?: () => lunr.Index;
}

/** Shards already in memory, by key: a reload keeps them instead of reading their files again. */
export type ShardMemo = Map<string, HeldShard>;

export interface SyncOptions {
  seedsDir: string;
  /** Where shards and the manifest are kept; without it everything is built in memory. */
  indexDir?: string;
  /** Worker threads to build shards in; without one they are built in this thread. */
  pool?: ShardPool;
  /** Shards a previous sync held (the library's); updated in place to what this one holds. */
  memo?: ShardMemo;
  /** The engine the new one replaces (a reload): its loaded segmenter is extended, not loaded again. */
  replacing?: SearchEngine;
}

export interface SyncReport {
  docs: DocumentMeta[];
  /** Shards built now (files new or changed since the index), reused (unchanged), deleted (files gone). */
  built: number;
  reused: number;
  removed: number;
  warnings: Warning[];
  ms: number;
}

/**
 * Brings the index up to the documents folder and returns the engine over it: every file is keyed
 * by its content (the manifest's size and mtime spare reading an unchanged one), an unchanged file's
 * shard is reused, a new or changed one is built (worker threads, off the event loop), a damaged
 * shard is rebuilt from its document with a warning, and the shards of files gone are deleted.
 * Throws only when the folder itself cannot be read.
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
  const memo: ShardMemo = opts.memo ?? new Map();
  const warnings: Warning[] = [...catalog.warnings];
  const files: ManifestFile[] = [];
  const jobs: ShardJob[] = [];
  const held: ShardMemo = new Map();

  for (const [i, name] of names.entries()) {
    // Reading shards back is the bot's own thread: questions go on every few dozen files.
    if (i % 32 === 31) await new Promise((resolve) => setImmediate(resolve));
    const entry = fileEntry(opts.seedsDir, name, catalog.hints.get(name), known.get(name));
    if (!entry) continue;
    files.push(entry);
    const kept = memo.get(entry.key) ?? (dir ? fromDisk(dir, entry.key, name, warnings) : undefined);
    if (kept) held.set(entry.key, kept);
    else jobs.push({ dir: opts.seedsDir, name, hint: catalog.hints.get(name), key: entry.key, indexDir: opts.indexDir });
  }

  for (const r of await (opts.pool ?? IN_THREAD).run(jobs)) {
    if ('error' in r) {
      warnings.push({ doc: r.job.name, message: r.error });
      continue;
    }
    // One shard per event-loop turn: questions go on between them.
    await new Promise((resolve) => setImmediate(resolve));
    const records = unpackShard(r.built.shard);
    if ('error' in records) throw new Error(`${r.job.name}: ${records.error}`);
    held.set(r.job.key, { records, lunr: dir && r.built.lunr ? dir.lunrOf(r.job.key) : undefined });
  }

  // A sync that found no plan (a folder briefly empty, a mount not ready) changes nothing kept:
  // the caller keeps its engine, and the index its shards.
  const found = [...held.values()].some((h) => h.records.meta);
  let removed = 0;
  if (found) {
    if (dir) {
      removed = dir.prune(new Set(files.map((f) => f.key)));
      const same = manifest && JSON.stringify(manifest.files) === JSON.stringify(files);
      try {
        if (!same) dir.writeManifest({ version: 3, builtAt: new Date().toISOString(), code: codeFingerprint(), files } satisfies Manifest);
      } catch (e) {
        warnings.push({ doc: opts.indexDir!, message: `索引目录未能更新（${(e as Error).message}），下次启动将重新读取` });
      }
    }
    memo.clear();
    // Only plans are remembered: a file that gave none is read again next time.
    for (const [k, v] of held) if (v.records.meta) memo.set(k, v);
  }

  const docs: DocumentMeta[] = [];
  const tasks: Task[] = [];
  const saved = new Map<string, () => lunr.Index>();
  for (const f of files) {
    const shard = held.get(f.key);
    if (!shard) continue;
    warnings.push(...shard.records.warnings);
    if (!shard.records.meta) continue;
    docs.push(shard.records.meta);
    tasks.push(...shard.records.tasks);
    if (shard.lunr) saved.set(shard.records.meta.doc, shard.lunr);
  }
  const engine = SearchEngine.build(docs, tasks, saved, opts.replacing);
  return { engine, report: { docs, built: jobs.length, reused: files.length - jobs.length, removed, warnings, ms: Math.round(performance.now() - started) } };
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
  const read = dir.readShard(key);
  if (!read.ok) {
    if (!/: missing$/.test(read.reason)) warnings.push({ doc: name, message: `索引分片已损坏，已从文档重建（${read.reason}）` });
    return undefined;
  }
  const records = unpackShard(read.value);
  if ('error' in records) {
    warnings.push({ doc: name, message: `索引分片已损坏，已从文档重建（${records.error}）` });
    return undefined;
  }
  return { records, lunr: records.meta && records.tasks.length ? dir.lunrOf(key) : undefined };
}
