import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { privateChat } from '../helpers/chat.js';
import { seedEngine } from '../helpers/engine.js';
import { planFolder } from '../helpers/plan.js';
import { copySeeds } from '../helpers/telegram.js';

const chat = async (seeds: string, opts: { today?: string; seedsEngine?: boolean } = {}) =>
  privateChat(seeds, { today: opts.today, engine: opts.seedsEngine ? await seedEngine() : undefined, userName: 'Li @user7' });

describe('/report', () => {
  it('counts the distinct tasks of a seed plan, whatever the units they share', async () => {
    const { say } = await chat(copySeeds(), { today: '2016-09-01', seedsEngine: true });
    const jiaoling = (await seedEngine()).corpus.docs.find((d) => d.region === '蕉岭县')!;
    const report = await say('/report 蕉岭', { isBotAdmin: true });
    const lines = report.text.split('\n');
    expect(lines[2]).toMatch(new RegExp(`^合计 ${jiaoling.taskCount} 项任务（每项只计一次）：`));
    expect(lines[3]).toMatch(/^各单位（29 个，牵头或责任）：有 \d+ 项任务写了几个单位，在每个单位下各计一次，所以各单位之和大于合计；/);
    expect(report.photo!.png.subarray(1, 4).toString()).toBe('PNG');
  }, 60_000);

  it('reports a unit’s tasks by status with a PNG chart', async () => {
    const { say } = await chat(planFolder());
    await say('/unit 测试 县财政局');
    await say('/done 测试 1');
    const report = await say('/report 测试');
    expect(report.text.split('\n').slice(2)).toEqual([
      '合计 4 项任务（每项只计一次）：已办结 1｜已逾期 0｜未到期 3',
      '各单位（2 个，牵头或责任）：每项任务只写了一个单位。',
      '• 县财政局：3 项｜已办结 1｜已逾期 0｜未到期 2',
      '• 县审计局：1 项｜已办结 0｜已逾期 0｜未到期 1',
    ]);
    expect(report.photo!.png.subarray(1, 4).toString()).toBe('PNG');
  }, 60_000);
});

describe('/export', () => {
  it('gives the bound unit’s 台账 as .xlsx, with who closed a task, when and the note', async () => {
    const { say } = await chat(planFolder());
    await say('/unit 测试 县财政局');
    await say('/done 测试 1 已在政府网站公开');
    const exported = await say('/export');
    expect(exported.text).toBe('「测试 县财政局」任务台账：3 项');
    expect(exported.file!.filename).toBe('任务台账-测试县财政局-2016-07-05.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exported.file!.bytes as unknown as ExcelJS.Buffer);
    const first = (wb.getWorksheet('任务台账')!.getRow(4).values as unknown[]).slice(1);
    expect(first.slice(0, 2)).toEqual([1, '测试 1']);
    expect(first.slice(8)).toEqual(['已办结', 'Li @user7（id 7）', '2016-07-05', '已在政府网站公开']);
  });

  it('gives a .csv with the same columns when asked for csv', async () => {
    const { say } = await chat(planFolder());
    const exported = await say('/export 测试 县审计局 csv');
    expect(exported.file!.filename).toBe('任务台账-测试县审计局-2016-07-05.csv');
    const [header, ...rows] = parse(exported.file!.bytes.toString('utf8').replace(/^\uFEFF/, '')) as string[][];
    expect(header).toEqual(['序号', '引用', '工作任务', '具体要求', '牵头单位', '责任单位', '完成时限（原文）', '完成时限（规范）', '状态', '办结人', '办结时间', '说明']);
    expect(rows.map((r) => r.slice(0, 4))).toEqual([['1', '测试 3', '推进审计公开', '公开年度审计工作报告。']]);
  });
});
