import { z } from 'zod';
import type { ClosureView } from '../answer/format-text.js';
import { parseIsoDate } from '../domain/calendar.js';
import type { KeyValueStore } from '../store/store.js';
import { periodContaining, periodLabel, type Period } from './period.js';

/** Who changed a task's state: the Telegram user (id, and the name they go by). */
export const Actor = z.object({ id: z.number(), name: z.string().optional() });
export type Actor = z.infer<typeof Actor>;

/**
 * One change of a task's state: for which unit (`by`) and by whom (`user`; absent in older records),
 * when (`at`, the instant; `day`, the local day it was made on), with what note, and — for a
 * periodic task — which period it closes or reopens (`period`, 2016-Q2). Older entries have no
 * `day` (read as the day of `at`) and no `period` (read as the period holding that day).
 */
export const StatusEntry = z.object({
  state: z.enum(['open', 'done']),
  by: z.string(),
  user: Actor.optional(),
  at: z.string(),
  note: z.string(),
  day: z.string().optional(),
  period: z.string().optional(),
});
export type StatusEntry = z.infer<typeof StatusEntry>;

/**
 * Every change of a task's state, oldest first (a reopened task keeps its earlier entries). An older
 * record also stored `state`, always its last entry's: it parses, and the history says the same.
 */
export const TaskRecord = z.object({ history: z.array(StatusEntry) });
export type TaskRecord = z.infer<typeof TaskRecord>;

/** What a change records besides its state and instant: the local day (default: the day of the instant) and the period it is about. */
export type Change = Pick<StatusEntry, 'by' | 'user' | 'note' | 'day'> & { period?: Period };

/**
 * Task states (办结 / reopened), kept in the store under the task's id (document + 序号 + 子项 +
 * ordinal, stable across reloads of the same file), so a /reload never loses or mis-attaches one.
 * A periodic task is closed one period at a time: its record holds every period's changes.
 */
export class StatusBook {
  constructor(private readonly store: KeyValueStore) {}

  get(taskId: string): TaskRecord | undefined {
    const parsed = TaskRecord.safeParse(this.store.read('status', taskId));
    return parsed.success ? parsed.data : undefined;
  }

  /** The 办结 that closes a task (`period`: its instance of a periodic task); undefined while open. */
  closure(taskId: string, period?: Period): StatusEntry | undefined {
    const record = this.get(taskId);
    return record && closureIn(record, period);
  }

  isDone(taskId: string, period?: Period): boolean {
    return this.closure(taskId, period) !== undefined;
  }

  /** Appends a change (closing or reopening the task, or one period of it). */
  set(taskId: string, state: 'open' | 'done', change: Change, at = new Date().toISOString()): TaskRecord {
    const { period, ...rest } = change;
    const entry: StatusEntry = { state, ...rest, at, ...(period ? { period: period.key } : {}) };
    const next: TaskRecord = { history: [...(this.get(taskId)?.history ?? []), entry] };
    this.store.write('status', taskId, next);
    return next;
  }

  all(): Map<string, TaskRecord> {
    const out = new Map<string, TaskRecord>();
    for (const { key, value } of this.store.list('status')) {
      const parsed = TaskRecord.safeParse(value);
      if (parsed.success) out.set(key, parsed.data);
    }
    return out;
  }
}

/** The 办结 that closes a task in a record (`period`: that instance of a periodic task): its latest change, when that closed it. */
export function closureIn(record: TaskRecord, period?: Period): StatusEntry | undefined {
  const entries = period ? record.history.filter((e) => periodKeyOf(e, period) === period.key) : record.history;
  const last = entries[entries.length - 1];
  return last?.state === 'done' ? last : undefined;
}

/** The period a change is about, for a task recurring like `like`: its own, or (an older entry) the one holding its day. */
export function periodKeyOf(e: StatusEntry, like: Pick<Period, 'every'>): string | undefined {
  if (e.period) return e.period;
  const day = dayOf(e);
  return parseIsoDate(day) ? periodContaining(like.every, day).key : undefined;
}

/** The local day a change was made on (an older entry: the day of its instant). */
export function dayOf(e: StatusEntry): string {
  return e.day ?? e.at.slice(0, 10);
}

/** A 办结 as answers, /mine and /todo show it: who, the day, the note, the period's name; undefined for none. */
export function closureView(e: StatusEntry | undefined): ClosureView | undefined {
  return e && { who: whoDid(e), day: dayOf(e), note: e.note, ...(e.period ? { period: periodLabel(e.period) } : {}) };
}

/** Who made a change, as people read it: the user (Li @user7（id 7）), or for older entries the unit. */
export function whoDid(e: StatusEntry): string {
  return e.user ? actorName(e.user) : e.by;
}

/** Someone who acted, as people read it: Li @user7（id 7）. */
export function actorName(a: Actor): string {
  return `${a.name ?? ''}（id ${a.id}）`;
}
