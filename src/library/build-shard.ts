import type { DocumentHint } from '../domain/document.js';
import { readSeedFile } from '../ingest/load-seeds.js';
import { buildLunr } from '../search/lunr-index.js';
import { packShard, type Shard } from '../search/shard.js';

/** One file of a documents folder to read into a shard, under its content key. */
export interface ShardJob {
  dir: string;
  name: string;
  hint?: DocumentHint;
  key: string;
}

/** A shard as built: its records and its lunr index as JSON (none for a file that gave no tasks). */
export interface BuiltShard {
  shard: Shard;
  lunr?: string;
}

/** Reads one file (warnings name it; never throws for a bad file) and builds its shard: what a worker does. */
export async function buildShard(job: ShardJob): Promise<BuiltShard> {
  const parsed = await readSeedFile(job.dir, job.name, job.hint);
  const shard = packShard(job.key, job.name, parsed);
  return { shard, lunr: parsed.meta && parsed.tasks.length ? JSON.stringify(buildLunr(parsed.tasks)) : undefined };
}
