import { citation, describeDeadline } from '../answer/format-text.js';
import type { IndexedTask } from '../search/corpus.js';
import { statusLabel } from '../domain/status-label.js';

/** The 台账 an office pastes from: one row per task with citation, deadline, units, status and who closed it. */
export async function exportXlsx(tasks: IndexedTask[], isDone: (id: string) => boolean, today: string, closedBy: (id: string) => string | undefined): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('任务台账');
  ws.columns = [
    { header: '出处', key: 'cite', width: 14 },
    { header: '文档', key: 'doc', width: 22 },
    { header: '工作任务', key: 'task', width: 30 },
    { header: '具体要求', key: 'req', width: 70 },
    { header: '牵头单位', key: 'lead', width: 24 },
    { header: '责任单位', key: 'resp', width: 24 },
    { header: '完成时限', key: 'deadline', width: 18 },
    { header: '状态', key: 'status', width: 10 },
    { header: '办结人', key: 'by', width: 20 },
  ];
  for (const t of tasks) {
    ws.addRow({
      cite: citation(t.task, t.doc),
      doc: `${t.doc.region}${t.doc.year ?? ''}`,
      task: t.task.task,
      req: t.task.requirement,
      lead: t.task.lead.join('、'),
      resp: t.task.responsible.join('、'),
      deadline: describeDeadline(t.task.deadline),
      status: statusLabel(t.task, isDone(t.id), today),
      by: closedBy(t.id) ?? '',
    });
  }
  ws.getRow(1).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
