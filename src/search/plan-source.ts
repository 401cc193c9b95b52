import { z } from 'zod';
import { DocumentMeta, Warning } from '../domain/document.js';
import type { Task } from '../domain/task.js';
import { GramIndex, gramsOfTexts, type PlanGrams } from './gram-index.js';

/**
 * What the library knows of a plan without reading its tasks: its document, the unit names it
 * prints (the question parser's vocabulary), its distinct texts' count (word rarity) and its
 * warnings. The manifest keeps one per file, so start-up reads no shard.
 */
export const PlanInfo = z.object({
  /** The plan's shard key (its document name for a library built in memory). */
  key: z.string(),
  meta: DocumentMeta,
  units: z.array(z.string()),
  texts: z.number().int().nonnegative(),
  warnings: z.array(Warning),
});
export type PlanInfo = z.infer<typeof PlanInfo>;

/**
 * The plans a corpus is built over: their infos in corpus order, which plans hold which characters
 * (by key), and their tasks, read when a question first needs them.
 */
export interface PlanSource {
  readonly plans: readonly PlanInfo[];
  readonly grams: GramIndex;
  /** A plan's tasks (its shard read back); an error says why it cannot be read. */
  load(key: string): Task[] | { error: string };
}

/** A task's category and requirement as topic words are matched against them: NFKC, lower case. */
export function topicText(t: Pick<Task, 'task' | 'requirement'>): string {
  return `${t.task} ${t.requirement}`.normalize('NFKC').toLowerCase();
}

/** A plan's distinct topic texts. */
function topicTexts(tasks: Task[]): Set<string> {
  return new Set(tasks.map(topicText));
}

/** The characters and pairs of a plan's distinct topic texts: its part of the GramIndex. */
export function planGrams(tasks: Task[]): PlanGrams {
  return gramsOfTexts(topicTexts(tasks));
}

/** A plan's info and its characters, from its tasks. */
export function describePlan(key: string, meta: DocumentMeta, tasks: Task[], warnings: Warning[] = []): { info: PlanInfo; grams: PlanGrams } {
  const units = new Set<string>();
  for (const t of tasks) for (const u of [...t.lead, ...t.responsible]) units.add(u);
  const texts = topicTexts(tasks);
  return { info: { key, meta, units: [...units], texts: texts.size, warnings }, grams: gramsOfTexts(texts) };
}

/** A source over records already in memory (a folder parsed in this process, a test's plans). */
export function memorySource(docs: DocumentMeta[], tasks: Task[]): PlanSource {
  const byDoc = new Map<string, Task[]>(docs.map((d) => [d.doc, []]));
  for (const t of tasks) byDoc.get(t.doc)?.push(t);
  const described = docs.map((d) => ({ doc: d.doc, ...describePlan(d.doc, d, byDoc.get(d.doc)!) }));
  return {
    plans: described.map((d) => d.info),
    grams: GramIndex.empty.with(new Map(), described.map((d) => ({ key: d.doc, grams: d.grams }))),
    load: (key) => byDoc.get(key) ?? { error: `${key}: no such plan` },
  };
}
