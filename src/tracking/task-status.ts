import { z } from 'zod';
import type { KeyValueStore } from '../store/store.js';

/** One change of a task's state: who closed or reopened it, when, with what note. */
export const StatusEntry = z.object({ state: z.enum(['open', 'done']), by: z.string(), at: z.string(), note: z.string() });
export type StatusEntry = z.infer<typeof StatusEntry>;

/** A task's state with its history (a reopened task keeps its earlier entries). */
export const TaskState = z.object({ state: z.enum(['open', 'done']), history: z.array(StatusEntry) });
export type TaskState = z.infer<typeof TaskState>;

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

