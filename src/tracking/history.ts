import { formatTask } from '../answer/format-text.js';
import type { IndexedTask } from '../search/corpus.js';
import { periodLabel, periodOf } from './period.js';
import { closureIn, closureView, dayOf, periodKeyOf, type TaskRecord, whoDid } from './task-status.js';

/**
 * /history 引用 (pure): the task with its status as of `today`, then every change of its record,
 * oldest first — closed, reopened, which period, by whom, on which day, with what note.
 */
export function historyText(task: IndexedTask, record: TaskRecord | undefined, today: string): string {
  const period = periodOf(task.task, today);
  const head = formatTask(task, today, { closed: closureView(record && closureIn(record, period)) });
  const entries = record?.history ?? [];
  if (!entries.length) return `${head}\n还没有办理记录。`;
  const lines = entries.map((e) => {
    const key = period && periodKeyOf(e, period);
    const note = e.note ? `：${e.note}` : '';
    return `• ${dayOf(e)} ${e.state === 'done' ? '办结' : '重新打开'}${key ? `（${periodLabel(key)}）` : ''} ${whoDid(e)}${note}`;
  });
  return [head, `办理记录（${entries.length} 条）：`, ...lines].join('\n');
}
