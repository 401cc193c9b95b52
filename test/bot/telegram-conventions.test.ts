import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FaultProxy, startFaultProxy } from '../helpers/fault-proxy.js';
import { ADMIN_ID, ChatUser, copySeeds, type RunningBot, servedFiles, startBot, startEmulator, type TelegramServer } from '../helpers/telegram.js';
import { waitFor } from './wait-for.js';

// The emulator lacks getFile and file downloads: the loopback proxy serves these files.
const FILES: Record<string, Buffer> = {
  // The seed 003 (遂宁市安居区 2016) as a .docx: the plan already indexed from its .txt.
  anjuDocx: readFileSync('test/fixtures/formats/003_6ea2951639ab2eff.docx'),
  // A seed's very bytes, under another name.
  jiaolingTxt: readFileSync('seeds/000_8c36aaee05ee3aae.txt'),
};

let server: TelegramServer;
let proxy: FaultProxy;
let running: RunningBot;

beforeAll(async () => {
  server = await startEmulator();
  const files = servedFiles(FILES);
  // The emulator lacks sendPhoto and sendDocument (it stores no photo or file): the proxy accepts
  // them, and the test reads what the bot asked for in the request itself.
  proxy = await startFaultProxy(server.config.apiURL.replace(/\/$/, ''), () => undefined, (method, url, body) =>
    method === 'sendPhoto' || method === 'sendDocument'
      ? { status: 200, contentType: 'application/json', body: JSON.stringify({ ok: true, result: { message_id: 900, date: 0, chat: { id: 1, type: 'private' } } }) }
      : files(method, url, body),
  );
  running = await startBot(proxy.url, { seedsDir: copySeeds(), today: '2016-09-01' });
});

afterAll(async () => {
  await running.stop();
  await proxy.close();
  await server.stop();
});

/** The id the emulator gave the user's last message (the question the bot replies to). */
const lastQuestion = () => server.storage.userMessages[server.storage.userMessages.length - 1].messageId;

/** A multipart field of a call the proxy saw (telegraf sends an object field as JSON). */
function field(body: string, name: string): string | undefined {
  return new RegExp(`name="${name}"\\r\\n\\r\\n([^\\r]*)\\r\\n`).exec(body)?.[1];
}

const sendFile = (chat: ChatUser, id: string, name: string) =>
  chat.client.sendMessage(chat.client.makeMessage('', { document: { file_id: id, file_unique_id: id, file_name: name, file_size: FILES[id].length } } as never));

describe('replies to a question', () => {
  it('thread the report’s text and its chart under the question', async () => {
    // In a group of its own: the admin's private chat is the uploads'.
    const admin = new ChatUser(server, -5001, ADMIN_ID, 'group');
    await admin.client.sendCommand(admin.client.makeCommand('/report 安居'));
    const question = lastQuestion();
    // The chart is drawn (seconds of CPU, in this process) before the text and the photo go out:
    // waited for here, not by polling the emulator, whose idle connections the drawing lets expire.
    await waitFor(() => proxy.calls.some((c) => c.method === 'sendPhoto'), 60_000);
    const [text] = await admin.next(1);
    expect(text.text).toMatch(/^安居 任务办理情况（截至 2016-09-01）/);
    expect(text.replyTo).toBe(question);
    const photo = proxy.calls.find((c) => c.method === 'sendPhoto')!;
    expect(photo.body).toContain('filename="report.png"');
    expect(JSON.parse(field(photo.body, 'reply_parameters')!)).toEqual({ message_id: question, allow_sending_without_reply: true });
  }, 90_000);

  it('thread the exported 台账 (.xlsx and .csv) under the question', async () => {
    const user = new ChatUser(server, 6101, 6101, 'private');
    for (const [command, filename] of [
      ['/export 蕉岭 县财政局', '任务台账-蕉岭县财政局-2016-09-01.xlsx'],
      ['/export 蕉岭 县财政局 csv', '任务台账-蕉岭县财政局-2016-09-01.csv'],
    ]) {
      const before = proxy.calls.length;
      await user.client.sendCommand(user.client.makeCommand(command));
      const question = lastQuestion();
      await waitFor(() => proxy.calls.slice(before).some((c) => c.method === 'sendDocument'), 15_000);
      const doc = proxy.calls.slice(before).find((c) => c.method === 'sendDocument')!;
      expect(doc.body).toContain(`filename="${filename}"`);
      expect(field(doc.body, 'caption')).toBe('「蕉岭 县财政局」任务台账：17 项');
      expect(JSON.parse(field(doc.body, 'reply_parameters')!)).toEqual({ message_id: question, allow_sending_without_reply: true });
    }
  });
});

describe('a duplicate upload', () => {
  it('is refused with the name of the indexed plan it repeats: the same plan in another format', async () => {
    const admin = new ChatUser(server, ADMIN_ID, ADMIN_ID, 'private');
    const before = readdirSync(running.seedsDir).sort();
    await sendFile(admin, 'anjuDocx', '安居区2016年政务公开工作要点.docx');
    const [reply] = await admin.next(1, 15_000);
    expect(reply.text).toBe(
      '安居区2016年政务公开工作要点.docx 与已收录的方案「2016年安居区政务公开工作要点」（遂宁市安居区，2016年度，文件 003_6ea2951639ab2eff.txt）内容相同，没有重复加入。要换用这个文件，请先 /remove 003_6ea2951639ab2eff.txt。',
    );
    expect(reply.buttons).toEqual([]);
    expect(readdirSync(running.seedsDir).sort()).toEqual(before);
  });

  it('is refused when it is a plan’s very file under another name', async () => {
    const admin = new ChatUser(server, ADMIN_ID, ADMIN_ID, 'private');
    await sendFile(admin, 'jiaolingTxt', '蕉岭分工方案.txt');
    const [reply] = await admin.next(1, 15_000);
    expect(reply.text).toMatch(/^蕉岭分工方案\.txt 与已收录的方案「蕉岭县贯彻落实.*分工方案」（蕉岭县，2016年度，文件 000_8c36aaee05ee3aae\.txt）内容相同，没有重复加入。/);
  });
});
