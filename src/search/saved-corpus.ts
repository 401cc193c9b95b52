import { z } from 'zod';
import { DocumentMeta } from '../domain/document.js';
import { Deadline, type Task } from '../domain/task.js';

/**
 * The saved corpus, compact: every distinct string stored once (plans share most of their wording,
 * so a corpus of many counties is mostly repeats), each task a row of indices into that table.
 * Checked with zod on load, so a damaged file names the field instead of crashing.
 */
const Row = z.tuple([
  z.number().int().nonnegative(), // doc index
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

export const SavedCorpus = z.object({
  version: z.literal(2),
  builtAt: z.string(),
  seedsHash: z.string(),
  docs: z.array(DocumentMeta),
  strings: z.array(z.string()),
  tasks: z.array(Row),
});
export type SavedCorpus = z.infer<typeof SavedCorpus>;

export function packCorpus(docs: DocumentMeta[], tasks: Task[], seedsHash: string): SavedCorpus {
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
  const docIndex = new Map(docs.map((d, i) => [d.doc, i]));
  return {
    version: 2,
    builtAt: new Date().toISOString(),
    seedsHash,
    docs,
    strings,
    tasks: tasks.map((t) => [docIndex.get(t.doc)!, id(t.seq), id(t.item), id(t.task), id(t.requirement), t.lead.map(id), t.responsible.map(id), id(t.deadline_raw), t.deadline, t.line]),
  };
}

/** Expands a checked corpus into task records; undefined with a reason when an index points nowhere. */
export function unpackCorpus(saved: SavedCorpus): { tasks: Task[] } | { error: string } {
  const s = saved.strings;
  const tasks: Task[] = [];
  for (let n = 0; n < saved.tasks.length; n++) {
    const [d, seq, item, task, req, lead, resp, raw, deadline, line] = saved.tasks[n];
    const doc = saved.docs[d];
    const refs = [seq, item, task, req, raw, ...lead, ...resp];
    if (!doc || refs.some((i) => i >= s.length) || !s[req]) return { error: `tasks.${n}: refers to a missing document or string` };
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
  return { tasks };
}
