import { readFileSync } from 'node:fs';
import type { Task } from '../../src/domain/task.js';

/** Hand-read expected records (gold format, the task record without region/year/line), one JSON object per line. */
export type ExpectedRecord = Pick<Task, 'doc' | 'seq' | 'item' | 'task' | 'requirement' | 'lead' | 'responsible' | 'deadline_raw'> & {
  deadline: { kind: string; date?: string; every?: string; milestones?: string[] };
};

export function readJsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}

/** The deadline without its free text, for comparing kinds, dates and intervals. */
export function deadlineKey(d: { kind: string; date?: string; every?: string }): string {
  return [d.kind, d.date ?? '', d.every ?? ''].join('|');
}
