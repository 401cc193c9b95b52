import type { IndexedTask } from '../search/corpus.js';
import { addDays, daysBetween, endOfPeriod, isoDate } from '../domain/calendar.js';

/** A chat that receives reminders for one unit's tasks. */
export interface Subscription {
  chatId: number;
  /** The unit as bound (蕉岭 县财政局): the words its tasks are found with. */
  unit: string;
  /** Days before a deadline to remind (default 7, 1 and the due day, 0). */
  days: number[];
}

export interface Reminder {
  chatId: number;
  taskId: string;
  /** Identifies this reminder for this deadline: sent once, ever. */
  key: string;
  /** Days left (negative when overdue). */
  daysLeft: number;
  task: IndexedTask;
  /** For periodic tasks, the end of the period reminded about. */
  periodEnd?: string;
}

export const DEFAULT_DAYS = [7, 1, 0];

/**
 * The reminders due on `today` (pure: no clock, no I/O). For each subscribed chat and each open task
 * of its unit in a current plan: a dated deadline is reminded `days` before (7, 1, due day) and
 * weekly while overdue; a periodic task before the end of each period (月/季度/半年/年). What was
 * already sent (`sent`) is never sent again; when several thresholds passed unsent (the bot was
 * down), only the latest is sent and the older ones are marked skipped, so nothing repeats.
 */
export function dueReminders(
  today: string,
  subs: Subscription[],
  tasksOf: (unit: string) => IndexedTask[],
  closed: (task: IndexedTask) => boolean,
  sent: (chatId: number, key: string) => boolean,
): { send: Reminder[]; skip: Array<{ chatId: number; key: string }> } {
  const send: Reminder[] = [];
  const skip: Array<{ chatId: number; key: string }> = [];
  for (const sub of subs) {
    const days = [...new Set(sub.days)].sort((a, b) => b - a);
    for (const task of tasksOf(sub.unit)) {
      if (closed(task)) continue;
      const d = task.task.deadline;
      const points = d.kind === 'by' ? datedPoints(task.id, d.date, days, today) : d.kind === 'periodic' ? periodPoints(task.id, d.every, days, today) : [];
      const due = points.filter((p) => p.on <= today && !sent(sub.chatId, p.key));
      if (!due.length) continue;
      const latest = due[due.length - 1];
      for (const p of due.slice(0, -1)) skip.push({ chatId: sub.chatId, key: p.key });
      send.push({ chatId: sub.chatId, taskId: task.id, key: latest.key, daysLeft: daysBetween(isoDate(today), isoDate(latest.deadline)), task, periodEnd: latest.periodEnd });
    }
  }
  return { send, skip };
}

interface Point {
  key: string;
  /** The day the reminder is due. */
  on: string;
  deadline: string;
  periodEnd?: string;
}

/** addDays, remembered: the same few deadlines recur across thousands of chats. */
const shifted = new Map<string, string>();
function shift(date: string, n: number): string {
  const k = `${date}|${n}`;
  let d = shifted.get(k);
  if (d === undefined) {
    if (shifted.size > 50_000) shifted.clear();
    shifted.set(k, (d = addDays(isoDate(date), n)));
  }
  return d;
}

function datedPoints(id: string, date: string, days: number[], today: string): Point[] {
  const points: Point[] = days.map((n) => ({ key: `${id}|${date}|d${n}`, on: shift(date, -n), deadline: date }));
  // Weekly while overdue: a week after the deadline, two weeks, …
  const weeks = date < today ? Math.floor(daysBetween(isoDate(date), isoDate(today)) / 7) : 0;
  for (let w = 1; w <= weeks; w++) points.push({ key: `${id}|${date}|w${w}`, on: shift(date, 7 * w), deadline: date });
  return points.sort((a, b) => a.on.localeCompare(b.on));
}

function periodPoints(id: string, every: string, days: number[], today: string): Point[] {
  const end = periodEnd(every, today);
  if (!end) return [];
  return days
    .map((n) => ({ key: `${id}|${end}|p${n}`, on: shift(end, -n), deadline: end, periodEnd: end }))
    .sort((a, b) => a.on.localeCompare(b.on));
}

/** The last day of the period (month, quarter, half-year, year) that contains `today`. */
export function periodEnd(every: string, today: string): string | undefined {
  const months = PERIOD_MONTHS[every];
  return months ? endOfPeriod(isoDate(today), months) : undefined;
}

const PERIOD_MONTHS: Record<string, 1 | 3 | 6 | 12 | undefined> = { month: 1, quarter: 3, halfyear: 6, year: 12 };
