import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChatUser, freePort, type RunningBot, startBot, startEmulator, type TelegramServer } from '../helpers/telegram.js';

let server: TelegramServer;
let running: RunningBot;
let hook: string;
const SECRET = 'webhook-secret-0123456789';
const CHAT = 6101;

beforeAll(async () => {
  server = await startEmulator();
  const port = await freePort();
  hook = `http://127.0.0.1:${port}/tg/hook`;
  running = await startBot(server.config.apiURL, { env: { WEBHOOK_URL: 'https://bot.example.org/tg/hook', WEBHOOK_SECRET: SECRET, WEBHOOK_PORT: String(port) } });
});

afterAll(async () => {
  await running.stop();
  await server.stop();
});

let nextId = 1;
function update(text: string): string {
  const id = nextId++;
  const user = { id: CHAT, is_bot: false, first_name: 'Li' };
  return JSON.stringify({ update_id: id, message: { message_id: id, date: 1_700_000_000, from: user, chat: { id: CHAT, type: 'private' }, text } });
}

function post(body: string, headers: Record<string, string> = { 'x-telegram-bot-api-secret-token': SECRET }, url = hook): Promise<number> {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body }).then(
    (r) => r.status,
    () => 413, // the server drops the connection of a body past the cap
  );
}

describe('the webhook server', () => {
  it('answers an update carrying the secret, on the path of WEBHOOK_URL', async () => {
    const chat = new ChatUser(server, CHAT, CHAT, 'private');
    expect(await post(update('开平 第1项'))).toBe(200);
    expect((await chat.next(1, 10_000))[0].text).toContain('<code>开平 1</code>');
  });

  it('never answers a forged update: no secret or a wrong one is 401 and reaches no handler', async () => {
    const chat = new ChatUser(server, CHAT, CHAT, 'private');
    expect(await post(update('开平 第2项'), {})).toBe(401);
    expect(await post(update('开平 第2项'), { 'x-telegram-bot-api-secret-token': `${SECRET}x` })).toBe(401);
    expect(await chat.quiet(500)).toBe(0);
  });

  it('refuses bodies that are not an update, too large, or on another path, and keeps serving', async () => {
    expect(await post('null')).toBe(400);
    expect(await post('not json {')).toBe(400);
    expect(await post('[1,2]')).toBe(400);
    expect(await post('{"update_id":"x"}')).toBe(400);
    expect(await post(`{"update_id":1,"pad":"${'x'.repeat(2 * 1024 * 1024)}"}`)).toBe(413);
    expect(await post(update('开平 第3项'), undefined, hook.replace('/tg/hook', '/other'))).toBe(404);
    const chat = new ChatUser(server, CHAT, CHAT, 'private');
    expect(await post(update('开平 第4项'))).toBe(200);
    expect((await chat.next(1, 10_000))[0].text).toContain('<code>开平 4</code>');
  });
});
