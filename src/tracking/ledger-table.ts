import { citation, describeDeadline } from '../answer/format-text.js';
import { statusLabel } from '../domain/status-label.js';
import type { IndexedTask } from '../search/corpus.js';
import { planLine } from './report.js';
import { dayOf, type StatusEntry, whoDid } from './task-status.js';

/** One row of the 台账: a task with where it is printed, what it asks, who, by when, and its 办结. */
export interface LedgerRow {
  no: number;
  cite: string;
  task: string;
  requirement: string;
  lead: string;
  responsible: string;
  deadlineRaw: string;
  deadline: string;
  status: string;
  closedBy: string;
  closedAt: string;
  note: string;
}

export interface LedgerColumn {
  key: keyof LedgerRow;
  header: string;
  /** Width in characters of the default font (a Chinese character takes two). */
  width: number;
}

/** The 台账 as data, for the workbook and the CSV alike: a title, the line under it, the columns and the rows. */
export interface Ledger {
  title: string;
  subtitle: string;
  columns: LedgerColumn[];
  rows: LedgerRow[];
}

/** What the 台账 reads about a task's 办结 on the day of export. */
export interface LedgerStatus {
  isDone: (taskId: string) => boolean;
  /** The entry that closes the task's current period, or undefined when it is open. */
  closure: (taskId: string) => StatusEntry | undefined;
  today: string;
}

/**
 * The 台账 of some tasks (a task listed twice, by id, once): the title names the subject and the
 * plans, the line under it the regions, years, the day of export and the count; a row per task
 * with 序号, its citation (what /done takes), the deadline as printed and as read, the status the
 * answers show, and who closed it, when and with what note.
 */
export function buildLedger(subject: string, tasks: IndexedTask[], s: LedgerStatus): Ledger {
  const distinct = [...new Map(tasks.map((t) => [t.id, t])).values()];
  const docs = [...new Map(distinct.map((t) => [t.doc.doc, t.doc])).values()];
  const listed = (values: Array<string | number | null>) => [...new Set(values.filter((v) => v !== null && v !== ''))].join('、') || '未识别';
  return {
    title: `${subject} 任务台账`,
    subtitle: [
      `方案：${planLine(docs.map((d) => ({ title: d.title, region: d.region, year: d.year })))}`,
      `地区：${listed(docs.map((d) => d.region))}`,
      `年度：${listed(docs.map((d) => d.year))}`,
      `导出日期：${s.today}`,
      `共 ${distinct.length} 项`,
    ].join('　'),
    columns: LEDGER_COLUMNS,
    rows: distinct.map((t, i) => {
      const closing = s.closure(t.id);
      return {
        no: i + 1,
        cite: citation(t.task, t.doc),
        task: t.task.task,
        requirement: t.task.requirement,
        lead: t.task.lead.join('、'),
        responsible: t.task.responsible.join('、'),
        deadlineRaw: t.task.deadline_raw,
        deadline: describeDeadline(t.task.deadline),
        status: statusLabel(t.task, s.isDone(t.id), s.today),
        closedBy: closing ? whoDid(closing) : '',
        closedAt: closing ? dayOf(closing) : '',
        note: closing?.note ?? '',
      };
    }),
  };
}

/**
 * The columns, sized so that the sheet fits A4 landscape at about 90 %: the requirement gets the
 * most room, the short fields the least (161 width units in all).
 */
export const LEDGER_COLUMNS: LedgerColumn[] = [
  { key: 'no', header: '序号', width: 5 },
  { key: 'cite', header: '引用', width: 10 },
  { key: 'task', header: '工作任务', width: 14 },
  { key: 'requirement', header: '具体要求', width: 40 },
  { key: 'lead', header: '牵头单位', width: 13 },
  { key: 'responsible', header: '责任单位', width: 13 },
  { key: 'deadlineRaw', header: '完成时限（原文）', width: 11 },
  { key: 'deadline', header: '完成时限（规范）', width: 11 },
  { key: 'status', header: '状态', width: 7 },
  { key: 'closedBy', header: '办结人', width: 12 },
  { key: 'closedAt', header: '办结时间', width: 11 },
  { key: 'note', header: '说明', width: 14 },
];
