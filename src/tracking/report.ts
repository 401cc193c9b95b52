import type { IndexedTask } from '../search/corpus.js';

export interface UnitRow {
  unit: string;
  total: number;
  done: number;
  open: number;
  overdue: number;
}

/**
 * Per unit: tasks, done (办结), open, and overdue (dated before today, not done), sorted by overdue
 * then open. Units are the named lead and responsible units, collectives left out.
 */
export function reportRows(tasks: IndexedTask[], isDone: (id: string) => boolean, today: string, onlyUnit?: (unitKeyOrName: string) => boolean): UnitRow[] {
  const rows = new Map<string, UnitRow>();
  for (const t of tasks) {
    const done = isDone(t.id);
    const overdue = !done && t.task.deadline.kind === 'by' && t.task.deadline.date < today;
    for (const u of [...t.lead, ...t.responsible]) {
      if (u.collective) continue;
      if (onlyUnit && !onlyUnit(u.canonical)) continue;
      const r = rows.get(u.canonical) ?? { unit: u.raw, total: 0, done: 0, open: 0, overdue: 0 };
      r.total++;
      if (done) r.done++;
      else r.open++;
      if (overdue) r.overdue++;
      rows.set(u.canonical, r);
    }
  }
  return [...rows.values()].sort((a, b) => b.overdue - a.overdue || b.open - a.open || a.unit.localeCompare(b.unit, 'zh'));
}

export function reportText(title: string, rows: UnitRow[]): string {
  if (!rows.length) return `${title}：没有任务。`;
  const sum = (k: keyof Omit<UnitRow, 'unit'>) => rows.reduce((n, r) => n + r[k], 0);
  return [
    `${title}（${rows.length} 个单位）：任务 ${sum('total')}，已办结 ${sum('done')}，未办结 ${sum('open')}，已逾期 ${sum('overdue')}`,
    ...rows.slice(0, 40).map((r) => `• ${r.unit}：${r.total} 项｜已办结 ${r.done}｜未办结 ${r.open}｜已逾期 ${r.overdue}`),
    ...(rows.length > 40 ? [`……另有 ${rows.length - 40} 个单位，见图表或 /export`] : []),
  ].join('\n');
}
