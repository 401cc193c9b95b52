import { addDays, dateOf, endOfPeriod, isoDate, type IsoDate } from '../domain/calendar.js';
import type { Every, Task } from '../domain/task.js';

/** One instance of a periodic task: how often it recurs, its period's key (2016-Q2), first and last day. */
export interface Period {
  every: PeriodEvery;
  key: string;
  start: IsoDate;
  end: IsoDate;
}

/** The recurrences 办结 closes one period at a time: 每月, 每季度, 每半年, 每年. */
export type PeriodEvery = 'month' | 'quarter' | 'halfyear' | 'year';

/**
 * The period of a task that a day falls in: the month, quarter, half-year or year holding it, kept
 * inside the plan's year (a day after it is in the plan's last period, a day before it in its first:
 * a 2016 plan's quarterly duty asked about in 2017 is its 2016-Q4 instance). Undefined for a task
 * that does not recur by periods (dated, ongoing, 每周, …).
 */
export function periodOf(task: Pick<Task, 'deadline' | 'year'>, today: string): Period | undefined {
  const every = task.deadline.kind === 'periodic' ? task.deadline.every : undefined;
  if (!every || !isPeriodEvery(every)) return undefined;
  const y = task.year;
  const day = y === null ? today : today > `${y}-12-31` ? `${y}-12-31` : today < `${y}-01-01` ? `${y}-01-01` : today;
  return periodContaining(every, day);
}

/** The period after one, while it is still in the plan's year; undefined after the plan's last period. */
export function nextPeriod(task: Pick<Task, 'year'>, period: Period): Period | undefined {
  const next = periodContaining(period.every, addDays(period.end, 1));
  return task.year !== null && Number(next.start.slice(0, 4)) > task.year ? undefined : next;
}

/** The period of `every` holding a day (YYYY-MM-DD). */
export function periodContaining(every: PeriodEvery, day: string): Period {
  const date = isoDate(day);
  const months = MONTHS[every];
  const end = endOfPeriod(date, months);
  const year = Number(end.slice(0, 4));
  const last = Number(end.slice(5, 7));
  const start = dateOf(year, last - months + 1, 1);
  const n = last / months;
  const key = every === 'month' ? end.slice(0, 7) : every === 'quarter' ? `${year}-Q${n}` : every === 'halfyear' ? `${year}-H${n}` : `${year}-Y`;
  return { every, key, start, end };
}

/** A period as people say it: 2016年6月, 2016年第二季度, 2016年上半年, 2016年度; an unknown key as it is. */
export function periodLabel(key: string): string {
  const m = /^(\d{4})-(?:(\d{2})|Q([1-4])|H([12])|Y)$/.exec(key);
  if (!m) return key;
  if (m[2]) return `${m[1]}年${Number(m[2])}月`;
  if (m[3]) return `${m[1]}年第${'一二三四'[Number(m[3]) - 1]}季度`;
  if (m[4]) return `${m[1]}年${m[4] === '1' ? '上' : '下'}半年`;
  return `${m[1]}年度`;
}

function isPeriodEvery(every: Every): every is PeriodEvery {
  return every in MONTHS;
}

const MONTHS: Record<PeriodEvery, 1 | 3 | 6 | 12> = { month: 1, quarter: 3, halfyear: 6, year: 12 };
