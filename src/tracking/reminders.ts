import type { IndexedTask } from '../search/corpus.js';
import { addDays, addMonths, daysBetween, isoDate } from '../domain/calendar.js';
import { periodOf, type Period } from './period.js';

/** A chat that receives reminders for one unit's tasks. */
export interface Subscription {
  chatId: number;
  /** The unit as bound (蕉岭 县财政局): the words its tasks are found with. */
  unit: string;
  /** Days before a deadline to remind (default 7, 1 and the due day, 0). */
  days: number[];
}

/** What a reminder is about: a dated deadline (coming or passed), a milestone (an earlier date of it), or the last day of a periodic task's period. */
export type ReminderKind = 'deadline' | 'milestone' | 'period';

export interface Reminder {
  chatId: number;
  /** The unit whose task it is (as bound). */
  unit: string;
  task: IndexedTask;
  kind: ReminderKind;
  /** The day reminded about: the deadline, the milestone, or the period's last day. */
  date: string;
  /** Days left until `date` (negative when overdue). */
  daysLeft: number;
  /** For a periodic task, the period reminded about. */
  period?: Period;
  /** Identifies this reminder for this date: sent once, ever. */
  key: string;
}

export const DEFAULT_DAYS = [7, 1, 0];

/** Weeks after a deadline during which an open task is reminded weekly; monthly after that. */
const WEEKLY_OVERDUE_WEEKS = 8;

/**
 * The reminders due on `today` (pure: no clock, no I/O). For each subscribed chat and each open
 * task of its unit (`closed` says which are done — for a periodic task, its current period):
 * a dated deadline `days` before (7, 1, the due day), then weekly while overdue and monthly after
 * 8 weeks, until the task is closed — the plan's year ending does not stop it; each milestone (an
 * earlier date of the deadline) `days` before; a periodic task `days` before the end of its period,
 * within the plan's year. Of a task's reminders only the latest due one counts: sent once (`sent`
 * knows), and when several passed unsent (the bot was down) the older ones are never sent.
 */
export function dueReminders(
  today: string,
  subs: Subscription[],
  tasksOf: (unit: string) => IndexedTask[],
  closed: (task: IndexedTask) => boolean,
  sent: (chatId: number, key: string) => boolean,
): Reminder[] {
  const out: Reminder[] = [];
  const points = new PointCache(today);
  for (const sub of subs) {
    const days = [...new Set(sub.days)].sort((a, b) => a - b);
    const daysKey = days.join(',');
    for (const task of tasksOf(sub.unit)) {
      const due = taskPoints(task, today, days, daysKey, points);
      if (!due.length || closed(task)) continue;
      for (const p of due) {
        const key = `${task.id}|${p.date}|${p.mark}`;
        if (!sent(sub.chatId, key)) out.push({ chatId: sub.chatId, unit: sub.unit, task, kind: p.kind, date: p.date, daysLeft: p.daysLeft, period: p.period, key });
      }
    }
  }
  return out;
}

interface Point {
  kind: ReminderKind;
  date: string;
  /** Which reminder of the date it is: d7, d1, d0 before; w1…w8 weekly after; mo1, mo2… monthly; ms7… for a milestone; p7… for a period. */
  mark: string;
  daysLeft: number;
  period?: Period;
}

/** The latest due reminder of each date a task has on `today`: its deadline, its milestones still to come, its period's end. */
function taskPoints(task: IndexedTask, today: string, days: number[], daysKey: string, cache: PointCache): Point[] {
  const d = task.task.deadline;
  if (d.kind === 'by') {
    const out: Point[] = [];
    const deadline = cache.deadline(d.date, days, daysKey);
    if (deadline) out.push({ kind: 'deadline', date: d.date, ...deadline });
    for (const m of d.milestones ?? []) {
      const before = m >= today ? cache.before(m, days, daysKey) : undefined;
      if (before) out.push({ kind: 'milestone', date: m, mark: `ms${before.n}`, daysLeft: before.daysLeft });
    }
    return out;
  }
  const period = periodOf(task.task, today);
  // A period the plan's year no longer reaches (its last one, asked about later) is not reminded.
  if (!period || period.end < today || period.start > today) return [];
  const before = cache.before(period.end, days, daysKey);
  return before ? [{ kind: 'period', date: period.end, mark: `p${before.n}`, daysLeft: before.daysLeft, period }] : [];
}

/** The reminder points of the dates of a day, each computed once: the same few deadlines recur across thousands of chats. */
class PointCache {
  private readonly before_ = new Map<string, { n: number; daysLeft: number } | null>();
  private readonly deadline_ = new Map<string, { mark: string; daysLeft: number } | null>();

  constructor(private readonly today: string) {}

  /** The threshold of `days` (days before the date) last reached on or before today, the date not passed. */
  before(date: string, days: number[], daysKey: string): { n: number; daysLeft: number } | undefined {
    const k = `${date}|${daysKey}`;
    let v = this.before_.get(k);
    if (v === undefined) {
      const daysLeft = daysBetween(isoDate(this.today), isoDate(date));
      const n = days.find((x) => x >= daysLeft);
      this.before_.set(k, (v = daysLeft >= 0 && n !== undefined ? { n, daysLeft } : null));
    }
    return v ?? undefined;
  }

  /** A deadline's latest reminder on or before today: before it, on its day, weekly for 8 weeks after, then monthly. */
  deadline(date: string, days: number[], daysKey: string): { mark: string; daysLeft: number } | undefined {
    const k = `${date}|${daysKey}`;
    let v = this.deadline_.get(k);
    if (v === undefined) {
      const before = this.before(date, days, daysKey);
      v = before ? { mark: `d${before.n}`, daysLeft: before.daysLeft } : this.overdue(date);
      this.deadline_.set(k, v);
    }
    return v ?? undefined;
  }

  private overdue(date: string): { mark: string; daysLeft: number } | null {
    const since = daysBetween(isoDate(date), isoDate(this.today));
    if (since <= 0) return null;
    const weeks = Math.floor(since / 7);
    // Within a week of the deadline, the due day's reminder is the latest (sent late if the bot was down).
    if (weeks <= WEEKLY_OVERDUE_WEEKS) return { mark: weeks ? `w${weeks}` : 'd0', daysLeft: -since };
    const from = addDays(isoDate(date), 7 * WEEKLY_OVERDUE_WEEKS);
    let months = Math.max(0, (Number(this.today.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(this.today.slice(5, 7)) - Number(from.slice(5, 7)));
    if (addMonths(from, months) > this.today) months--;
    return { mark: months ? `mo${months}` : `w${WEEKLY_OVERDUE_WEEKS}`, daysLeft: -since };
  }
}
