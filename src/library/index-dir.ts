import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type lunr from 'lunr';
import { z } from 'zod';
import { loadLunr } from '../search/lunr-index.js';
import { type PlanRecords, Shard, unpackShard } from '../search/shard.js';
import { GramHeader, GramIndex } from '../search/gram-index.js';
import { type Manifest, packManifest, StoredManifest, unpackManifest } from './manifest.js';
import { writeAtomic } from './write-atomic.js';

export type Read<T> = { ok: true; value: T } | { ok: false; reason: string };

const MANIFEST = 'manifest.json';
const GRAMS = 'grams.json';
const GRAM_POSITIONS = 'grams.bin';
/** The single-file index of earlier versions, removed when shards replace it. */
const LEGACY = ['corpus.json', 'lunr.json'];

/**
 * INDEX_DIR on disk: `manifest.json`, which plans hold which characters (`grams.json` and its
 * positions `grams.bin`, see GramIndex) and one shard per plan under `shards/` (`<key>.json`, its
 * records, and `<key>.lunr.json`, its lunr index). Each file is written whole and renamed into
 * place; the manifest is written last, so a crash leaves shards the manifest does not name yet,
 * never a manifest naming a shard that is not there.
 */
export class IndexDir {
  private readonly shards: string;

  constructor(readonly dir: string) {
    this.shards = join(dir, 'shards');
  }

  readManifest(): Read<Manifest> {
    const path = join(this.dir, MANIFEST);
    if (!existsSync(path)) return { ok: false, reason: `no index in ${this.dir}` };
    const read = parseFile(path, StoredManifest);
    if (!read.ok) return read;
    const manifest = unpackManifest(read.value);
    return 'error' in manifest ? { ok: false, reason: `${path}: ${manifest.error}` } : { ok: true, value: manifest };
  }

  writeManifest(manifest: Manifest): void {
    mkdirSync(this.dir, { recursive: true });
    writeAtomic(join(this.dir, MANIFEST), JSON.stringify(packManifest(manifest)));
    for (const f of LEGACY) rmSync(join(this.dir, f), { force: true });
  }

  /** Which plans hold which characters, as last written; the caller checks it names the manifest's plans. */
  readGrams(): Read<GramIndex> {
    const header = join(this.dir, GRAMS);
    if (!existsSync(header)) return { ok: false, reason: `${header}: missing` };
    const read = parseFile(header, GramHeader);
    if (!read.ok) return read;
    let body: Buffer;
    try {
      body = readFileSync(join(this.dir, GRAM_POSITIONS));
    } catch (e) {
      return { ok: false, reason: `${join(this.dir, GRAM_POSITIONS)}: ${(e as Error).message}` };
    }
    const index = GramIndex.load(read.value, body);
    return 'error' in index ? { ok: false, reason: `${header}: ${index.error}` } : { ok: true, value: index };
  }

  writeGrams(index: GramIndex): void {
    mkdirSync(this.dir, { recursive: true });
    const { header, body } = index.serialize();
    writeAtomic(join(this.dir, GRAM_POSITIONS), body);
    writeAtomic(join(this.dir, GRAMS), JSON.stringify(header));
  }

  /** The size of a shard's file (the manifest's check that it is the one written), undefined when it is missing. */
  shardBytes(key: string): number | undefined {
    try {
      return statSync(join(this.shards, `${key}.json`)).size;
    } catch {
      return undefined;
    }
  }

  /** A shard read back into records: checked with its schema, then unpacked (an error names the file and field, or the row). */
  readRecords(key: string): Read<PlanRecords> {
    const path = join(this.shards, `${key}.json`);
    if (!existsSync(path)) return { ok: false, reason: `${path}: missing` };
    const read = parseFile(path, Shard);
    if (!read.ok) return read;
    if (read.value.key !== key) return { ok: false, reason: `${path}: holds shard ${read.value.key}` };
    const records = unpackShard(read.value);
    return 'error' in records ? { ok: false, reason: records.error } : { ok: true, value: records };
  }

  /** Reads a shard's lunr index when called (a question first needs it). */
  lunrOf(key: string): () => lunr.Index {
    return () => loadLunr(JSON.parse(readFileSync(join(this.shards, `${key}.lunr.json`), 'utf8')));
  }

  /**
   * Writes a shard and its lunr index, not waiting for the disk (a torn shard is caught by its size
   * and schema, a torn lunr index where it is loaded, and either is built again from the plan's tasks); returns the shard file's size.
   */
  writeShard(shard: Shard, lunrJson: string | undefined): number {
    mkdirSync(this.shards, { recursive: true });
    if (lunrJson !== undefined) writeAtomic(join(this.shards, `${shard.key}.lunr.json`), lunrJson, false);
    const json = Buffer.from(JSON.stringify(shard));
    writeAtomic(join(this.shards, `${shard.key}.json`), json, false);
    return json.length;
  }

  /**
   * Runs `write` holding the folder's lock (`index.lock`, created exclusively, naming its process):
   * two processes updating one index (the bot's /reload and a build-index) write their manifest,
   * character index and prune one after the other, never interleaved. A lock whose process is gone,
   * or older than LOCK_STALE_MS, is taken over; one held longer than `waitMs` fails the write.
   */
  async locked<T>(write: () => T, waitMs = 30_000): Promise<T> {
    mkdirSync(this.dir, { recursive: true });
    const path = join(this.dir, LOCK);
    const until = Date.now() + waitMs;
    for (;;) {
      try {
        writeFileSync(path, JSON.stringify({ pid: process.pid, at: Date.now() }), { flag: 'wx' });
        break;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
        if (staleLock(path)) {
          rmSync(path, { force: true });
          continue;
        }
        if (Date.now() > until) throw new Error(`${path}: held by another process for over ${Math.round(waitMs / 1000)} s`);
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    try {
      return write();
    } finally {
      rmSync(path, { force: true });
    }
  }

  /** Deletes the shards whose key is not kept (plans removed or changed); returns how many. */
  prune(keep: ReadonlySet<string>): number {
    if (!existsSync(this.shards)) return 0;
    let removed = 0;
    for (const f of readdirSync(this.shards)) {
      // <key>.json, <key>.lunr.json, and what a crash left of them (<key>.json.tmp-<pid>-<random>),
      // once it is old enough not to be another process's write in progress.
      const key = f.split('.')[0];
      if (f.includes('.tmp-') ? !staleTemp(join(this.shards, f)) : keep.has(key)) continue;
      rmSync(join(this.shards, f), { force: true });
      if (/^[^.]+\.json$/.test(f)) removed++;
    }
    return removed;
  }
}

const LOCK = 'index.lock';
const LOCK_STALE_MS = 10 * 60_000;

/** A lock left by a process that is gone (or one held implausibly long). */
function staleLock(path: string): boolean {
  try {
    const { pid, at } = JSON.parse(readFileSync(path, 'utf8')) as { pid: number; at: number };
    if (Date.now() - at > LOCK_STALE_MS) return true;
    process.kill(pid, 0);
    return false;
  } catch (e) {
    // ESRCH: no such process. A lock being written (not JSON yet) is fresh: wait for it.
    return (e as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/** A temporary file older than a few minutes: left by a crash, not being written. */
function staleTemp(path: string): boolean {
  try {
    return Date.now() - statSync(path).mtimeMs > 10 * 60_000;
  } catch {
    return false;
  }
}

function parseFile<T>(path: string, schema: z.ZodType<T>): Read<T> {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    return { ok: false, reason: `${path}: ${(e as Error).message}` };
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, reason: `${path}: field ${issue.path.join('.')}: ${issue.message}` };
}
