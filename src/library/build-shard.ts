import type { DocumentHint, Warning } from '../domain/document.js';
import { taskIds } from '../domain/task-id.js';
import { readSeedFile } from '../ingest/load-seeds.js';
import { lunrData } from '../search/lunr-index.js';
import { packShard, type Shard } from '../search/shard.js';
import { IndexDir } from './index-dir.js';
import type { PlanGrams } from '../search/gram-index.js';
import { describePlan, type PlanInfo } from '../search/plan-source.js';

/** One file of a documents folder to read into a shard, under its content key. */
export interface ShardJob {
  dir: string;
  name: string;
  hint?: DocumentHint;
  key: string;
  /** The index folder the shard is written to (by the worker: the bot's thread never waits on its fsync). */
  indexDir?: string;
}

/**
 * What the library needs of a built shard, the least a worker sends back: the file's warnings; for a
 * plan its info, the characters its texts hold (the library's GramIndex) and its tasks' ids (what a
 * reload reports added), computed where it is built; `bytes`, the size of the shard file written, or,
 * when none was written (no index folder, or the write failed), the shard itself, held in memory.
 */
export interface BuiltShard {
  warnings: Warning[];
  plan?: { info: PlanInfo; grams: PlanGrams; ids: string[] };
  bytes?: number;
  shard?: Shard;
}

/** Reads one file (warnings name it; never throws for a bad file), builds its shard and saves it: what a worker does. */
export async function buildShard(job: ShardJob): Promise<BuiltShard> {
  const parsed = await readSeedFile(job.dir, job.name, job.hint);
  const shard = packShard(job.key, job.name, parsed);
  // A file that gave no document (unreadable, unsupported, no table) is read again next time, never
  // saved: a permission or I/O error fixed later must not stay cached under the file's key.
  if (!parsed.meta) return { warnings: shard.warnings };
  const plan = { ...describePlan(job.key, parsed.meta, parsed.tasks, parsed.warnings), ids: taskIds(parsed.meta.doc, parsed.tasks) };
  if (!job.indexDir) return { warnings: shard.warnings, plan, shard };
  const lunr = parsed.tasks.length ? JSON.stringify(lunrData(parsed.tasks)) : undefined;
  try {
    const bytes = new IndexDir(job.indexDir).writeShard(shard, lunr);
    return { warnings: shard.warnings, plan, bytes };
  } catch (e) {
    // A full disk or read-only index folder: the plan is still served, from memory.
    const warnings = [...shard.warnings, { doc: job.name, message: `索引分片未能保存（${(e as Error).message}），本次仍可使用` }];
    return { warnings, plan: { ...plan, info: { ...plan.info, warnings } }, shard: { ...shard, warnings } };
  }
}
