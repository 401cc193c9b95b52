import type { Task } from './task.js';

/** The ids of a plan's tasks: doc#seq#item, with ~2, ~3 … for repeats — stable across re-parsing the same file. */
export function taskIds(doc: string, tasks: Array<Pick<Task, 'seq' | 'item'>>): string[] {
  const seen = new Map<string, number>();
  return tasks.map((t) => {
    const base = `${doc}#${t.seq}#${t.item}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}~${n}`;
  });
}
