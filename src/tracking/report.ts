import type { IndexedTask } from '../search/corpus.js';
import { type StatusLabel, statusLabel } from '../domain/status-label.js';

/** How many tasks have each status on the report's day; `total` is their sum. */
export type StatusCounts = Record<StatusLabel, number> & { total: number };

export interface UnitRow extends StatusCounts {
  unit: string;
}

/** A plan a report covers, as its reader names it. */
export interface ReportPlan {
  title: string;
  region: string;
  year: number | null;
}

/**
 * A /report: the distinct tasks of its scope counted once each (`all`), and per named unit (lead or
 * responsible, collectives left out) each task counted once for every unit it names — so the rows
 * add up to more than `all` when tasks share units (`shared` of them do), and tasks naming no unit
 * (`unassigned`: only collectives such as 各部门, or none) are in `all` only.
 */
export interface Report {
  title: string;
  today: string;
  plans: ReportPlan[];
  all: StatusCounts;
  /** Sorted: most overdue first, then most still open, then most tasks, then by name. */
  rows: UnitRow[];
  shared: number;
  unassigned: number;
}

/**
 * The report over some tasks on a day: each task's status is the one answers show (statusLabel,
 * with `isDone` the 办结 record as of that day). A task listed twice (by id) counts once.
 */
export function buildReport(title: string, tasks: IndexedTask[], isDone: (id: string) => boolean, today: string): Report {
  const distinct = [...new Map(tasks.map((t) => [t.id, t])).values()];
  const all = emptyCounts();
  const rows = new Map<string, UnitRow>();
  const plans = new Map<string, ReportPlan>();
  let shared = 0;
  let unassigned = 0;
  for (const t of distinct) {
    const label = statusLabel(t.task, isDone(t.id), today);
    count(all, label);
    plans.set(t.doc.doc, { title: t.doc.title, region: t.doc.region, year: t.doc.year });
    // A unit both lead and responsible for a task counts it once.
    const units = new Map([...t.lead, ...t.responsible].filter((u) => !u.collective).map((u) => [u.canonical, u.raw]));
    if (units.size === 0) unassigned++;
    if (units.size > 1) shared++;
    for (const [key, raw] of units) {
      const row = rows.get(key) ?? { unit: raw, ...emptyCounts() };
      count(row, label);
      rows.set(key, row);
    }
  }
  return { title, today, plans: [...plans.values()], all, rows: [...rows.values()].sort(byUrgency), shared, unassigned };
}

/**
 * The report as chat text: the scope, the distinct-task total with its statuses, how the per-unit
 * rows count, and up to MAX_TEXT_ROWS rows (the chart and /export hold the rest).
 */
export function reportText(r: Report): string {
  if (!r.all.total) return `${r.title}：没有任务。`;
  const shown = shownStatuses(r);
  const counts = (c: StatusCounts) => shown.map((s) => `${s} ${c[s]}`).join('｜');
  return [
    `${r.title}（截至 ${r.today}）`,
    `方案：${planLine(r.plans)}`,
    `合计 ${r.all.total} 项任务（每项只计一次）：${counts(r.all)}`,
    ...(r.rows.length
      ? [
          `各单位（${r.rows.length} 个，牵头或责任）：${r.shared ? `有 ${r.shared} 项任务写了几个单位，在每个单位下各计一次，所以各单位之和大于合计` : '每项任务只写了一个单位'}${r.unassigned ? `；${r.unassigned} 项只写了集体（如各部门）或没写单位，只计入合计` : ''}。`,
          ...r.rows.slice(0, MAX_TEXT_ROWS).map((u) => `• ${u.unit}：${u.total} 项｜${counts(u)}`),
          ...(r.rows.length > MAX_TEXT_ROWS ? [`……另有 ${r.rows.length - MAX_TEXT_ROWS} 个单位，见图表或 /export`] : []),
        ]
      : [`${r.unassigned} 项任务都只写了集体（如各部门）或没写单位。`]),
  ].join('\n');
}

/** The plans of a report in a line: 蕉岭县2016年政务公开……方案（蕉岭县，2016年度）; several are counted after the first MAX_PLANS_NAMED. */
export function planLine(plans: ReportPlan[]): string {
  const named = plans.slice(0, MAX_PLANS_NAMED).map((p) => `${p.title}（${[p.region, p.year ? `${p.year}年度` : ''].filter(Boolean).join('，')}）`);
  return named.join('；') + (plans.length > MAX_PLANS_NAMED ? ` 等 ${plans.length} 份` : '');
}

/** The statuses in the order a reader takes them in: closed, late, soon due, later, plan over. */
export const STATUS_ORDER: StatusLabel[] = ['已办结', '已逾期', '即将到期', '未到期', '方案已结束'];

/** The statuses a report shows: 已办结 and 已逾期 always, the others where some task has them. */
export function shownStatuses(r: Report): StatusLabel[] {
  return STATUS_ORDER.filter((s) => s === '已办结' || s === '已逾期' || r.all[s] > 0);
}

function emptyCounts(): StatusCounts {
  return { total: 0, 已办结: 0, 已逾期: 0, 即将到期: 0, 未到期: 0, 方案已结束: 0 };
}

function count(c: StatusCounts, label: StatusLabel): void {
  c.total++;
  c[label]++;
}

function byUrgency(a: UnitRow, b: UnitRow): number {
  const open = (r: UnitRow) => r.total - r.已办结;
  return b.已逾期 - a.已逾期 || open(b) - open(a) || b.total - a.total || a.unit.localeCompare(b.unit, 'zh');
}

/** Rows a chat message lists; the chart and the export have them all. */
const MAX_TEXT_ROWS = 40;
/** Plans a report names one by one. */
const MAX_PLANS_NAMED = 3;
