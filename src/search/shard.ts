import { z } from 'zod';
import { DocumentMeta, Warning } from '../domain/document.js';
import { Deadline, type Task } from '../domain/task.js';

/**
 * One plan as the index saves it: what its file gave (the document's metadata and tasks, or only
 * warnings), compact — every distinct string stored once, each task a row of indices into that
 * table. Keyed by the file's content key, so an unchanged file is never parsed again. Checked with
 * zod on load, so a damaged shard names its field instead of crashing.
 */
const Row = z.tuple([
  z.number().int().nonnegative(), // seq
  z.number().int().nonnegative(), // item
  z.number().int().nonnegative(), // task (category)
  z.number().int().nonnegative(), // requirement
  z.array(z.number().int().nonnegative()), // lead
  z.array(z.number().int().nonnegative()), // responsible
  z.number().int().nonnegative(), // deadline_raw
  Deadline,
  z.number().int().positive(), // line
]);

export const Shard = z.object({
  version: z.literal(3),
  key: z.string(),
  /** The file the shard was read from. */
  name: z.string(),
  meta: DocumentMeta.nullable(),
  warnings: z.array(Warning),
  strings: z.array(z.string()),
  tasks: z.array(Row),
});
export type Shard = z.infer<typeof Shard>;

/** What one file gave: its document and tasks (none when it did not parse) and its warnings. */
export interface PlanRecords {
  meta?: DocumentMeta;
  tasks: Task[];
  warnings: Warning[];
}

export function packShard(key: string, name: string, plan: PlanRecords): Shard {
  const strings: string[] = [];
  const ids = new Map<string, number>();
  const id = (s: string) => {
    let i = ids.get(s);
    if (i === undefined) {
      i = strings.push(s) - 1;
      ids.set(s, i);
    }
    return i;
  };
  return {
    version: 3,
    key,
    name,
    meta: plan.meta ?? null,
    warnings: plan.warnings,
    strings,
    tasks: plan.tasks.map((t) => [id(t.seq), id(t.item), id(t.task), id(t.requirement), t.lead.map(id), t.responsible.map(id), id(t.deadline_raw), t.deadline, t.line]),
  };
}

/** Expands a checked shard into records; an error names the row that points nowhere. */
export function unpackShard(shard: Shard): PlanRecords | { error: string } {
  const s = shard.strings;
  const doc = shard.meta;
  if (!doc) return { tasks: [], warnings: shard.warnings };
  const tasks: Task[] = [];
  for (let n = 0; n < shard.tasks.length; n++) {
    const [seq, item, task, req, lead, resp, raw, deadline, line] = shard.tasks[n];
    const refs = [seq, item, task, req, raw, ...lead, ...resp];
    if (refs.some((i) => i >= s.length) || !s[req]) return { error: `tasks.${n}: refers to a missing string` };
    tasks.push({
      doc: doc.doc,
      seq: s[seq],
      item: s[item],
      task: s[task],
      requirement: s[req],
      lead: lead.map((i) => s[i]),
      responsible: resp.map((i) => s[i]),
      deadline_raw: s[raw],
      deadline,
      region: doc.region,
      year: doc.year,
      line,
    });
  }
  return { meta: doc, tasks, warnings: shard.warnings };
}
