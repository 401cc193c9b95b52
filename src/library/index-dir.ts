import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type lunr from 'lunr';
import { z } from 'zod';
import { loadLunr } from '../search/lunr-index.js';
import { Shard } from '../search/shard.js';
import { writeAtomic } from './write-atomic.js';

/** What the manifest remembers of a file: enough to know it unchanged (size, mtime, hint) without reading it. */
const ManifestFile = z.object({ name: z.string(), size: z.number(), mtimeMs: z.number(), hint: z.string(), key: z.string() });
export type ManifestFile = z.infer<typeof ManifestFile>;

/** The index folder's table of contents: each document file of the folder and the key of its shard. */
export const Manifest = z.object({ version: z.literal(3), builtAt: z.string(), code: z.string(), files: z.array(ManifestFile) });
export type Manifest = z.infer<typeof Manifest>;

export type Read<T> = { ok: true; value: T } | { ok: false; reason: string };

const MANIFEST = 'manifest.json';
/** The single-file index of earlier versions, removed when shards replace it. */
const LEGACY = ['corpus.json', 'lunr.json'];

/**
 * INDEX_DIR on disk: `manifest.json` and one shard per plan under `shards/` (`<key>.json`, its
 * records, and `<key>.lunr.json`, its lunr index). Each file is written whole and renamed into
 * place; the manifest is written last, so a crash leaves shards the manifest does not name yet,
 * never a manifest naming a shard that is not there.
 */
export class IndexDir {
  constructor(readonly dir: string) {}

  private get shards(): string {
    return join(this.dir, 'shards');
  }

  readManifest(): Read<Manifest> {
    const path = join(this.dir, MANIFEST);
    if (!existsSync(path)) return { ok: false, reason: `no index in ${this.dir}` };
    return parseFile(path, Manifest);
  }

  writeManifest(manifest: Manifest): void {
    mkdirSync(this.dir, { recursive: true });
    writeAtomic(join(this.dir, MANIFEST), JSON.stringify(manifest));
    for (const f of LEGACY) rmSync(join(this.dir, f), { force: true });
  }

  readShard(key: string): Read<Shard> {
    const path = join(this.shards, `${key}.json`);
    if (!existsSync(path)) return { ok: false, reason: `${path}: missing` };
    const read = parseFile(path, Shard);
    return read.ok && read.value.key !== key ? { ok: false, reason: `${path}: holds shard ${read.value.key}` } : read;
  }

  /** Reads a shard's lunr index when called (a question first needs it). */
  lunrOf(key: string): () => lunr.Index {
    return () => loadLunr(JSON.parse(readFileSync(join(this.shards, `${key}.lunr.json`), 'utf8')));
  }

  writeShard(shard: Shard, lunrJson: string | undefined): void {
    mkdirSync(this.shards, { recursive: true });
    if (lunrJson !== undefined) writeAtomic(join(this.shards, `${shard.key}.lunr.json`), lunrJson);
    writeAtomic(join(this.shards, `${shard.key}.json`), JSON.stringify(shard));
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
