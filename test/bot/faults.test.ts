import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FaultProxy, startFaultProxy } from '../helpers/fault-proxy.js';
import { ChatUser, type RunningBot, startBot, startEmulator, type TelegramServer } from '../helpers/telegram.js';

let server: TelegramServer;
let proxy: FaultProxy;
let running: RunningBot;

beforeAll(async () => {
  server = await startEmulator();
  // Every 3rd sendMessage answered 429 (retry after 1 s), every 4th 500, the rest delivered.
  proxy = await startFaultProxy(server.config.apiURL.replace(/\/$/, ''), (method, n) =>
    method !== 'sendMessage' ? undefined : n % 3 === 0 ? { status: 429, retryAfter: 1 } : n % 4 === 0 ? { status: 500 } : undefined,
  );
  running = await startBot(proxy.url);
});

afterAll(async () => {
  await running.stop();
  await proxy.close();
  await server.stop();
});

const QUESTIONS = ['开平 第1项', '开平 第2项', '开平 第3项', '开平 第4项', '开平 第5项', '开平 第6项'];

describe('delivery under 429 and 500 answers', () => {
  it('delivers every reply once, in order per chat', async () => {
    const chats = [new ChatUser(server, 4001, 4001, 'private'), new ChatUser(server, 4002, 4002, 'private')];
    for (const q of QUESTIONS) for (const c of chats) await c.client.sendMessage(c.client.makeMessage(q));
    for (const c of chats) {
      const replies = await c.next(QUESTIONS.length, 30_000);
      expect(replies.map((r) => /<code>开平 (\d+)<\/code>/.exec(r.text)?.[1])).toEqual(['1', '2', '3', '4', '5', '6']);
      const replyTo = replies.map((r) => r.replyTo!);
      expect([...replyTo].sort((a, b) => a - b)).toEqual(replyTo);
      expect(await c.quiet(300)).toBe(0);
    }
    const sends = proxy.calls.filter((c) => c.method === 'sendMessage');
    expect(sends.filter((c) => c.faulted).length).toBeGreaterThanOrEqual(4);
    expect(sends.filter((c) => !c.faulted)).toHaveLength(QUESTIONS.length * 2);
  }, 60_000);

  it('does not retry a method the API does not know, and still answers', async () => {
    const before = proxy.calls.filter((c) => c.method === 'sendChatAction').length;
    const chat = new ChatUser(server, 4003, 4003, 'private');
    await chat.client.sendMessage(chat.client.makeMessage('开平 第7项'));
    expect((await chat.next(1, 15_000))[0].text).toContain('<code>开平 7</code>');
    expect(proxy.calls.filter((c) => c.method === 'sendChatAction').length - before).toBe(1);
  }, 30_000);
});
