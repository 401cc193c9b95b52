import pino from 'pino';
import { describe, expect, it } from 'vitest';
import type { Incoming } from '../../src/conversation/types.js';
import { buildFromSeeds } from '../../src/library/open.js';
import { testApp } from '../helpers/app.js';
import { planFolder } from '../helpers/plan.js';

const seeds = planFolder();
const engine = await buildFromSeeds(seeds, pino({ level: 'silent' }));

async function chat(today = '2016-07-05') {
  const { conversation } = await testApp(seeds, { engine });
  const say = async (text: string, userId = 7) => {
    const msg: Incoming = { chatId: 7, chatType: 'private', userId, text, isBotAdmin: false, isChatAdmin: async () => true, today };
    const replies = await conversation.handle(msg);
    // /unit asks the bot admins to grant it: a bot admin presses 批准 at once.
    const request = replies.find((r) => r.to === 'bot-admins')?.buttons?.[0][0];
    if (request) await conversation.handleCallback({ chatId: 1001, userId: 1001, data: request.data, isBotAdmin: true, today });
    return replies[0];
  };
  return { say };
}

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

  it('reports per unit with a PNG chart, and exports an .xlsx', async () => {
    const { say } = await chat();
    await say('/unit 测试 县财政局');
    await say('/done 测试 1');
    const report = await say('/report 测试');
    expect(report.text.split('\n').slice(1)).toEqual(['• 县财政局：3 项｜已办结 1｜未办结 2｜已逾期 0', '• 县审计局：1 项｜已办结 0｜未办结 1｜已逾期 0']);
    expect(report.photo!.png.subarray(1, 4).toString()).toBe('PNG');
    const exported = await say('/export');
    expect(exported.file!.filename).toMatch(/\.xlsx$/);
    expect(exported.file!.bytes.subarray(0, 2).toString()).toBe('PK');
  }, 60_000);
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
    expect(report.slice(1)).toEqual([
      '• 县财政局：3 项｜已办结 0｜未办结 3｜已逾期 1',
      '• 县审计局：1 项｜已办结 0｜未办结 1｜已逾期 1',
      '其中已结束的方案：测试县2016年度（/archive 文档 可归档，不再统计和提醒）',
    ]);
  }, 60_000);
});

function firstLine(r: { text: string }): string {
  return r.text.split('\n')[0];
}
