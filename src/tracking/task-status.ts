import { z } from 'zod';
import type { Task } from '../domain/task.js';
import type { KeyValueStore } from '../store/store.js';

/** One change of a task's state: who closed or reopened it, when, with what note. */
export const StatusEntry = z.object({ state: z.enum(['open', 'done']), by: z.string(), at: z.string(), note: z.string() });
export type StatusEntry = z.infer<typeof StatusEntry>;

/** A task's state with its history (a reopened task keeps its earlier entries). */
export const TaskState = z.object({ state: z.enum(['open', 'done']), history: z.array(StatusEntry) });
export type TaskState = z.infer<typeof TaskState>;

/** What a reader sees beside a deadline. */
export type StatusLabel = '已办结' | '未到期' | '即将到期' | '已逾期';

/** Days before a dated deadline at which a task counts as 即将到期. */
export const DUE_SOON_DAYS = 7;

/**
 * Task states (办结 / reopened), kept in the store under the task's id (document + 序号 + 子项 +
 * ordinal, stable across reloads of the same file), so a /reload never loses or mis-attaches one.
 */
export class StatusBook {
  constructor(private readonly store: KeyValueStore) {}

  get(taskId: string): TaskState | undefined {
    const parsed = TaskState.safeParse(this.store.read('status', taskId));
    return parsed.success ? parsed.data : undefined;
  }

  isDone(taskId: string): boolean {
    return this.get(taskId)?.state === 'done';
  }

  set(taskId: string, state: 'open' | 'done', by: string, note: string, at = new Date().toISOString()): TaskState {
    const prev = this.get(taskId);
    const next: TaskState = { state, history: [...(prev?.history ?? []), { state, by, at, note }] };
    this.store.write('status', taskId, next);
    return next;
  }

  all(): Map<string, TaskState> {
    const out = new Map<string, TaskState>();
    for (const { key, value } of this.store.list('status')) {
      const parsed = TaskState.safeParse(value);
      if (parsed.success) out.set(key, parsed.data);
    }
    return out;
  }
}

/** The label of a task on a day: done, or by its dated deadline (undated open tasks are 未到期). */
export function statusLabel(task: Task, done: boolean, today: string): StatusLabel {
  if (done) return '已办结';
  if (task.deadline.kind !== 'by') return '未到期';
  if (task.deadline.date < today) return '已逾期';
  return daysBetween(today, task.deadline.date) <= DUE_SOON_DAYS ? '即将到期' : '未到期';
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86400000);
}
