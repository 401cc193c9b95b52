import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendReminder } from '../../src/bot/create-bot.js';
import { ArchivedPlans } from '../../src/store/archived-plans.js';
import { ChatBindings } from '../../src/store/chat-bindings.js';
import { ReminderScheduler } from '../../src/tracking/scheduler.js';
import { StatusBook } from '../../src/tracking/task-status.js';
import { type FaultProxy, startFaultProxy } from '../helpers/fault-proxy.js';
import { planFolder } from '../helpers/plan.js';
import { ChatUser, type RunningBot, startBot, startEmulator, type TelegramServer } from '../helpers/telegram.js';
import { bindGranted } from './grant.js';
import { waitFor } from './wait-for.js';

let server: TelegramServer;
let proxy: FaultProxy;
let running: RunningBot;

beforeAll(async () => {
  server = await startEmulator();
  // The emulator lacks sendPhoto and sendDocument: the proxy accepts and records them.
  proxy = await startFaultProxy(server.config.apiURL.replace(/\/$/, ''), () => undefined, (method) =>
    method === 'sendPhoto' || method === 'sendDocument'
      ? { status: 200, contentType: 'application/json', body: JSON.stringify({ ok: true, result: { message_id: 1, date: 0, chat: { id: 8001, type: 'private' } } }) }
      : undefined,
  );
  running = await startBot(proxy.url, { seedsDir: planFolder(), today: '2016-07-05' });
});

afterAll(async () => {
  await running.stop();
  await proxy.close();
  await server.stop();
});

describe('办结, reports and reminders through the emulator', () => {
  it('closes a task with /done, lists /todo, and sends /report with its PNG', async () => {
    const chat = new ChatUser(server, 8001, 8001, 'private');
    await bindGranted(server, chat, '测试 县财政局');
    await chat.client.sendCommand(chat.client.makeCommand('/done 测试 1 已公开'));
    const done = (await chat.next(1))[0].text;
    expect(done).toMatch(/^已办结：• <code>测试 1<\/code>/);
    expect(done.split('\n').at(-1)).toBe('办结人：Li @user8001（id 8001）');
    await chat.client.sendCommand(chat.client.makeCommand('/todo'));
    expect((await chat.next(1))[0].text.split('\n')[0]).toBe('<b>【测试 县财政局】未办结 2 项，其中已逾期 0 项</b>');
    await chat.client.sendCommand(chat.client.makeCommand('/report'));
    // The chart is drawn first (ECharts + resvg): seconds on a loaded machine.
    expect((await chat.next(1, 30_000))[0].text).toContain('• 县财政局：3 项｜已办结 1｜未办结 2｜已逾期 0');
    await waitFor(() => proxy.calls.some((c) => c.method === 'sendPhoto'));
    const photo = proxy.calls.find((c) => c.method === 'sendPhoto')!;
    expect(photo.body).toContain('filename="report.png"');
    expect(photo.body).toMatch(/PNG\r\n\x1a\n/);
  }, 60_000);

  it('delivers a reminder at the scheduled time (clock injected)', async () => {
    const store = running.store;
    new ChatBindings(store).set({ chatId: 8002 }, { unit: '测试 县审计局', at: 'x', granted: { by: 'test', at: 'x' } });
    let now = new Date('2016-08-24T00:30:00Z'); // 08:30 in Shanghai: not yet
    const scheduler = new ReminderScheduler({
      library: running.library,
      store,
      status: new StatusBook(store),
      archived: new ArchivedPlans(store),
      log: pino({ level: 'silent' }),
      send: (chatId, text) => sendReminder(running.bot, running.delivery, chatId, text),
      now: () => now,
      timeZone: 'Asia/Shanghai',
    });
    const chat = new ChatUser(server, 8002, 8002, 'private');
    expect(await scheduler.tick()).toBe(0);
    expect(await chat.quiet(200)).toBe(0);
    now = new Date('2016-08-24T01:00:00Z'); // 09:00: seven days before 2016-08-31
    expect(await scheduler.tick()).toBe(2); // this chat's dated task, and chat 8001's monthly one
    const [reminder] = await chat.next(1);
    expect(reminder.text).toMatch(/^⏰ 提醒：还有 7 天到期\n• <code>测试 3<\/code> 公开年度审计工作报告。/);
  });
});

