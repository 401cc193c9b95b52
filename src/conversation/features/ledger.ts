import type { IndexedTask } from '../../search/corpus.js';
import { reportChart } from '../../tracking/chart.js';
import { exportCsv } from '../../tracking/export-csv.js';
import { exportXlsx } from '../../tracking/export.js';
import { buildLedger } from '../../tracking/ledger-table.js';
import { buildReport, reportText } from '../../tracking/report.js';
import { planEnded } from '../../domain/status-label.js';
import type { CommandRequest, Feature } from '../command.js';
import type { ConversationCore } from '../core.js';
import type { Reply } from '../types.js';
import { echo } from '../echo.js';
import { endedPlans, tasksOf } from './task-lists.js';

/** The 台账 side of tracking: reports (/report) and the exported 台账 (/export, .xlsx or .csv). */
export const ledgerFeature: Feature = {
  commands: [
    {
      command: 'report',
      description: '办理情况统计和图表',
      who: 'admin-or-bound',
      refusal: '只有管理员或已绑定单位的用户可以查看报告。',
      handle: report,
    },
    {
      command: 'export',
      description: '导出任务台账（Excel，加 csv 导出 CSV）',
      who: 'everyone',
      handle: exportLedger,
    },
  ],
};

/** /report [单位|文档]: the distinct tasks over the plans not archived (ended ones named), per unit by status, as text and as a chart. */
async function report({ msg, args, unit }: CommandRequest, core: ConversationCore): Promise<Reply[]> {
  const kept = (d: { doc: string }) => !core.deps.plans.isArchived(d.doc);
  const subject = args || unit;
  let tasks: IndexedTask[];
  if (subject) {
    const result = core.ask(subject, msg.today);
    tasks = result.groups.filter((g) => kept(g.doc)).flatMap((g) => (result.query.unit ? g.sections.filter((s) => s.kind !== 'collective') : g.sections).flatMap((s) => s.tasks));
  } else {
    const { corpus } = core.deps.library.current;
    tasks = corpus.docs.filter(kept).flatMap((d) => corpus.tasksOf(d.doc));
  }
  const built = buildReport(subject ? `${subject} 任务办理情况` : '各方案任务办理情况', tasks, core.doneOn(msg.today), msg.today);
  const ended = endedPlans(tasks.filter((t) => planEnded(t.doc.year, msg.today)));
  const text = reportText(built) + (ended && built.all.total ? `\n其中已结束的方案：${ended}（/archive 文档 可归档，不再统计和提醒）` : '');
  if (!built.all.total) return [{ text }];
  return [{ text, photo: { png: await reportChart(built), filename: 'report.png' } }];
}

/** /export [单位] [csv]: the 台账 of a subject (else the bound unit) as .xlsx, or as .csv with the same columns. */
async function exportLedger({ msg, args, unit }: CommandRequest, core: ConversationCore): Promise<Reply[]> {
  const words = args.split(/\s+/).filter(Boolean);
  const csv = words.some((w) => /^csv$/i.test(w));
  const subject = words.filter((w) => !/^(csv|xlsx)$/i.test(w)).join(' ') || unit;
  if (!subject) return [{ text: '用法：/export 单位（或先 /unit 绑定本单位）；加 csv 导出 CSV，例如 /export 蕉岭 县财政局 csv' }];
  const tasks = tasksOf(core.ask(subject, msg.today));
  if (!tasks.length) return [{ text: `没有「${echo(subject)}」的任务可导出。` }];
  const ledger = buildLedger(subject, tasks, { isDone: core.doneOn(msg.today), closure: (id) => core.closure(id, msg.today), today: msg.today });
  const bytes = csv ? exportCsv(ledger) : await exportXlsx(ledger);
  const filename = `任务台账-${echo(subject.replace(/\s+/g, ''), 40)}-${msg.today}.${csv ? 'csv' : 'xlsx'}`;
  return [{ text: `「${echo(subject)}」任务台账：${ledger.rows.length} 项`, file: { bytes, filename } }];
}
