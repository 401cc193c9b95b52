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
  if (job.indexDir) new IndexDir(job.indexDir).writeShard(shard, lunr);
  return { shard, lunr };
}
