import { describe, expect, it } from 'vitest';
import type { Conversation } from '../../src/conversation/conversation.js';
import type { Incoming, Reply } from '../../src/conversation/types.js';
import { testApp } from '../helpers/app.js';
import { seedEngine } from '../helpers/engine.js';

const engine = await seedEngine();

/** A private chat over the seeds; each answer is "sent" as message 1, 2, … so replies can name it. */
async function chat(today = '2016-06-15') {
  const { conversation } = await testApp('seeds', { engine });
  let id = 0;
  const say = async (text: string, replyTo?: number): Promise<Reply & { id: number }> => {
    const msg: Incoming = { chatId: 9, chatType: 'private', userId: 9, text, isBotAdmin: false, isChatAdmin: async () => true, today, replyTo };
    const [r] = await conversation.handle(msg);
    conversation.sent(9, ++id, r);
    return { ...r, id };
  };
  const press = async (r: Reply, label: string) => {
    const data = r.buttons?.flat().find((b) => b.text === label)?.data;
    if (!data) throw new Error(`no button ${label}`);
    return (await (conversation as Conversation).handleCallback({ chatId: 9, userId: 9, messageId: (r as { id?: number }).id, data, isBotAdmin: false, today })).edit!;
  };
  return { say, press };
}

const firstLine = (r: Reply) => r.text.split('\n')[0];

describe('follow-ups in chat', () => {
  it('reads a reply to an answer with that answer’s question as context', async () => {
    const { say } = await chat();
    const first = await say('蕉岭县财政局有哪些任务');
    expect(firstLine(await say('年底前的呢', first.id))).toBe('【蕉岭县2016】县财政局 年底前到期 6 项，另有持续性/周期性/视情况任务 2 项，通过集体表述涉及 9 项');
    const detail = await say('第21项详细说说', first.id);
    expect(detail.text.split('\n').slice(0, 4)).toEqual([
      '【蕉岭县2016】任务 2 项',
      '• [蕉岭 21.1] 预算信息公开：及时公开县政府预算信息，明确预算公开的主体、时间、内容等要求，督促各部门、各镇按规定公开预算信息。',
      '  工作任务：深入推进预决算公开',
      '  完成时限：2016年 12 月底前（未到期）',
    ]);
  });

  it('chains follow-ups: a reply to a follow-up’s answer keeps what that one kept', async () => {
    const { say } = await chat();
    const first = await say('开平市编办有哪些任务');
    const second = await say('牵头的呢', first.id);
    expect(firstLine(await say('年底前的呢', second.id))).toMatch(/^【开平市2018】市编办（牵头） 年底前到期 \d+ 项/);
  });

  it('answers a reply to a message it does not remember as a question of its own', async () => {
    const { say } = await chat();
    expect(firstLine(await say('蕉岭县财政局有哪些任务', 77))).toBe('【蕉岭县2016】县财政局 共 8 项，通过集体表述涉及 9 项');
  });
});

describe('typed 下一页 and 上一页', () => {
  it('turn the page of the chat’s last answer, as a new message, and say when there is no page', async () => {
    const { say } = await chat('2019-05-01');
    expect((await say('下一页')).text).toBe('还没有可以查看的回答，请先提问。');
    expect(await say('六安有哪些任务')).toMatchObject({ text: expect.stringContaining('（第 1/') });
    expect((await say('上一页')).text).toBe('已经是第一页了。');
    const second = await say('下一页');
    expect(second.text).toContain('（第 2/');
    expect(second.buttons![0].map((b) => b.text)).toEqual(['上一页', '下一页']);
    expect((await say('上一页')).text).toContain('（第 1/');
  });
});

describe('我单位', () => {
  it('is the bound unit, and asks to bind when there is none', async () => {
    const { say } = await chat();
    expect((await say('我单位有哪些任务')).text).toBe('「我单位」指您绑定的单位，但还没有绑定。先发送 /unit 地区 单位，例如 /unit 蕉岭 县财政局');
    await say('/unit 蕉岭 县财政局');
    expect((await say('我们单位有哪些任务')).text).toBe((await say('蕉岭县财政局有哪些任务')).text);
  });
});

describe('answers that fit a phone', () => {
  it('puts the tasks reached only through collectives behind one line and a button, which shows them', async () => {
    const { say, press } = await chat();
    const answer = await say('蕉岭县财政局有哪些任务');
    expect(answer.text.split('\n').at(-1)).toBe('— 通过「各部门」「各有关单位」等集体表述涉及 9 项，发送 /more 查看 —');
    expect(answer.text.match(/^• /gm)).toHaveLength(8);
    const more = await press(answer, '查看通过集体表述涉及的 9 项');
    expect(firstLine(more)).toBe('【蕉岭县2016】县财政局 通过集体表述涉及 9 项');
    expect(more.text.match(/^• /gm)).toHaveLength(9);
    expect((await press(more, '返回')).text).toBe(answer.text);
    expect((await say('/more')).text).toBe(more.text);
  });

  it('shows a numbered task’s whole requirement, its 工作任务 and the deadline as printed', async () => {
    const { say } = await chat('2019-06-15');
    const lines = (await say('六安 第3项')).text.split('\n');
    expect(lines[1]).toMatch(/^• \[六安 3\] 按照“谁起草、谁解读”的原则.*提供下载渠道。$/);
    expect(lines[1].length).toBeGreaterThan(500);
    expect(lines.slice(2, 4)).toEqual(['  工作任务：加强政策解读和回应关切,主动引导预期 / 加强规范性文件及重大政策的解读', '  完成时限：年内（未到期）']);
  });

  it('offers each suggested place as a button that asks again with it', async () => {
    const { say, press } = await chat();
    const clarification = await say('焦岭县财政局有哪些任务');
    expect(clarification.text).toBe('没有找到这个地区的工作方案。您是不是要找：蕉岭县？');
    expect(firstLine(await press(clarification, '蕉岭县'))).toBe('【蕉岭县2016】县财政局 共 8 项，通过集体表述涉及 9 项');
  });
});

describe('past plans', () => {
  it('says a plan’s year ended, and labels its open undated tasks 方案已结束', async () => {
    const { say } = await chat('2026-12-01');
    const lines = (await say('蕉岭县财政局有哪些任务')).text.split('\n');
    expect(lines.slice(0, 4)).toEqual([
      '【蕉岭县2016】县财政局 共 8 项，通过集体表述涉及 9 项',
      '蕉岭县现有方案为2016年度（已结束）',
      '• [蕉岭 8] 做好项目信息更新工作，按规定公开全县 PPP 项目信息。',
      '  时限：按照财政部、省财政厅、市财政局相关部署（方案已结束）｜牵头：县财政局、县发展改革局',
    ]);
  });

  it('says when 本月 falls in no plan’s year, and offers the latest plan', async () => {
    const { say, press } = await chat('2026-12-01');
    const offer = await say('蕉岭县财政局本月要公开什么');
    expect(offer.text).toBe('蕉岭县现有方案为2016年度（已结束），没有覆盖「本月」的方案。可以按2016年度方案回答（视今天为 2016-12-01）。');
    expect(firstLine(await press(offer, '按2016年度方案回答'))).toMatch(/^【蕉岭县2016】县财政局 本月到期 \d+ 项/);
  });
});

describe('a long chain of follow-ups', () => {
  it('starts over from the reply after 20 lines, or when a question is longer than a button carries', async () => {
    const { say } = await chat();
    expect(firstLine(await say(`蕉岭县财政局有哪些任务${'。'.repeat(3000)}`))).toBe('【蕉岭县2016】县财政局 共 8 项，通过集体表述涉及 9 项');
    let last = await say('蕉岭县财政局有哪些任务');
    for (let i = 0; i < 20; i++) last = await say('年底前的呢', last.id);
    expect(firstLine(last)).toMatch(/^【蕉岭县2016】/);
    expect(last.answers!.kind === 'page' && last.answers!.question.split('\n')).toEqual(['年底前的呢']);
  });
});
