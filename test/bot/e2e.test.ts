import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_ID, BOT_ID, ChatUser, type RunningBot, startBot, startEmulator, storedMessage, type TelegramServer } from '../helpers/telegram.js';
import { bindGranted } from './grant.js';
import { waitFor } from './wait-for.js';

let server: TelegramServer;
let running: RunningBot;

beforeAll(async () => {
  server = await startEmulator();
  running = await startBot(server.config.apiURL);
});

afterAll(async () => {
  await running.stop();
  await server.stop();
});

const privateChat = (userId: number) => new ChatUser(server, userId, userId, 'private');
const groupChat = (userId: number, chatId = -500) => new ChatUser(server, chatId, userId, 'group');
const firstLine = (text: string) => text.split('\n')[0];
const replyTo = (messageId: number) => ({ reply_to_message: { message_id: messageId, from: { id: BOT_ID, is_bot: true, first_name: 'Bot' } } as never });

describe('the bot in a private chat', () => {
  it('answers a question with the right tasks, citing document and 序号, as a reply', async () => {
    const client = privateChat(2001);
    const sent = client.client.makeMessage('县财政局12月前要公开什么');
    await client.client.sendMessage(sent);
    const [reply] = await client.next(1);
    expect(reply.text.split('\n')[0]).toBe('<b>【蕉岭县2016】县财政局 12月前到期 6 项，另有持续性/周期性/视情况任务 2 项，通过集体表述涉及 9 项</b>');
    for (const c of ['蕉岭 10.2', '蕉岭 11.1', '蕉岭 11.2', '蕉岭 11.3', '蕉岭 21.1', '蕉岭 21.2']) expect(reply.text).toContain(`<code>${c}</code>`);
    expect(reply.replyTo).toBeTypeOf('number');
  });

  it('pages through a long answer with buttons that edit the same message', async () => {
    const client = privateChat(2002);
    await client.client.sendMessage(client.client.makeMessage('六安有哪些任务'));
    const [first] = await client.next(1);
    expect(first.text).toContain('（第 1/');
    expect(first.buttons.map((b) => b.text)).toEqual(['下一页']);
    const next = first.buttons[0];
    expect(Buffer.byteLength(next.callback_data)).toBeLessThanOrEqual(64);
    await client.client.sendCallback(client.client.makeCallbackQuery(next.callback_data, { message: { message_id: first.messageId, chat: { id: 2002, type: 'private' } as never } }));
    await waitFor(() => storedMessage(server, first.messageId)?.text.includes('（第 2/'));
    const edited = storedMessage(server, first.messageId)!;
    expect(edited.buttons.map((b) => b.text)).toEqual(['上一页', '下一页']);
    expect(await client.quiet()).toBe(0);
  });

  it('offers a choice of region for a unit named in several plans, and answers the choice', async () => {
    const client = privateChat(2003);
    await client.client.sendMessage(client.client.makeMessage('财政局有哪些任务'));
    const [choice] = await client.next(1);
    expect(choice.text).toBe('「财政局」出现在多个地区的方案中，请选择地区：');
    const kaiping = choice.buttons.find((b) => b.text === '开平')!;
    await client.client.sendCallback(client.client.makeCallbackQuery(kaiping.callback_data, { message: { message_id: choice.messageId, chat: { id: 2003, type: 'private' } as never } }));
    await waitFor(() => storedMessage(server, choice.messageId)?.text.startsWith('<b>【开平市2018】'));
    expect(storedMessage(server, choice.messageId)!.text).toContain('<code>开平 12</code>');
  });

  it('binds a unit (pending until granted) and lists its own tasks with /mine', async () => {
    const client = privateChat(2004);
    await client.client.sendCommand(client.client.makeCommand('/unit 开平 市编办'));
    const [bound] = await client.next(1);
    expect(bound.text).toBe('已登记：本对话 → 开平 市编办（待管理员批准）。现在可以用 /mine 查看本单位的任务；批准后才能办结、撤销和设置提醒。');
    // The bot admin is asked; the request is left unanswered here.
    expect((await privateChat(ADMIN_ID).next(1))[0].text).toBe('绑定申请：Li @user2004（id 2004）在私聊中申请绑定 开平 市编办。批准后可以办结、撤销该单位的任务，并接收到期提醒。');
    await client.client.sendCommand(client.client.makeCommand('/mine'));
    const [mine] = await client.next(1);
    expect(mine.text.split('\n')[0]).toMatch(/^<b>【开平市2018】市编办 共 \d+ 项/);
    expect(mine.text).toContain('<code>开平 3</code>');
  });
});

describe('the bot in a group', () => {
  it('stays silent on plain chatter and answers @mentions, commands and replies to itself', async () => {
    const client = groupChat(3001);
    await client.client.sendMessage(client.client.makeMessage('今天下午开会吗？'));
    expect(await client.quiet()).toBe(0);
    await client.client.sendMessage(client.client.makeMessage('@TestNameBot 开平市编办牵头哪些工作'));
    const [viaMention] = await client.next(1);
    expect(viaMention.text).toContain('<code>开平 3</code>');
    await client.client.sendCommand(client.client.makeCommand('/ask 蕉岭 第20项'));
    const [viaCommand] = await client.next(1);
    expect(viaCommand.text.match(/<code>蕉岭 20\.\d<\/code>/g)).toHaveLength(5);
    const reply = client.client.makeMessage('安居 三（五）', { reply_to_message: { message_id: viaCommand.messageId, from: { id: BOT_ID, is_bot: true, first_name: 'Bot' } } as never });
    await client.client.sendMessage(reply);
    const [viaReply] = await client.next(1);
    expect(viaReply.text).toContain('<code>安居 三（五）</code>');
  });

  it('binds each user in a group separately', async () => {
    const a = groupChat(3002, -600);
    await bindGranted(server, a, '蕉岭 县公安局');
    await a.client.sendCommand(a.client.makeCommand('/mine'));
    expect((await a.next(1))[0].text).toMatch(/^<b>【蕉岭县2016】县公安局 共/);
    const b = groupChat(3003, -600);
    await b.client.sendCommand(b.client.makeCommand('/mine'));
    expect((await b.next(1))[0].text).toMatch(/^还没有绑定单位/);
  });
});

describe('/reload', () => {
  it('refuses a non-admin, saying only administrators may reload', async () => {
    const client = privateChat(2005);
    await client.client.sendCommand(client.client.makeCommand('/reload'));
    expect((await client.next(1))[0].text).toBe('只有管理员可以重新加载索引。');
  });

  it('lets an admin load a new document and then answers about it', async () => {
    copyFileSync('test/fixtures/layouts/pipe_rows.txt', join(running.seedsDir, 'pipe_rows.txt'));
    const admin = privateChat(ADMIN_ID);
    await admin.client.sendCommand(admin.client.makeCommand('/reload'));
    const [report] = await admin.next(1, 15000);
    expect(report.text).toMatch(/^重新加载完成：6 份文档，363 项任务（新增 11 项，删除 0 项/);
    expect(report.text).toContain('澄源县 2021：11 项（pipe_rows.txt）');
    await admin.client.sendMessage(admin.client.makeMessage('澄源县财政局有哪些任务'));
    const [answer] = await admin.next(1);
    expect(answer.text).toContain('<code>澄源 3.1</code>');
  });
});

describe('the conversation’s context through the emulator', () => {
  it('reads a reply to an answer as a follow-up of its question, in a group', async () => {
    const chat = groupChat(4001, -700);
    await chat.client.sendMessage(chat.client.makeMessage('@TestNameBot 蕉岭县财政局有哪些任务'));
    const [answer] = await chat.next(1);
    expect(firstLine(answer.text)).toBe('<b>【蕉岭县2016】县财政局 共 8 项，通过集体表述涉及 9 项</b>');
    await chat.client.sendMessage(chat.client.makeMessage('年底前的呢', replyTo(answer.messageId)));
    const [followUp] = await chat.next(1);
    expect(firstLine(followUp.text)).toBe('<b>【蕉岭县2016】县财政局 年底前到期 6 项，另有持续性/周期性/视情况任务 2 项，通过集体表述涉及 9 项</b>');
  });

  it('turns the page of the last answer on a typed 下一页', async () => {
    const chat = privateChat(4002);
    await chat.client.sendMessage(chat.client.makeMessage('六安有哪些任务'));
    expect((await chat.next(1))[0].text).toContain('（第 1/');
    await chat.client.sendMessage(chat.client.makeMessage('下一页'));
    const [second] = await chat.next(1);
    expect(second.text).toContain('（第 2/');
    expect(second.buttons.map((b) => b.text)).toEqual(['上一页', '下一页']);
  });

  it('reads 我单位 as the bound unit, opens the collective tasks with their button, and counts open tasks after /done', async () => {
    const chat = privateChat(4003);
    await bindGranted(server, chat, '蕉岭 县财政局');
    await chat.client.sendMessage(chat.client.makeMessage('我单位有哪些任务'));
    const [answer] = await chat.next(1);
    expect(firstLine(answer.text)).toBe('<b>【蕉岭县2016】县财政局 共 8 项，通过集体表述涉及 9 项</b>');
    expect(answer.text.match(/^• /gm)).toHaveLength(8);
    const more = answer.buttons.find((b) => b.text === '查看通过集体表述涉及的 9 项')!;
    await chat.client.sendCallback(chat.client.makeCallbackQuery(more.callback_data, { message: { message_id: answer.messageId, chat: { id: 4003, type: 'private' } as never } }));
    await waitFor(() => storedMessage(server, answer.messageId)?.text.startsWith('<b>【蕉岭县2016】县财政局 通过集体表述涉及 9 项</b>'));
    expect(storedMessage(server, answer.messageId)!.text.match(/^• /gm)).toHaveLength(9);

    await chat.client.sendCommand(chat.client.makeCommand('/done 蕉岭 10.2 已公开'));
    expect((await chat.next(1))[0].text).toMatch(/^已办结：/);
    await chat.client.sendMessage(chat.client.makeMessage('我单位还有几项没完成'));
    const [count] = await chat.next(1);
    expect(firstLine(count.text)).toBe('县财政局 未办结 7 项（另有通过集体表述涉及 9 项）。');
    expect(count.text).not.toContain('<code>蕉岭 10.2</code>');
  });
});

