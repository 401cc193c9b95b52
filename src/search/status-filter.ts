import type { SearchResult } from './retrieve.js';
import type { IndexedTask } from './corpus.js';

/**
 * Keeps the tasks of a result that have the tracked status the question asks about (逾期的, 还有几项
 * 没完成, 办结了多少), counted the way the answer counts: overdue = dated before today and not closed,
 * open = not closed, done = closed. `isDone` is the 办结 record; without one nothing is closed.
 */
export function withStatus(result: SearchResult, isDone: (taskId: string) => boolean = () => false): SearchResult {
  const status = result.query.status;
  if (!status || result.reason) return result;
  const today = result.query.today;
  const keep = (t: IndexedTask) => {
    const done = isDone(t.id);
    if (status === 'done') return done;
    if (status === 'open') return !done;
    return !done && t.task.deadline.kind === 'by' && t.task.deadline.date < today;
  };
  const groups = result.groups
    .map((g) => ({ ...g, sections: g.sections.map((s) => ({ ...s, tasks: s.tasks.filter(keep) })).filter((s) => s.tasks.length) }))
    .filter((g) => g.sections.length);
  const total = new Set(groups.flatMap((g) => g.sections.flatMap((s) => s.tasks.map((t) => t.id)))).size;
  return { ...result, groups, total, ...(groups.length ? {} : { reason: 'no-match' as const }) };
}
