import { z } from 'zod';
import type { KeyValueStore } from '../store/store.js';

/** Who changed a task's state: the Telegram user (id, and the name they go by). */
export const Actor = z.object({ id: z.number(), name: z.string().optional() });
export type Actor = z.infer<typeof Actor>;

/** One change of a task's state: for which unit (`by`) and by whom (`user`; absent in older records), when, with what note. */
export const StatusEntry = z.object({ state: z.enum(['open', 'done']), by: z.string(), user: Actor.optional(), at: z.string(), note: z.string() });
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

  set(taskId: string, state: 'open' | 'done', change: Pick<StatusEntry, 'by' | 'user' | 'note'>, at = new Date().toISOString()): TaskState {
    const prev = this.get(taskId);
    const next: TaskState = { state, history: [...(prev?.history ?? []), { state, ...change, at }] };
    this.store.write('status', taskId, next);
    return next;
  }

  /** Who closed a task that is done (the latest 办结), as people read it: Li（id 7）. */
  closedBy(taskId: string): string | undefined {
    const s = this.get(taskId);
    const last = s?.state === 'done' ? s.history[s.history.length - 1] : undefined;
    return last && (last.user ? actorName(last.user) : last.by);
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

/** Someone who acted, as people read it: Li @user7（id 7）. */
export function actorName(a: Actor): string {
  return `${a.name ?? ''}（id ${a.id}）`;
}
