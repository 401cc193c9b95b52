import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { buildFromSeeds } from '../../src/library/open.js';
import { exportCsv } from '../../src/tracking/export-csv.js';
import { exportXlsx, HEADER_ROW } from '../../src/tracking/export.js';
import { buildLedger, LEDGER_COLUMNS } from '../../src/tracking/ledger-table.js';
import type { StatusEntry } from '../../src/tracking/task-status.js';
import { planFolder } from '../helpers/plan.js';

const engine = await buildFromSeeds(planFolder(), pino({ level: 'silent' }));
const tasks = engine.corpus.tasks;
// The first task closed by Li, with a note a CSV must quote (a comma, quotes, a line break).
const CLOSED: StatusEntry = { state: 'done', by: '测试 县财政局', user: { id: 7, name: 'Li @user7' }, at: '2016-07-01T02:00:00.000Z', day: '2016-07-01', note: '已公开，见“预算公开”专栏\n第二行' };
const ledger = buildLedger('测试 县财政局', tasks, { isDone: (id) => id === tasks[0].id, closure: (id) => (id === tasks[0].id ? CLOSED : undefined), today: '2016-07-05' });

async function workbook(): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  // exceljs types its Buffer as an ArrayBuffer; a Node Buffer is what it reads.
  await wb.xlsx.load((await exportXlsx(ledger)) as unknown as ExcelJS.Buffer);
  return wb.getWorksheet('任务台账')!;
}

describe('the exported 台账 (.xlsx)', () => {
  it('has a title row and a line naming the plan, region, year and the day of export, across the columns', async () => {
    const ws = await workbook();
    expect(ws.getCell('A1').value).toBe('测试 县财政局 任务台账');
    expect(ws.getCell('A2').value).toBe('方案：测试县2016年政务公开工作要点分工方案（测试县，2016年度）　地区：测试县　年度：2016　导出日期：2016-07-05　共 4 项');
    const last = ws.getRow(1).getCell(LEDGER_COLUMNS.length);
    expect(last.isMerged && last.master.address).toBe('A1');
    expect(ws.getRow(2).getCell(LEDGER_COLUMNS.length).master.address).toBe('A2');
  });

  it('has the 台账 columns, their widths, and a row per task with its 办结', async () => {
    const ws = await workbook();
    const headers = (ws.getRow(HEADER_ROW).values as unknown[]).slice(1);
    expect(headers).toEqual(['序号', '引用', '工作任务', '具体要求', '牵头单位', '责任单位', '完成时限\n（原文）', '完成时限\n（规范）', '状态', '办结人', '办结时间', '说明']);
    expect(ws.columns.map((c) => c.width)).toEqual(LEDGER_COLUMNS.map((c) => c.width));
    const row = (n: number) => (ws.getRow(HEADER_ROW + n).values as unknown[]).slice(1);
    expect(row(1)).toEqual([1, '测试 1', '推进预算公开', '公开县本级部门预算和“三公”经费预算。', '县财政局', '', '2016年6月30日前', '2016-06-30 前', '已办结', 'Li @user7（id 7）', '2016-07-01', CLOSED.note]);
    expect(row(2)).toEqual([2, '测试 2', '推进财政信息公开', '按月公开全县一般公共预算收支情况。', '县财政局', '', '每月', '每月', '未到期', '', '', '']);
    expect(ws.rowCount).toBe(HEADER_ROW + 4);
  });

  it('prints on A4 landscape, fitted to the width, the header row frozen and repeated on every page', async () => {
    const ws = await workbook();
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '3:3' });
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: HEADER_ROW });
    expect(ws.headerFooter.oddFooter).toBe('&C第 &P 页，共 &N 页');
  });

  it('wraps and borders every cell of the table, and makes a row as tall as its longest text', async () => {
    const ws = await workbook();
    for (let r = HEADER_ROW; r <= ws.rowCount; r++) {
      for (let c = 1; c <= LEDGER_COLUMNS.length; c++) {
        const cell = ws.getRow(r).getCell(c);
        expect(cell.alignment?.wrapText, cell.address).toBe(true);
        for (const side of ['top', 'left', 'bottom', 'right'] as const) expect(cell.border?.[side]?.style, `${cell.address} ${side}`).toBe('thin');
      }
    }
    // Row 1's note has two lines and its 办结人 wraps: taller than row 2's one-line cells.
    expect(ws.getRow(HEADER_ROW + 1).height).toBeGreaterThan(ws.getRow(HEADER_ROW + 2).height);
  });
});

describe('the exported 台账 (.csv)', () => {
  it('has the workbook’s columns and rows, quoted where needed, in UTF-8 with a byte-order mark', () => {
    const bytes = exportCsv(ledger);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const records = parse(bytes.toString('utf8').slice(1)) as string[][];
    expect(records[0]).toEqual(LEDGER_COLUMNS.map((c) => c.header));
    expect(records[1]).toEqual(['1', '测试 1', '推进预算公开', '公开县本级部门预算和“三公”经费预算。', '县财政局', '', '2016年6月30日前', '2016-06-30 前', '已办结', 'Li @user7（id 7）', '2016-07-01', CLOSED.note]);
    expect(records).toHaveLength(1 + 4);
  });
});
