import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { buildFromSeeds } from '../../src/library/open.js';
import { privateChat } from '../helpers/chat.js';
import { planFolder } from '../helpers/plan.js';

const seeds = planFolder();
const engine = await buildFromSeeds(seeds, pino({ level: 'silent' }));

const chat = (today?: string) => privateChat(seeds, { engine, today });

describe('办结 in chat', () => {
  it('lets a bound unit close its own task, shows the status, and reopens it with /undo', async () => {
    const { say } = await chat();
    await say('/unit 测试 县财政局');
    expect((await say('/todo')).text.split('\n')[0]).toBe('【测试 县财政局】未办结 3 项，其中已逾期 1 项');
    expect((await say('/done 测试 1 已在政府网站公开')).text).toMatch(/^已办结：• \[测试 1\] 公开县本级部门预算/);
    expect((await say('测试县财政局有哪些任务')).text).toContain('时限：2016-06-30 前（已办结）');
    expect((await say('/todo')).text.split('\n')[0]).toBe('【测试 县财政局】未办结 2 项，其中已逾期 0 项');
    await say('/undo 测试 1');
    expect((await say('测试县财政局有哪些任务')).text).toContain('时限：2016-06-30 前（已逾期）');
  });

  it("refuses to close another unit's task", async () => {
    const { say } = await chat();
    await say('/unit 测试 县财政局');
    expect((await say('/done 测试 3')).text).toBe('[测试 3] 不是「测试 县财政局」牵头或负责的任务，不能由本单位办结。');
  });
});

describe('status questions in chat', () => {
  it('count the 办结 record as /todo and /report count, for 我单位', async () => {
    const { say } = await chat();
    await say('/unit 测试 县财政局');
    await say('/done 测试 1');
    expect(firstLine(await say('我单位还有几项没完成'))).toBe('县财政局 未办结 2 项。');
    expect(firstLine(await say('我单位办结了多少'))).toBe('县财政局 已办结 1 项。');
    expect((await say('/todo')).text.split('\n')[0]).toBe('【测试 县财政局】未办结 2 项，其中已逾期 0 项');
    expect((await say('测试县逾期的有哪些')).text).not.toContain('[测试 1]');
  });
});

describe('a plan whose year ended', () => {
  it('stays in /todo and /report, said to have ended, its undated tasks neither 未到期 nor dropped', async () => {
    const { say } = await chat('2017-03-01');
    await say('/unit 测试 县财政局');
    const todo = (await say('/todo')).text.split('\n');
    expect(todo.slice(0, 2)).toEqual(['【测试 县财政局】未办结 3 项，其中已逾期 1 项（已结束的方案中 3 项）', '— 已结束的方案：测试县2016年度 —']);
    expect(todo.filter((l) => l.startsWith('  时限：')).map((l) => l.replace(/｜.*/, ''))).toEqual(['  时限：2016-06-30 前（已逾期）', '  时限：每月（方案已结束）', '  时限：全年/长期（方案已结束）']);
    const report = (await say('/report 测试')).text.split('\n');
    expect(report.slice(2)).toEqual([
      '合计 4 项任务（每项只计一次）：已办结 0｜已逾期 2｜方案已结束 2',
      '各单位（2 个，牵头或责任）：每项任务只写了一个单位。',
      '• 县财政局：3 项｜已办结 0｜已逾期 1｜方案已结束 2',
      '• 县审计局：1 项｜已办结 0｜已逾期 1｜方案已结束 0',
      '其中已结束的方案：测试县2016年度（/archive 文档 可归档，不再统计和提醒）',
    ]);
  }, 60_000);
});

function firstLine(r: { text: string }): string {
  return r.text.split('\n')[0];
}
