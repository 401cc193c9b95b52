import { daysBetween, isoDate } from './calendar.js';
import type { Task } from './task.js';

/** What a reader sees beside a deadline. */
export type StatusLabel = '已办结' | '未到期' | '即将到期' | '已逾期' | '方案已结束';

/** Days before a dated deadline at which a task counts as 即将到期. */
export const DUE_SOON_DAYS = 7;

/**
 * The label of a task on a day: done, or by its dated deadline; an open undated task (全年,
 * 每季度, 视情况) is 未到期 while its plan's year lasts and 方案已结束 once that year has ended —
 * never 已逾期, which (as in the 逾期 questions and /report) means a dated deadline passed.
 */
export function statusLabel(task: Task, done: boolean, today: string): StatusLabel {
  if (done) return '已办结';
  if (task.deadline.kind !== 'by') return planEnded(task.year, today) ? '方案已结束' : '未到期';
  if (task.deadline.date < today) return '已逾期';
  return daysBetween(isoDate(today), isoDate(task.deadline.date)) <= DUE_SOON_DAYS ? '即将到期' : '未到期';
}

/** Whether a plan's year (null: unknown) ended before `today` (YYYY-MM-DD). */
export function planEnded(year: number | null, today: string): boolean {
  return year !== null && year < Number(today.slice(0, 4));
}
