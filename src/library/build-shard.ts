import type { DocumentHint } from '../domain/document.js';
import { readSeedFile } from '../ingest/load-seeds.js';
import { buildLunr } from '../search/lunr-index.js';
import { packShard, type Shard } from '../search/shard.js';
import { IndexDir } from './index-dir.js';

/** One file of a documents folder to read into a shard, under its content key. */
export interface ShardJob {
  dir: string;
  name: string;
  hint?: DocumentHint;
  key: string;
  /** The index folder the shard is written to (by the worker: the bot's thread never waits on its fsync). */
  indexDir?: string;
}

/** A shard as built: its records and its lunr index as JSON (none for a file that gave no tasks). */
export interface BuiltShard {
  shard: Shard;
  lunr?: string;
}

/** Reads one file (warnings name it; never throws for a bad file), builds its shard and saves it: what a worker does. */
export async function buildShard(job: ShardJob): Promise<BuiltShard> {
  const parsed = await readSeedFile(job.dir, job.name, job.hint);
  const shard = packShard(job.key, job.name, parsed);
  const lunr = parsed.meta && parsed.tasks.length ? JSON.stringify(buildLunr(parsed.tasks)) : undefined;
  // A file that gave no document (unreadable, unsupported, no table) is read again next time, never
  // saved: a permission or I/O error fixed later must not stay cached under the file's key.
  if (!job.indexDir || !parsed.meta) return { shard, lunr };
  try {
    new IndexDir(job.indexDir).writeShard(shard, lunr);
  } catch (e) {
    // A full disk or read-only index folder: the plan is still served, from memory.
    return { shard: { ...shard, warnings: [...shard.warnings, { doc: job.name, message: `索引分片未能保存（${(e as Error).message}），本次仍可使用` }] }, lunr };
  }
  return { shard, lunr };
}
