import pino from 'pino';
import { describe, expect, it } from 'vitest';
import type { Button, Incoming, Reply } from '../../src/conversation/types.js';
import { buildFromSeeds } from '../../src/library/open.js';
import { testApp } from '../helpers/app.js';
import { QUARTERLY, YEAR_END, yearPlanFolder } from '../helpers/year-plan.js';

const seeds = yearPlanFolder();
const engine = await buildFromSeeds(seeds, pino({ level: 'silent' }));

/** A private chat (user 7, Li, unless told) over the year plan, each message on its own day; /unit is granted at once by a bot admin. */
async function chat() {
  const app = await testApp(seeds, { engine });
  const { conversation } = app;
  const say = async (text: string, today: string, userId = 7): Promise<Reply> => {
    const msg: Incoming = { chatId: userId, chatType: 'private', userId, userName: 'Li', text, isBotAdmin: false, isChatAdmin: async () => true, today };
    const replies = await conversation.handle(msg);
    const request = replies.find((r) => r.to === 'bot-admins')?.buttons?.[0][0];
    if (request && userId === 7) await conversation.handleCallback({ chatId: 1001, userId: 1001, data: request.data, isBotAdmin: true, today });
    return replies[0] ?? { text: '' };
  };
  const press = (buttons: Button[][] | undefined, label: string, today: string, userId = 7) =>
    conversation.handleCallback({ chatId: userId, userId, userName: 'Li', messageId: 50, data: buttons!.flat().find((b) => b.text === label)!.data, isBotAdmin: false, today });
  /** The morning message of a day listing some of the plan's tasks, as the bot would send it to chat `chatId`. */
  const morning = (today: string, tasks: Array<[string, string]>, chatId = 7) =>
    conversation.reminder({ chatId, text: '⏰', tasks: tasks.map(([taskId, citation]) => ({ taskId, citation })), today, keys: [] });
  return { app, say, press, morning };
}

describe('办结 per period', () => {
  it('closes a quarterly task for its quarter only: open again in Q2, every period in /history', async () => {
    const { say } = await chat();
    await say('/unit 测试 县财政局', '2016-03-01');
    expect((await say('/done 测试 2 一季度已公开', '2016-03-20')).text.split('\n')).toEqual([
      '已办结：• [测试 2] 按季度公开全县财政收支情况。',
      '  时限：每季度（已办结）｜牵头：县财政局',
      '  2016-03-20 由 Li（id 7）办结（2016年第一季度）：一季度已公开',
    ]);
    // Still in Q1: the quarter is closed, /todo shows the next one.
    const march = (await say('/todo', '2016-03-25')).text;
    expect(march.split('\n')[0]).toBe('【测试 县财政局】未办结 2 项，其中已逾期 0 项；周期性任务本期已办结 1 项');
    expect(march).toContain(
      '— 本期已办结，下一期 —\n• [测试 2] 按季度公开全县财政收支情况。\n  时限：每季度·下一期至 2016-06-30（本期已办结）｜牵头：县财政局\n  2016-03-20 由 Li（id 7）办结（2016年第一季度）：一季度已公开',
    );
    // In Q2 it is open again: in /todo, in answers, in status questions.
    const april = (await say('/todo', '2016-04-05')).text;
    expect(april.split('\n')[0]).toBe('【测试 县财政局】未办结 3 项，其中已逾期 0 项');
    expect(april).toContain('• [测试 2] 按季度公开全县财政收支情况。\n  时限：每季度·本期至 2016-06-30（未到期）｜牵头：县财政局');
    expect((await say('测试县财政局有哪些任务', '2016-04-05')).text).toContain('• [测试 2] 按季度公开全县财政收支情况。\n  时限：每季度（未到期）｜牵头：县财政局\n');
    expect((await say('我单位还有几项没完成', '2016-04-05')).text.split('\n')[0]).toBe('县财政局 未办结 3 项。');
    expect((await say('我单位还有几项没完成', '2016-03-25')).text.split('\n')[0]).toBe('县财政局 未办结 2 项。');

    await say('/done 测试 2', '2016-05-10');
    expect((await say('/undo 测试 2', '2016-05-11')).text).toMatch(/^已重新打开：• \[测试 2\] .*\n  时限：每季度（未到期）｜牵头：县财政局\n操作人：Li（id 7）$/);
    await say('/done 测试 2 二季度已公开', '2016-06-28');
    expect((await say('/history 测试 2', '2016-07-02')).text.split('\n')).toEqual([
      '• [测试 2] 按季度公开全县财政收支情况。',
      '  时限：每季度（未到期）｜牵头：县财政局',
      '办理记录（4 条）：',
      '• 2016-03-20 办结（2016年第一季度） Li（id 7）：一季度已公开',
      '• 2016-05-10 办结（2016年第二季度） Li（id 7）',
      '• 2016-05-11 重新打开（2016年第二季度） Li（id 7）',
      '• 2016-06-28 办结（2016年第二季度） Li（id 7）：二季度已公开',
    ]);
  });

  it('shows who closed a task, when and with what note, in answers, /mine and /history', async () => {
    const { say } = await chat();
    await say('/unit 测试 县财政局', '2016-12-01');
    expect((await say('/history 测试 1', '2016-12-01')).text).toBe('• [测试 1] 公开县本级部门决算。\n  时限：2016-12-31 前（未到期）｜牵头：县财政局\n还没有办理记录。');
    await say('/done 测试 1 已在政府网站公开', '2016-12-20');
    const closed = '• [测试 1] 公开县本级部门决算。\n  时限：2016-12-31 前（已办结）｜牵头：县财政局\n  2016-12-20 由 Li（id 7）办结：已在政府网站公开';
    expect((await say('测试县财政局有哪些任务', '2016-12-21')).text).toContain(closed);
    expect((await say('/mine', '2016-12-21')).text).toContain(closed);
    expect((await say('测试 第1项', '2016-12-21')).text).toContain('  完成时限：2016年12月31日前（已办结）\n  牵头：县财政局\n  2016-12-20 由 Li（id 7）办结：已在政府网站公开');
    // Reopened, the task keeps its history.
    await say('/undo 测试 1', '2016-12-22');
    expect((await say('/history 测试 1', '2016-12-22')).text.split('\n').slice(2)).toEqual([
      '办理记录（2 条）：',
      '• 2016-12-20 办结 Li（id 7）：已在政府网站公开',
      '• 2016-12-22 重新打开 Li（id 7）',
    ]);
  });

  it('reads a status record stored before periods as it meant: a dated task closed, a periodic one closed for the quarter it was closed in', async () => {
    const { app, say } = await chat();
    const old = { state: 'done', history: [{ state: 'done', by: '测试 县财政局', at: '2016-03-10T02:00:00.000Z', note: '已公开' }] };
    app.store.write('status', YEAR_END, old);
    app.store.write('status', QUARTERLY, old);
    const march = (await say('测试县财政局有哪些任务', '2016-03-15')).text;
    expect(march).toContain('  时限：2016-12-31 前（已办结）｜牵头：县财政局\n  2016-03-10 由 测试 县财政局办结：已公开');
    expect(march).toContain('  时限：每季度（已办结）｜牵头：县财政局\n  2016-03-10 由 测试 县财政局办结：已公开');
    expect((await say('测试县财政局有哪些任务', '2016-04-15')).text).toContain('  时限：每季度（未到期）｜牵头：县财政局\n');
    expect((await say('/history 测试 2', '2016-04-15')).text).toContain('• 2016-03-10 办结（2016年第一季度） 测试 县财政局：已公开');
  });
});

describe('✅ 办结 under the morning message', () => {
  it('asks for a note and records it with who and when; a command drops the question, /cancel says so', async () => {
    const { say, press, morning } = await chat();
    await say('/unit 测试 县财政局', '2016-12-24');
    const reply = morning('2016-12-24', [[YEAR_END, '测试 1'], [QUARTERLY, '测试 2']]);
    expect(reply.buttons!.map((row) => row.map((b) => b.text))).toEqual([['✅ 办结 测试 1', '查看'], ['✅ 办结 测试 2', '查看']]);
    const asked = await press(reply.buttons, '✅ 办结 测试 1', '2016-12-24');
    expect(asked.notice).toBe('请填写办结说明');
    expect(asked.replies![0].text).toBe('办结 [测试 1]：请回复本条消息写明办结说明（例如：已在政府网站公开），不需要说明请点「不填写说明」，发送 /cancel 放弃。');
    expect((await say('/cancel', '2016-12-24')).text).toBe('已放弃办结，任务仍未办结。');
    expect((await say('测试县财政局有哪些任务', '2016-12-24')).text).toContain('2016-12-31 前（即将到期）');

    await press(reply.buttons, '✅ 办结 测试 1', '2016-12-24');
    // A command instead of the note is read as the command, and the question is dropped.
    expect((await say('/todo', '2016-12-24')).text).toMatch(/^【测试 县财政局】未办结 /);
    expect((await say('决算已公开', '2016-12-24')).text).not.toMatch(/^已办结/);

    await press(reply.buttons, '✅ 办结 测试 1', '2016-12-24');
    expect((await say('决算已在政府网站公开', '2016-12-24')).text.split('\n').at(-1)).toBe('  2016-12-24 由 Li（id 7）办结：决算已在政府网站公开');
    expect((await press(reply.buttons, '✅ 办结 测试 1', '2016-12-25')).notice).toBe('[测试 1] 已由 Li（id 7）于 2016-12-24 办结。');
  });

  it('closes without a note on 不填写说明, the period of the reminder’s day, even pressed later', async () => {
    const { say, press, morning } = await chat();
    await say('/unit 测试 县财政局', '2016-12-24');
    const asked = await press(morning('2016-12-24', [[QUARTERLY, '测试 2']]).buttons, '✅ 办结 测试 2', '2016-12-24');
    const closed = await press(asked.replies![0].buttons, '不填写说明', '2016-12-24');
    expect(closed.edit!.text.split('\n').at(-1)).toBe('  2016-12-24 由 Li（id 7）办结（2016年第四季度）');
    // A quarterly reminder of 03-30 pressed on 04-02 closes the first quarter, not the second.
    const late = await press(morning('2016-03-30', [[QUARTERLY, '测试 2']]).buttons, '✅ 办结 测试 2', '2016-04-02');
    await press(late.replies![0].buttons, '不填写说明', '2016-04-02');
    expect((await say('/history 测试 2', '2016-04-02')).text).toContain('• 2016-04-02 办结（2016年第一季度） Li（id 7）');
    expect((await say('测试县财政局有哪些任务', '2016-04-02')).text).toContain('  时限：每季度（未到期）');
  });

  it('lets only a granted binding of the task’s own unit close it', async () => {
    const { say, press, morning } = await chat();
    const buttons = morning('2016-12-24', [[YEAR_END, '测试 1']], 8).buttons;
    expect((await press(buttons, '✅ 办结 测试 1', '2016-12-24', 8)).notice).toBe('请先用 /unit 绑定本单位，再办结。');
    await say('/unit 测试 县财政局', '2016-12-24', 8); // pending: nobody granted it
    expect((await press(buttons, '✅ 办结 测试 1', '2016-12-24', 8)).notice).toBe('您的单位绑定还在等待管理员批准，批准后才能办结。');
    await say('/unit 测试 县审计局', '2016-12-24');
    expect((await press(morning('2016-12-24', [[YEAR_END, '测试 1']]).buttons, '✅ 办结 测试 1', '2016-12-24')).notice).toBe('这不是「测试 县审计局」牵头或负责的任务。');
  });
});
