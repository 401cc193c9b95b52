import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChatSettingsStore } from '../../src/store/chat-settings.js';
import { ReminderScheduler } from '../../src/tracking/scheduler.js';
import { StatusBook } from '../../src/tracking/task-status.js';
import { ArchivedPlans } from '../../src/store/archived-plans.js';
import pino from 'pino';
import { type FaultProxy, startFaultProxy } from '../helpers/fault-proxy.js';
import { ADMIN_ID, ChatUser, type RunningBot, servedFiles, startBot, startEmulator, storedMessage, type TelegramServer } from '../helpers/telegram.js';
import { bindGranted, press } from './grant.js';
import { manyPlans } from './many-plans.js';
import { waitFor } from './wait-for.js';

const PLAN = readFileSync('test/fixtures/formats/003_6ea2951639ab2eff.docx');

let server: TelegramServer;
let proxy: FaultProxy;
let running: RunningBot;
let counties: string[];

beforeAll(async () => {
  server = await startEmulator();
  proxy = await startFaultProxy(server.config.apiURL.replace(/\/$/, ''), () => undefined, servedFiles({ plan: PLAN }));
  const many = manyPlans(100);
  counties = many.counties;
  running = await startBot(proxy.url, { seedsDir: many.dir });
}, 60_000);

afterAll(async () => {
  await running.stop();
  await proxy.close();
  await server.stop();
});

const privateChat = (userId: number) => new ChatUser(server, userId, userId, 'private');
const say = async (user: ChatUser, text: string, n = 1) => {
  await user.client.sendCommand(user.client.makeCommand(text));
  return user.next(n, 15_000);
};
const sendFile = (user: ChatUser, name: string, size: number) =>
  user.client.sendMessage(user.client.makeMessage('', { document: { file_id: 'plan', file_unique_id: 'plan', file_name: name, file_size: size } } as never));

describe('long replies', () => {
  it('splits a /docs longer than a message on line boundaries, every part within 4096', async () => {
    const user = privateChat(9001);
    await user.client.sendCommand(user.client.makeCommand('/docs'));
    const parts = await user.next(2);
    expect(await user.quiet(300)).toBe(0);
    expect(parts).toHaveLength(2);
    // Telegram counts the text after parsing the HTML (nothing here to escape).
    for (const p of parts) expect(p.text.replace(/<[^>]+>/g, '').length).toBeLessThanOrEqual(4096);
    const lines = parts.flatMap((p) => p.text.split('\n'));
    expect(lines[0]).toBe('已收录的文档：');
    expect(lines.slice(1)).toHaveLength(100);
    expect(lines.slice(1).every((l) => l.startsWith('• '))).toBe(true);
  });

  it('caps an echoed argument', async () => {
    const [reply] = await say(privateChat(9002), `/unit ${'无此单位'.repeat(1000)}`);
    expect(reply.text.length).toBeLessThan(200);
    expect(reply.text).toContain('…」');
  });

  it('pages a choice of more regions than a screen holds', async () => {
    const user = privateChat(9003);
    await user.client.sendMessage(user.client.makeMessage('县财政局有哪些任务'));
    const [choice] = await user.next(1);
    expect(choice.text.split('\n')).toEqual([
      '「县财政局」出现在多个地区的方案中，请选择地区：',
      `（共 100 个地区，第 1/5 页；也可以写上地区再问，例如：${counties[0].slice(0, 2)} 县财政局有哪些任务）`,
    ]);
    expect(choice.buttons.map((b) => b.text)).toEqual([...counties.slice(0, 24).map((c) => c.slice(0, 2)), '下一页', '全部地区']);
    await press(user, choice, choice.buttons.find((b) => b.text === '下一页')!.callback_data);
    await waitFor(() => storedMessage(server, choice.messageId)?.text.includes('第 2/5 页'));
    const second = storedMessage(server, choice.messageId)!;
    expect(second.buttons.map((b) => b.text)).toEqual([...counties.slice(24, 48).map((c) => c.slice(0, 2)), '上一页', '下一页', '全部地区']);
  });
});

describe('a group that becomes a supergroup', () => {
  it('keeps its bindings, default region, reminders and answers under the new id', async () => {
    const OLD = -9100;
    const NEW = -1009100;
    const member = new ChatUser(server, OLD, 9101, 'group');
    await bindGranted(server, member, `${counties[0]} 县财政局`);
    await say(new ChatUser(server, OLD, ADMIN_ID, 'group'), `/region ${counties[1]}`);
    await say(new ChatUser(server, OLD, ADMIN_ID, 'group'), '/remind on');
    await member.client.sendMessage(member.client.makeMessage('', { migrate_to_chat_id: NEW } as never));
    await waitFor(() => new ChatSettingsStore(running.store).get(NEW).remind === true);

    const moved = new ChatUser(server, NEW, 9101, 'group');
    expect((await say(moved, '/mine'))[0].text).toMatch(new RegExp(`^<b>【${counties[0]}2016】县财政局 共 1 项`));
    expect((await say(moved, '/ask 县财政局有哪些任务'))[0].text).toMatch(new RegExp(`^<b>【${counties[1]}2016】`));
    expect(new ChatSettingsStore(running.store).get(NEW)).toEqual({ region: counties[1], remind: true });
    expect(new ChatSettingsStore(running.store).get(OLD)).toEqual({});
    const scheduler = new ReminderScheduler({
      library: running.library,
      store: running.store,
      status: new StatusBook(running.store),
      archived: new ArchivedPlans(running.store),
      log: pino({ level: 'silent' }),
      send: async () => true,
      now: () => new Date(),
      timeZone: 'Asia/Shanghai',
    });
    expect(scheduler.subscriptions().map((s) => s.chatId)).toEqual([NEW]);
  });
});

describe('uploads the bot refuses before reading', () => {
  it('refuses a name over 255 bytes, a dot-file and a file over 20 MB, without downloading', async () => {
    const admin = privateChat(ADMIN_ID);
    await sendFile(admin, `${'方案'.repeat(50)}.docx`, PLAN.length);
    expect((await admin.next(1))[0].text).toBe('文件名过长（305 字节，最多 255 字节），没有读取。请改短文件名后重新发送。');
    await sendFile(admin, '.hidden.docx', PLAN.length);
    expect((await admin.next(1))[0].text).toBe('不能上传以「.」开头的文件（.hidden.docx），没有读取。请改名后重新发送。');
    await sendFile(admin, 'big.docx', 30 * 1024 * 1024);
    expect((await admin.next(1))[0].text).toBe('文件过大（30.0 MB），最大 20 MB（机器人能从 Telegram 下载的上限）。请压缩或拆分后再发送。');
    expect(proxy.calls.filter((c) => c.method === 'getFile')).toEqual([]);
  });
});

describe('photos and buttons', () => {
  it('answers the question in a photo’s caption', async () => {
    const user = privateChat(9004);
    const photo = user.client.makeMessage('', { photo: [{ file_id: 'p', file_unique_id: 'p', width: 10, height: 10 }], caption: `${counties[2]}财政局有哪些任务` } as never) as Record<string, unknown>;
    delete photo.text;
    await user.client.sendMessage(photo as never);
    expect((await user.next(1))[0].text).toMatch(new RegExp(`^<b>【${counties[2]}2016】`));
  });

  it('takes the same page button pressed twice as one press', async () => {
    const user = privateChat(9005);
    await user.client.sendMessage(user.client.makeMessage('县财政局有哪些任务'));
    const [choice] = await user.next(1);
    await press(user, choice, choice.buttons.find((b) => b.text === '全部地区')!.callback_data);
    await waitFor(() => storedMessage(server, choice.messageId)?.text.includes('（第 1/'));
    const first = storedMessage(server, choice.messageId)!;
    const next = first.buttons.find((b) => b.text === '下一页')!.callback_data;
    const count = (method: string) => proxy.calls.filter((c) => c.method === method).length;
    const [edits, answered] = [count('editMessageText'), count('answerCallbackQuery')];
    await Promise.all([press(user, first, next), press(user, first, next)]);
    await waitFor(() => count('answerCallbackQuery') === answered + 2);
    expect(await user.quiet(300)).toBe(0);
    expect(count('editMessageText')).toBe(edits + 1);
    expect(storedMessage(server, choice.messageId)!.text).toContain('（第 2/');
  });
});
