import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { buildFromSeeds } from '../../src/library/open.js';
import { ArchivedPlans } from '../../src/store/archived-plans.js';
import { ChatBindings } from '../../src/store/chat-bindings.js';
import { periodContaining } from '../../src/tracking/period.js';
import { StatusBook } from '../../src/tracking/task-status.js';
import { planFolder } from '../helpers/plan.js';
import { QUARTERLY, YEAR_END, yearPlanFolder } from '../helpers/year-plan.js';
import { morningClock } from './morning-clock.js';

const log = pino({ level: 'silent' });
const small = planFolder();
const smallEngine = await buildFromSeeds(small, log);
const year = yearPlanFolder();
const yearEngine = await buildFromSeeds(year, log);
const close = (c: { store: ConstructorParameters<typeof StatusBook>[0] }, id: string, day: string, every?: 'quarter') =>
  new StatusBook(c.store).set(id, 'done', { by: '测试 县财政局', note: '', day, period: every && periodContaining(every, day) });

describe('the morning message', () => {
  it('is one message per chat, its reminders grouped, each task with its citation', async () => {
    const c = morningClock(smallEngine, small);
    new ChatBindings(c.store).set({ chatId: 43 }, { unit: '测试 县审计局', at: 'x', granted: { by: 'test', at: 'x' } });
    await c.runDays('2016-06-23', '2016-06-23');
    expect(c.sent.map((s) => s.chatId)).toEqual([42]);
    expect(c.sent[0].text).toBe(
      [
        '⏰ 到期提醒（2016-06-23）：测试 县财政局 2 项',
        '【7 天后到期】',
        '• [测试 1] 公开县本级部门预算和“三公”经费预算。',
        '  时限：2016-06-30 前',
        '• [测试 2] 按月公开全县一般公共预算收支情况。',
        '  时限：每月，本期（2016年6月）至 2016-06-30',
        '办结后请点下方「✅ 办结」，也可以发送 /done 引用 [说明]。',
      ].join('\n'),
    );
    expect(c.sent[0].message.tasks).toEqual([
      { taskId: 'ceshi.txt#1#', citation: '测试 1' },
      { taskId: 'ceshi.txt#2#', citation: '测试 2' },
    ]);
    await c.runDays('2016-08-24', '2016-08-24');
    // The 审计局's chat hears of its own task, the 财政局's of the month ending and of its overdue one.
    expect(c.sent.slice(1).map((s) => [s.chatId, s.text.split('\n')[0]])).toEqual([
      [42, '⏰ 到期提醒（2016-08-24）：测试 县财政局 2 项'],
      [43, '⏰ 到期提醒（2016-08-24）：测试 县审计局 1 项'],
    ]);
    expect(c.sent[1].text).toMatch(/^.*\n【已逾期】\n• \[测试 1\] .*\n  时限：2016-06-30 前，已逾期 55 天\n【7 天后到期】\n• \[测试 2\]/);
  });

  it('follows a 12-31 deadline of a 2016 plan into January 2017, weekly, until it is closed', async () => {
    const c = morningClock(yearEngine, year);
    await c.runDays('2016-12-20', '2017-01-14');
    close(c, YEAR_END, '2017-01-15');
    await c.runDays('2017-01-15', '2017-03-31');
    expect(c.daysOf('测试 1')).toEqual(['2016-12-24', '2016-12-30', '2016-12-31', '2017-01-07', '2017-01-14']);
    expect(c.sent.find((s) => s.day === '2017-01-14')!.text).toContain('【已逾期】\n• [测试 1] 公开县本级部门决算。\n  时限：2016-12-31 前，已逾期 14 天');
  });

  it('reminds an overdue task weekly for 8 weeks, then monthly, until its plan is archived', async () => {
    const c = morningClock(yearEngine, year);
    await c.runDays('2017-01-01', '2017-04-30');
    new ArchivedPlans(c.store).add('nianzhong.txt');
    await c.runDays('2017-05-01', '2017-06-30');
    expect(c.daysOf('测试 1')).toEqual(['2017-01-01', '2017-01-07', '2017-01-14', '2017-01-21', '2017-01-28', '2017-02-04', '2017-02-11', '2017-02-18', '2017-02-25', '2017-03-25', '2017-04-25']);
  });

  it('reminds a quarterly task closed in Q1 again before Q2 ends', async () => {
    const c = morningClock(yearEngine, year);
    await c.runDays('2016-03-01', '2016-03-24');
    close(c, QUARTERLY, '2016-03-25', 'quarter');
    await c.runDays('2016-03-25', '2016-07-05');
    expect(c.daysOf('测试 2')).toEqual(['2016-03-24', '2016-06-23', '2016-06-29', '2016-06-30']);
    expect(c.sent.find((s) => s.day === '2016-06-30')!.text).toContain('【今天到期】\n• [测试 2] 按季度公开全县财政收支情况。\n  时限：每季度，本期（2016年第二季度）至 2016-06-30');
  });

  it('reminds a milestone, in its own group, beside the other reminders of the morning', async () => {
    const c = morningClock(yearEngine, year);
    await c.runDays('2016-03-24', '2016-03-24');
    expect(c.sent[0].text.split('\n')).toEqual([
      '⏰ 到期提醒（2016-03-24）：测试 县财政局 2 项',
      '【7 天后到期】',
      '• [测试 2] 按季度公开全县财政收支情况。',
      '  时限：每季度，本期（2016年第一季度）至 2016-03-31',
      '【阶段性时间节点】',
      '• [测试 3] 公开规划编制进展和结果。',
      '  节点：2016-03-31（还有 7 天），最终时限 2016-09-30 前',
      '办结后请点下方「✅ 办结」，也可以发送 /done 引用 [说明]。',
    ]);
    await c.runDays('2016-03-25', '2016-04-30');
    expect(c.daysOf('测试 3')).toEqual(['2016-03-24', '2016-03-30', '2016-03-31']);
  });
});
