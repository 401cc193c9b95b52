import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FaultProxy, startFaultProxy } from '../helpers/fault-proxy.js';
import { planFolder } from '../helpers/plan.js';
import { ChatUser, type RunningBot, startBot, startEmulator, storedMessage, type TelegramServer } from '../helpers/telegram.js';
import { yearPlanFolder } from '../helpers/year-plan.js';
import { bindGranted, press } from './grant.js';
import { waitFor } from './wait-for.js';

let server: TelegramServer;
let proxy: FaultProxy;

beforeAll(async () => {
  server = await startEmulator();
  // The emulator lacks sendPhoto and sendDocument: the proxy accepts and records them.
  proxy = await startFaultProxy(server.config.apiURL.replace(/\/$/, ''), () => undefined, (method) =>
    method === 'sendPhoto' || method === 'sendDocument'
      ? { status: 200, contentType: 'application/json', body: JSON.stringify({ ok: true, result: { message_id: 1, date: 0, chat: { id: 8001, type: 'private' } } }) }
      : undefined,
  );
});

afterAll(async () => {
  await proxy.close();
  await server.stop();
});

describe('办结 and reports through the emulator', () => {
  let running: RunningBot;
  beforeAll(async () => {
    running = await startBot(proxy.url, { seedsDir: planFolder(), today: '2016-07-05' });
  });
  afterAll(() => running.stop());

  it('closes a task with /done, lists /todo, and sends /report with its PNG', async () => {
    const chat = new ChatUser(server, 8001, 8001, 'private');
    await bindGranted(server, chat, '测试 县财政局');
    await chat.client.sendCommand(chat.client.makeCommand('/done 测试 1 已公开'));
    const done = (await chat.next(1))[0].text;
    expect(done).toMatch(/^已办结：• <code>测试 1<\/code>/);
    expect(done.split('\n').at(-1)).toBe('  2016-07-05 由 Li @user8001（id 8001）办结：已公开');
    await chat.client.sendCommand(chat.client.makeCommand('/todo'));
    expect((await chat.next(1))[0].text.split('\n')[0]).toBe('<b>【测试 县财政局】未办结 2 项，其中已逾期 0 项</b>');
    await chat.client.sendCommand(chat.client.makeCommand('/report'));
    // The chart is drawn first (ECharts + resvg): seconds on a loaded machine.
    expect((await chat.next(1, 30_000))[0].text).toMatch(/县财政局：3 项｜已办结 1｜/);
    await waitFor(() => proxy.calls.some((c) => c.method === 'sendPhoto'));
    const photo = proxy.calls.find((c) => c.method === 'sendPhoto')!;
    expect(photo.body).toContain('filename="report.png"');
    expect(photo.body).toMatch(/PNG\r\n\x1a\n/);
  }, 60_000);
});

describe('the morning message through the emulator', () => {
  let running: RunningBot;
  let now = new Date('2016-03-24T00:30:00Z'); // 08:30 in Shanghai: not yet
  beforeAll(async () => {
    running = await startBot(proxy.url, { seedsDir: yearPlanFolder(), today: '2016-03-24', now: () => now });
  });
  afterAll(() => running.stop());
  const morning = (day: string) => {
    now = new Date(`${day}T01:00:00Z`); // 09:00 in Shanghai
    return running.reminders.tick();
  };
  const button = (m: { buttons: Array<{ text: string; callback_data: string }> }, text: string) => m.buttons.find((b) => b.text === text)!.callback_data;

  it('is one message a morning with 办结 buttons; the button closes the task, and the next morning leaves it out', async () => {
    const chat = new ChatUser(server, 8101, 8101, 'private');
    await bindGranted(server, chat, '测试 县财政局');
    expect(await running.reminders.tick()).toBe(0);
    expect(await chat.quiet(200)).toBe(0);

    expect(await morning('2016-03-24')).toBe(1);
    const [first] = await chat.next(1);
    expect(first.text.split('\n')[0]).toBe('⏰ 到期提醒（2016-03-24）：测试 县财政局 2 项');
    expect(first.text).toContain('<b>【阶段性时间节点】</b>\n• <code>测试 3</code> 公开规划编制进展和结果。');
    expect(first.buttons.map((b) => b.text)).toEqual(['✅ 办结 测试 2', '查看', '✅ 办结 测试 3', '查看']);
    expect(await chat.quiet(200)).toBe(0);

    // ✅ 办结 asks for a note; the reply closes the task with it, naming who.
    await press(chat, first, button(first, '✅ 办结 测试 3'));
    const [question] = await chat.next(1);
    expect(question.text).toMatch(/^办结 \[测试 3\]：请回复本条消息写明办结说明/);
    expect(question.buttons.map((b) => b.text)).toEqual(['不填写说明']);
    await chat.client.sendMessage(chat.client.makeMessage('规划编制进展已在政府网站公开'));
    const [closed] = await chat.next(1);
    expect(closed.text).toMatch(/^已办结：• <code>测试 3<\/code>/);
    expect(closed.text.split('\n').at(-1)).toBe('  2016-03-24 由 Li @user8101（id 8101）办结：规划编制进展已在政府网站公开');

    // 查看 shows the whole task with its status.
    await press(chat, first, button(first, '查看'));
    expect((await chat.next(1))[0].text).toMatch(/^• <code>测试 2<\/code> 按季度公开全县财政收支情况。\n  工作任务：推进财政数据公开\n  完成时限：每季度（未到期）/);

    expect(await morning('2016-03-30')).toBe(1);
    const [second] = await chat.next(1);
    expect(second.text).toContain('测试 2');
    expect(second.text).not.toContain('测试 3');
    expect(second.buttons.map((b) => b.text)).toEqual(['✅ 办结 测试 2', '查看']);

    // 不填写说明 closes the quarter at once, in the question's place.
    await press(chat, second, button(second, '✅ 办结 测试 2'));
    const [ask] = await chat.next(1);
    await press(chat, ask, button(ask, '不填写说明'));
    await waitFor(() => storedMessage(server, ask.messageId)?.text.startsWith('已办结：') ?? false);
    expect(storedMessage(server, ask.messageId)!.text).toContain('2016-03-24 由 Li @user8101（id 8101）办结（2016年第一季度）');

    expect(await morning('2016-03-31')).toBe(0);
    expect(await chat.quiet(200)).toBe(0);
    // The next quarter is open again.
    expect(await morning('2016-06-23')).toBe(1);
    expect((await chat.next(1))[0].text).toContain('• <code>测试 2</code> 按季度公开全县财政收支情况。\n  时限：每季度，本期（2016年第二季度）至 2016-06-30');
  }, 60_000);
});
