import type { Task } from '../../src/domain/task.js';
import { parseText } from '../../src/ingest/parse-document.js';

/** The fields a parser test compares, in record order: seq, item, task, requirement, lead, responsible, deadline. */
export function taskFields(t: Task): unknown[] {
  return [t.seq, t.item, t.task, t.requirement, t.lead, t.responsible, t.deadline];
}

/** The compared fields of every task parsed from a text file. */
export function textTasks(text: string): unknown[][] {
  return parseText(text, 'plan.txt').tasks.map(taskFields);
}
