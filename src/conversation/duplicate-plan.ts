import { createHash } from 'node:crypto';
import type { DocumentMeta } from '../domain/document.js';
import type { Task } from '../domain/task.js';
import type { Corpus } from '../search/corpus.js';

/**
 * The indexed plan, under another file name, whose content a parsed upload repeats: the same
 * requirements with the same units, in the same order, whatever the spacing, punctuation and
 * character width — the same file sent again, or the plan in another format (a .docx of an indexed
 * .txt). Undefined when none does; a file of the same name is a replacement, asked about apart.
 */
export function duplicateOf(corpus: Corpus, upload: { name: string; tasks: Task[] }): DocumentMeta | undefined {
  const content = planContent(upload.tasks);
  return corpus.docs.find((d) => d.doc !== upload.name && planContent(corpus.tasksOf(d.doc).map((t) => t.task)) === content);
}

/** A fingerprint of what a plan asks of whom: its requirements and their units, in order, letters and digits only. */
function planContent(tasks: Task[]): string {
  const h = createHash('sha1');
  for (const t of tasks) h.update([t.requirement, ...t.lead, ...t.responsible].join('').normalize('NFKC').replace(/[^\p{L}\p{N}]/gu, ''));
  return h.digest('hex');
}
