import { daysBetween, isoDate } from './calendar.js';
import type { Task } from './task.js';

/** What a reader sees beside a deadline. */
export type StatusLabel = '已办结' | '未到期' | '即将到期' | '已逾期';

/** Days before a dated deadline at which a task counts as 即将到期. */
export const DUE_SOON_DAYS = 7;

/** The label of a task on a day: done, or by its dated deadline (undated open tasks are 未到期). */
export function statusLabel(task: Task, done: boolean, today: string): StatusLabel {
  if (done) return '已办结';
  if (task.deadline.kind !== 'by') return '未到期';
  if (task.deadline.date < today) return '已逾期';
  return daysBetween(isoDate(today), isoDate(task.deadline.date)) <= DUE_SOON_DAYS ? '即将到期' : '未到期';
}
