import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FaultProxy, startFaultProxy } from '../helpers/fault-proxy.js';
import { ADMIN_ID, BOT_ID, ChatUser, copySeeds, type RunningBot, servedFiles, startBot, startEmulator, storedMessage, type TelegramServer, TOKEN } from '../helpers/telegram.js';
import { waitFor } from './wait-for.js';

// The emulator lacks getFile and file downloads: the loopback proxy serves them from these files.
const FILES: Record<string, Buffer> = {
  anju: readFileSync('test/fixtures/formats/003_6ea2951639ab2eff.docx'),
  broken: readFileSync('test/fixtures/formats/003_6ea2951639ab2eff.docx').subarray(0, 2000),
  // Plans that print neither their place nor their year (as a land-reserve centre's table does).
  silent: Buffer.from(
    [
      '工作任务 | 具体要求 | 责任部门 | 完成时限 |',
      '一、做好财政信息公开。 | 1.公开本中心预算、决算及相关报表。 | 财务科 | 6月底前 |',
      '二、做好网站信息公开。 | 2.及时更新网站频道的各类型概况信息。 | 办公室 | 9月底前 |',
    ].join('\n'),
  ),
  silent2: Buffer.from(
    [
      '工作任务 | 具体要求 | 责任部门 | 完成时限 |',
      '一、做好财政信息公开。 | 1.公开本中心预算、决算。 | 财务科 | 6月底前 |',
      '二、做好网站信息公开。 | 2.及时更新网站。 | 办公室 | 9月底前 |',
    ].join('\n'),
  ),
};

let server: TelegramServer;
let proxy: FaultProxy;
let running: RunningBot;

beforeAll(async () => {
  server = await startEmulator();
  proxy = await startFaultProxy(server.config.apiURL.replace(/\/$/, ''), () => undefined, servedFiles(FILES));
  const seedsDir = copySeeds();
  rmSync(join(seedsDir, '003_6ea2951639ab2eff.txt'));
  running = await startBot(proxy.url, { seedsDir });
});

afterAll(async () => {
  await running.stop();
  await proxy.close();
  await server.stop();
});

const sendFile = (chat: ChatUser, id: string, name: string, caption?: string) =>
  chat.client.sendMessage(chat.client.makeMessage('', { document: { file_id: id, file_unique_id: id, file_name: name, file_size: FILES[id].length }, caption } as never));

const press = (chat: ChatUser, m: { messageId: number }, data: string) =>
  chat.client.sendCallback(chat.client.makeCallbackQuery(data, { message: { message_id: m.messageId, chat: { id: chat.chatId, type: chat.chatId < 0 ? 'group' : 'private' } as never } }));

/** The reply markup the bot sent with a message, as Telegram received it. */
function markupOf(messageId: number): Record<string, unknown> {
  const m = server.storage.botMessages.find((u: { messageId: number }) => u.messageId === messageId) as unknown as { message: { reply_markup?: unknown } };
  const raw = m.message.reply_markup;
  return typeof raw === 'string' ? JSON.parse(raw) : (raw as Record<string, unknown>);
}

describe('uploading a plan in chat', () => {
  it('lets an admin upload a .docx, confirm it, and then answers about it', async () => {
    const admin = new ChatUser(server, ADMIN_ID, ADMIN_ID, 'private');
    await admin.client.sendMessage(admin.client.makeMessage('安居区财政局有哪些任务'));
    // The gazetteer knows 安居区 (of 遂宁市) before any plan of it is loaded.
    expect((await admin.next(1))[0].text).toMatch(/^还没有收录遂宁市安居区的工作方案/);

    await sendFile(admin, 'anju', '安居区2016年政务公开工作要点.docx');
    const [summary] = await admin.next(1, 15_000);
    expect(summary.text).toContain('读取了 安居区2016年政务公开工作要点.docx（docx）');
    expect(summary.text).toContain('地区：遂宁市安居区　年度：2016　任务：28 项');
    expect(summary.text).toContain('版式：table/');
    expect(summary.buttons.map((b) => b.text)).toEqual(['加入索引', '取消', '改地区', '改年份']);
    expect(readdirSync(running.seedsDir)).not.toContain('安居区2016年政务公开工作要点.docx');

    await admin.client.sendCallback(admin.client.makeCallbackQuery(summary.buttons[0].callback_data, { message: { message_id: summary.messageId, chat: { id: ADMIN_ID, type: 'private' } as never } }));
    await waitFor(() => storedMessage(server, summary.messageId)?.text.includes('重新加载完成'), 10_000);
    expect(storedMessage(server, summary.messageId)!.text).toContain('遂宁市安居区 2016：28 项（安居区2016年政务公开工作要点.docx）');
    expect(existsSync(join(running.seedsDir, '安居区2016年政务公开工作要点.docx'))).toBe(true);

    await admin.client.sendMessage(admin.client.makeMessage('安居区财政局有哪些任务'));
    expect((await admin.next(1))[0].text).toContain('<code>安居 四（三）</code>');
  });

  it('replaces a file of the same name only after a second confirmation, and /remove takes a plan out', async () => {
    const admin = new ChatUser(server, ADMIN_ID, ADMIN_ID, 'private');
    const press = async (m: { messageId: number }, data: string) =>
      admin.client.sendCallback(admin.client.makeCallbackQuery(data, { message: { message_id: m.messageId, chat: { id: ADMIN_ID, type: 'private' } as never } }));
    await sendFile(admin, 'anju', '安居区2016年政务公开工作要点.docx');
    const [summary] = await admin.next(1, 15_000);
    expect(summary.text).toContain('已有同名文件');
    await press(summary, summary.buttons[0].callback_data);
    await waitFor(() => storedMessage(server, summary.messageId)?.text.includes('确认用新文件替换'), 10_000);
    const ask = storedMessage(server, summary.messageId)!;
    expect(ask.buttons.map((b) => b.text)).toEqual(['确认替换', '取消']);
    await press(summary, ask.buttons[0].callback_data);
    await waitFor(() => storedMessage(server, summary.messageId)?.text.includes('重新加载完成'), 10_000);
    expect(storedMessage(server, summary.messageId)!.text).toContain('（新增 0 项，删除 0 项');

    await admin.client.sendCommand(admin.client.makeCommand('/remove 安居'));
    const [confirm] = await admin.next(1);
    expect(confirm.text).toMatch(/^确认从索引中移除 遂宁市安居区 2016/);
    await press(confirm, confirm.buttons[0].callback_data);
    await waitFor(() => storedMessage(server, confirm.messageId)?.text.includes('重新加载完成'), 10_000);
    expect(storedMessage(server, confirm.messageId)!.text).toContain('删除 28 项');
    expect(existsSync(join(running.seedsDir, '安居区2016年政务公开工作要点.docx'))).toBe(false);
  });

  it('refuses an upload from someone who is not an admin', async () => {
    const user = new ChatUser(server, 6002, 6002, 'private');
    await sendFile(user, 'anju', 'x.docx');
    expect((await user.next(1))[0].text).toBe('只有管理员可以上传工作方案。');
  });

  it('reports a broken file and leaves the index and the seeds folder unchanged', async () => {
    const admin = new ChatUser(server, ADMIN_ID, ADMIN_ID, 'private');
    const before = readdirSync(running.seedsDir).sort();
    await sendFile(admin, 'broken', 'broken.docx');
    const [reply] = await admin.next(1, 15_000);
    expect(reply.text).toMatch(/^未能读取 broken\.docx，没有加入索引/);
    expect(reply.buttons).toEqual([]);
    expect(readdirSync(running.seedsDir).sort()).toEqual(before);
    await admin.client.sendCommand(admin.client.makeCommand('/docs'));
    expect((await admin.next(1))[0].text).not.toContain('broken');
  });
});

describe('correcting an upload’s region and year before 加入索引', () => {
  const NAME = '土地储备中心政务公开任务分工.txt';

  it('asks the uploader for the value, reads the plan again with it, and keeps it in catalog.json', async () => {
    const admin = new ChatUser(server, ADMIN_ID, ADMIN_ID, 'private');
    await sendFile(admin, 'silent', NAME);
    const [summary] = await admin.next(1, 15_000);
    expect(summary.text).toContain('地区：未识别　年度：未识别　任务：2 项');
    expect(summary.text).toContain('未找到计划年度');

    await press(admin, summary, summary.buttons.find((b) => b.text === '改地区')!.callback_data);
    const [ask] = await admin.next(1);
    expect(ask.text).toMatch(/^请回复这条消息，写出这份方案的地区/);
    expect(markupOf(ask.messageId)).toMatchObject({ force_reply: true });
    await admin.client.sendMessage(admin.client.makeMessage('江门'));
    const [done] = await admin.next(1);
    expect(done.text).toBe('已将地区改为 江门市，上面的预览已更新（2 项任务）。核对无误后请点「加入索引」。');
    expect(storedMessage(server, summary.messageId)!.text).toContain('地区：江门市（已修改）　年度：未识别');

    await press(admin, summary, summary.buttons.find((b) => b.text === '改年份')!.callback_data);
    await admin.next(1);
    await admin.client.sendMessage(admin.client.makeMessage('明年'));
    expect((await admin.next(1))[0].text).toMatch(/^没有看懂年度「明年」/);
    await admin.client.sendMessage(admin.client.makeMessage('2021'));
    expect((await admin.next(1))[0].text).toMatch(/^已将年度改为 2021，/);
    const updated = storedMessage(server, summary.messageId)!;
    expect(updated.text).toContain('地区：江门市（已修改）　年度：2021（已修改）　任务：2 项');
    expect(updated.text).not.toContain('未找到计划年度');
    expect(existsSync(join(running.seedsDir, NAME))).toBe(false);

    await press(admin, summary, updated.buttons.find((b) => b.text === '加入索引')!.callback_data);
    await waitFor(() => storedMessage(server, summary.messageId)?.text.includes('重新加载完成'), 10_000);
    const added = storedMessage(server, summary.messageId)!.text;
    expect(added).toContain(`${NAME} 已加入文档目录（地区 江门市、年度 2021 已记入 catalog.json）`);
    expect(added).toContain(`江门市 2021：2 项（${NAME}）`);
    expect(JSON.parse(readFileSync(join(running.seedsDir, 'catalog.json'), 'utf8'))).toEqual({ [NAME]: { region: '江门市', year: 2021 } });

    // The corrected year dates the plan's 6月底前; a reload reads the catalog again.
    await admin.client.sendMessage(admin.client.makeMessage('江门市财务科有哪些任务'));
    expect((await admin.next(1))[0].text).toContain('2021-06-30');
    await admin.client.sendCommand(admin.client.makeCommand('/reload'));
    expect((await admin.next(1, 15_000))[0].text).toContain(`江门市 2021：2 项（${NAME}）`);
  });

  it('takes the answer as a reply in a group, only from the uploader', async () => {
    const GROUP = -4242;
    const admin = new ChatUser(server, GROUP, ADMIN_ID, 'group');
    const other = new ChatUser(server, GROUP, 6003, 'group');
    await sendFile(admin, 'silent2', '中心任务.txt', '@TestNameBot');
    const [summary] = await admin.next(1, 15_000);
    expect(summary.text).toContain('地区：未识别');

    // Someone else in the group cannot correct it: no question is asked, their words change nothing.
    await press(other, summary, summary.buttons.find((b) => b.text === '改年份')!.callback_data);
    expect(await other.quiet()).toBe(0);

    await press(admin, summary, summary.buttons.find((b) => b.text === '改年份')!.callback_data);
    const [ask] = await admin.next(1);
    const replyToAsk = { reply_to_message: { message_id: ask.messageId, from: { id: BOT_ID, is_bot: true, first_name: 'Bot' }, chat: { id: GROUP, type: 'group' }, date: 0, text: ask.text } };
    await admin.client.sendMessage(admin.client.makeMessage('２０２２年', replyToAsk as never));
    expect((await admin.next(1))[0].text).toMatch(/^已将年度改为 2022，/);
    expect(storedMessage(server, summary.messageId)!.text).toContain('年度：2022（已修改）');

    await press(admin, summary, summary.buttons.find((b) => b.text === '取消')!.callback_data);
    await waitFor(() => storedMessage(server, summary.messageId)?.text.startsWith('已取消'), 10_000);
    expect(JSON.parse(readFileSync(join(running.seedsDir, 'catalog.json'), 'utf8'))).not.toHaveProperty('中心任务.txt');
  });
});

void TOKEN;
