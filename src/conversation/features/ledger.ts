import type { IndexedTask } from '../../search/corpus.js';
import { reportChart } from '../../tracking/chart.js';
import { exportXlsx } from '../../tracking/export.js';
import { reportRows, reportText } from '../../tracking/report.js';
import { planEnded } from '../../domain/status-label.js';
import type { CommandRequest, Feature } from '../command.js';
import type { ConversationCore } from '../core.js';
import type { Reply } from '../types.js';
import { echo } from '../echo.js';
import { endedPlans, tasksOf } from './task-lists.js';

/** The 台账 side of tracking: reports (/report) and the exported workbook (/export). */
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
      description: '导出任务台账（Excel）',
      who: 'everyone',
      handle: async ({ msg, args, unit }, core) => {
        const subject = args || unit;
        if (!subject) return [{ text: '用法：/export 单位（或先 /unit 绑定本单位）' }];
        const tasks = tasksOf(core.ask(subject, msg.today));
        if (!tasks.length) return [{ text: `没有「${echo(subject)}」的任务可导出。` }];
        const bytes = await exportXlsx(tasks, core.doneOn(msg.today), msg.today, (id) => core.status.closedBy(id));
        return [{ text: `「${echo(subject)}」任务台账：${tasks.length} 项`, file: { bytes, filename: `任务台账-${echo(subject.replace(/\s+/g, ''), 40)}-${msg.today}.xlsx` } }];
      },
    },
  ],
};

/** /report [单位|文档]: per unit due, done and overdue counts over the plans not archived (ended ones named), as text and as a chart. */
async function report({ msg, args, unit }: CommandRequest, core: ConversationCore): Promise<Reply[]> {
  const kept = (d: { doc: string }) => !core.deps.plans.isArchived(d.doc);
  const subject = args || unit;
  let tasks: IndexedTask[];
  let title: string;
  if (subject) {
    const result = core.ask(subject, msg.today);
    tasks = result.groups.filter((g) => kept(g.doc)).flatMap((g) => (result.query.unit ? g.sections.filter((s) => s.kind !== 'collective') : g.sections).flatMap((s) => s.tasks));
    title = `${subject} 任务办理情况`;
  } else {
    tasks = core.deps.library.current.corpus.tasks.filter((t) => kept(t.doc));
    title = '各方案任务办理情况';
  }
  const rows = reportRows(tasks, core.doneOn(msg.today), msg.today);
  const ended = endedPlans(tasks.filter((t) => planEnded(t.doc.year, msg.today)));
  const text = reportText(`${title}（截至 ${msg.today}）`, rows) + (ended && rows.length ? `\n其中已结束的方案：${ended}（/archive 文档 可归档，不再统计和提醒）` : '');
  if (!rows.length) return [{ text }];
  return [{ text, photo: { png: await reportChart(title, rows), filename: 'report.png' } }];
}

