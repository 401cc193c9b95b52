import type { Task } from '../domain/task.js';

/**
 * A plan's distinct indexed texts (category, requirement, units, deadline words), keyed t0, t1 …
 * in the plan's order, each with the positions of its tasks: the refs of the plan's lunr index,
 * the same whether computed where the shard is built or where it is searched.
 */
export function textGroups(tasks: Task[]): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  const ids = new Map<string, string>();
  tasks.forEach((t, i) => {
    const text = `${t.task}\u0000${t.requirement}\u0000${t.lead.join('、')}\u0000${t.responsible.join('、')}\u0000${t.deadline_raw}`;
    let key = ids.get(text);
    if (!key) ids.set(text, (key = `t${ids.size}`));
    const same = groups.get(key);
    if (same) same.push(i);
    else groups.set(key, [i]);
  });
  return groups;
}
