import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { Telegram } from 'telegraf';
import { Delivery, TELEGRAM_LIMITS } from '../src/bot/delivery.js';
import { SqliteStore } from '../src/store/sqlite-store.js';
import { fastClock, startFaultProxy } from '../test/helpers/fault-proxy.js';
import { startEmulator, TOKEN } from '../test/helpers/telegram.js';

/**
 * 500 replies (50 chats × 10) queued at once into a Bot API that answers 502 for its first 60
 * seconds, with Telegram's rate limits and the real retry budget, on a clock 10 times faster (the
 * limits' gaps scaled with it). Figures: delivered, in order per chat, calls refused, and the time
 * it took on the bot's clock and on the wall.
 */
export async function deliveryOutage(chats = 50, perChat = 10, outageS = 60, factor = 10): Promise<Record<string, number | boolean>> {
  const server = await startEmulator();
  const clock = fastClock(factor);
  const outageEnd = clock.now() + outageS * 1000;
  const proxy = await startFaultProxy(server.config.apiURL.replace(/\/$/, ''), (method) => (method === 'sendMessage' && clock.now() < outageEnd ? { status: 502 } : undefined));
  const limits = { ...TELEGRAM_LIMITS, privateGapMs: TELEGRAM_LIMITS.privateGapMs / factor, groupGapMs: TELEGRAM_LIMITS.groupGapMs / factor, globalGapMs: TELEGRAM_LIMITS.globalGapMs / factor };
  const store = new SqliteStore(mkdtempSync(join(tmpdir(), 'zwgk-bench-delivery-')));
  const delivery = new Delivery(pino({ level: 'silent' }), store, limits, clock);
  const api = new Telegram(TOKEN, { apiRoot: proxy.url });
  delivery.attach(api);
  const started = { clock: clock.now(), wall: performance.now() };
  for (let i = 1; i <= perChat; i++) for (let c = 0; c < chats; c++) void delivery.run(8000 + c, false, 'sendMessage', () => api.sendMessage(8000 + c, `#${i}`));
  const drained = await delivery.drain(600_000 / factor);
  const byChat = new Map<number, string[]>();
  for (const m of server.storage.botMessages) byChat.set(Number(m.message.chat_id), [...(byChat.get(Number(m.message.chat_id)) ?? []), String(m.message.text)]);
  const inOrder = [...byChat.values()].every((texts) => texts.every((t, i) => t === `#${i + 1}`));
  const figures = {
    replies: chats * perChat,
    delivered: server.storage.botMessages.length,
    in_order_per_chat: inOrder && byChat.size === chats,
    drained,
    refused_calls: proxy.calls.filter((c) => c.faulted).length,
    outage_s: outageS,
    bot_clock_s: Math.round((clock.now() - started.clock) / 100) / 10,
    wall_s: Math.round((performance.now() - started.wall) / 100) / 10,
    left_in_outbox: store.list('outbox').length,
  };
  store.close();
  await proxy.close();
  await server.stop();
  return figures;
}
