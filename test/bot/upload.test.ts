import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FaultProxy, startFaultProxy } from '../helpers/fault-proxy.js';
import { ADMIN_ID, ChatUser, copySeeds, type RunningBot, startBot, startEmulator, storedMessage, type TelegramServer, TOKEN } from '../helpers/telegram.js';

// The emulator lacks getFile and file downloads: the loopback proxy serves them from these files.
const FILES: Record<string, Buffer> = {
  anju: readFileSync('test/fixtures/formats/003_6ea2951639ab2eff.docx'),
  broken: readFileSync('test/fixtures/formats/003_6ea2951639ab2eff.docx').subarray(0, 2000),
};

let server: TelegramServer;
let proxy: FaultProxy;
let running: RunningBot;

beforeAll(async () => {
  server = await startEmulator();
  proxy = await startFaultProxy(
    server.config.apiURL.replace(/\/$/, ''),
    () => undefined,
    (method, url, body) => {
      if (method === 'getFile') {
        const id = JSON.parse(body).file_id as string;
        return { status: 200, contentType: 'application/json', body: JSON.stringify({ ok: true, result: { file_id: id, file_unique_id: id, file_size: FILES[id].length, file_path: `documents/${id}.docx` } }) };
      }
      const file = /^\/file\/bot[^/]+\/documents\/(\w+)\.docx$/.exec(url);
      return file ? { status: 200, contentType: 'application/octet-stream', body: FILES[file[1]] } : undefined;
    },
  );
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

describe('uploading a plan in chat', () => {
  it('lets an admin upload a .docx, confirm it, and then answers about it', async () => {
    const admin = new ChatUser(server, ADMIN_ID, ADMIN_ID, 'private');
    await admin.client.sendMessage(admin.client.makeMessage('安居区财政局有哪些任务'));
    expect((await admin.next(1))[0].text).toMatch(/^还没有收录安居区的工作方案/);

    await sendFile(admin, 'anju', '安居区2016年政务公开工作要点.docx');
    const [summary] = await admin.next(1, 15_000);
    expect(summary.text).toContain('读取了 安居区2016年政务公开工作要点.docx（docx）');
    expect(summary.text).toContain('地区：遂宁市安居区　年度：2016　任务：28 项');
    expect(summary.buttons.map((b) => b.text)).toEqual(['加入索引', '取消']);
    expect(readdirSync(running.seedsDir)).not.toContain('安居区2016年政务公开工作要点.docx');

    await admin.client.sendCallback(admin.client.makeCallbackQuery(summary.buttons[0].callback_data, { message: { message_id: summary.messageId, chat: { id: ADMIN_ID, type: 'private' } as never } }));
    await waitFor(() => storedMessage(server, summary.messageId)?.text.includes('重新加载完成'));
    expect(storedMessage(server, summary.messageId)!.text).toContain('遂宁市安居区 2016：28 项（安居区2016年政务公开工作要点.docx）');
    expect(existsSync(join(running.seedsDir, '安居区2016年政务公开工作要点.docx'))).toBe(true);

    await admin.client.sendMessage(admin.client.makeMessage('安居区财政局有哪些任务'));
    expect((await admin.next(1))[0].text).toContain('<code>安居 三（三）</code>');
  });

  it('replaces a file of the same name only after a second confirmation, and /remove takes a plan out', async () => {
    const admin = new ChatUser(server, ADMIN_ID, ADMIN_ID, 'private');
    const press = async (m: { messageId: number }, data: string) =>
      admin.client.sendCallback(admin.client.makeCallbackQuery(data, { message: { message_id: m.messageId, chat: { id: ADMIN_ID, type: 'private' } as never } }));
    await sendFile(admin, 'anju', '安居区2016年政务公开工作要点.docx');
    const [summary] = await admin.next(1, 15_000);
    expect(summary.text).toContain('已有同名文件');
    await press(summary, summary.buttons[0].callback_data);
    await waitFor(() => storedMessage(server, summary.messageId)?.text.includes('确认用新文件替换'));
    const ask = storedMessage(server, summary.messageId)!;
    expect(ask.buttons.map((b) => b.text)).toEqual(['确认替换', '取消']);
    await press(summary, ask.buttons[0].callback_data);
    await waitFor(() => storedMessage(server, summary.messageId)?.text.includes('重新加载完成'));
    expect(storedMessage(server, summary.messageId)!.text).toContain('（新增 0 项，删除 0 项');

    await admin.client.sendCommand(admin.client.makeCommand('/remove 安居'));
    const [confirm] = await admin.next(1);
    expect(confirm.text).toMatch(/^确认从索引中移除 遂宁市安居区 2016/);
    await press(confirm, confirm.buttons[0].callback_data);
    await waitFor(() => storedMessage(server, confirm.messageId)?.text.includes('重新加载完成'));
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

async function waitFor(cond: () => boolean | undefined, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out waiting for the bot');
    await new Promise((r) => setTimeout(r, 25));
  }
}
void TOKEN;
