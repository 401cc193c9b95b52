import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { Telegram } from 'telegraf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../src/bot/clock.js';
import { Delivery } from '../../src/bot/delivery.js';
import { SqliteStore } from '../../src/store/sqlite-store.js';
import { type Fault, fastClock, type FaultProxy, startFaultProxy } from '../helpers/fault-proxy.js';
import { startEmulator, TEST_LIMITS, type TelegramServer, TOKEN } from '../helpers/telegram.js';
import { waitFor } from './wait-for.js';

let server: TelegramServer;
let proxy: FaultProxy;
/** What the proxy answers sendMessage with now; set by each test. */
let fault: (n: number) => Fault = () => undefined;
const silent = pino({ level: 'silent' });
/** The real retry budget (15 minutes), on a clock 1000 times faster. */
const LIMITS = { ...TEST_LIMITS, maxRetryMs: 15 * 60_000, backoffMs: 500, maxBackoffMs: 30_000 };

beforeAll(async () => {
  server = await startEmulator();
  proxy = await startFaultProxy(server.config.apiURL.replace(/\/$/, ''), (method, n) => (method === 'sendMessage' ? fault(n) : undefined));
});

afterAll(async () => {
  await proxy.close();
  await server.stop();
});

/** A delivery over a store, attached to a client of the proxy (it resends what the store kept), on `clock`. */
function delivery(s: SqliteStore, clock: Clock): { d: Delivery; api: Telegram } {
  const d = new Delivery(silent, s, LIMITS, clock);
  const api = new Telegram(TOKEN, { apiRoot: proxy.url });
  d.attach(api);
  return { d, api };
}

/** Queues `count` numbered texts to each chat, alternating chats, as the bot's handlers do. */
function queue({ d, api }: { d: Delivery; api: Telegram }, chats: number[], count: number): void {
  for (let i = 1; i <= count; i++) for (const chat of chats) void d.run(chat, false, 'sendMessage', () => api.sendMessage(chat, `#${i}`));
}

function delivered(chat: number): string[] {
  return server.storage.botMessages.filter((m) => Number(m.message.chat_id) === chat).map((m) => String(m.message.text));
}

const store = () => new SqliteStore(mkdtempSync(join(tmpdir(), 'zwgk-delivery-')));
const numbers = (n: number) => Array.from({ length: n }, (_, i) => `#${i + 1}`);

describe('Delivery', () => {
  it('waits out a 429 retry_after of 75 s and then delivers', async () => {
    const clock = fastClock(1000);
    let faultedAt = 0;
    fault = (n) => (n === 1 ? ((faultedAt = clock.now()), { status: 429, retryAfter: 75 }) : undefined);
    const { d, api } = delivery(store(), clock);
    const sent = await d.run(5101, false, 'sendMessage', () => api.sendMessage(5101, 'after the flood'));
    expect(sent?.text).toBe('after the flood');
    expect(clock.now() - faultedAt).toBeGreaterThanOrEqual(75_000);
  });

  it('delivers everything queued through a 5xx outage of 90 s, in order per chat', async () => {
    const clock = fastClock(100);
    const end = clock.now() + 90_000;
    fault = () => (clock.now() < end ? { status: 502 } : undefined);
    const sending = delivery(store(), clock);
    queue(sending, [5201, 5202, 5203], 5);
    expect(await sending.d.drain(20_000)).toBe(true);
    for (const chat of [5201, 5202, 5203]) expect(delivered(chat)).toEqual(numbers(5));
    expect(proxy.calls.filter((c) => c.faulted).length).toBeGreaterThan(3);
  });

  it('keeps what it could not deliver in the store, and a restart sends it in order', async () => {
    const s = store();
    fault = () => ({ status: 500 });
    const before = delivery(s, fastClock(1000));
    queue(before, [5301, 5302], 4);
    expect(await before.d.drain(300)).toBe(false);
    expect(s.list('outbox')).toHaveLength(8);

    fault = () => undefined;
    const after = delivery(s, fastClock(1000));
    await waitFor(() => delivered(5301).length + delivered(5302).length >= 8, 10_000);
    expect(await after.d.drain(5000)).toBe(true);
    expect([delivered(5301), delivered(5302)]).toEqual([numbers(4), numbers(4)]);
    expect(s.list('outbox')).toEqual([]);
  });
});
