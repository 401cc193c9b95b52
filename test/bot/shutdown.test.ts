import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT, main } from '../../src/main.js';
import { SqliteStore } from '../../src/store/sqlite-store.js';
import { ChatUser, copySeeds, startEmulator, type TelegramServer, TOKEN } from '../helpers/telegram.js';
import { waitFor } from './wait-for.js';

let server: TelegramServer;

beforeAll(async () => {
  server = await startEmulator();
});

afterAll(async () => {
  await server.stop();
});

describe('the program on SIGTERM', () => {
  it('stops taking updates, delivers every queued reply within Telegram’s limits, closes the store and returns 0', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'zwgk-shutdown-'));
    const seeds = copySeeds();
    let signal!: (s: string) => void;
    const signals = new Promise<string>((r) => (signal = r));
    const env = { BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: server.config.apiURL, DATA_DIR: dataDir, SEEDS_DIR: seeds, INDEX_DIR: join(dataDir, 'index'), INDEX_WORKERS: '0', LOG_LEVEL: 'silent' };
    const exited = main(env, { signals });
    // Two chats, four questions each: at Telegram's 1 message/s per chat, most are still queued at the signal.
    const chats = [new ChatUser(server, 6301, 6301, 'private'), new ChatUser(server, 6302, 6302, 'private')];
    for (const n of [1, 2, 3, 4]) for (const c of chats) await c.client.sendMessage(c.client.makeMessage(`开平 第${n}项`));
    await waitFor(() => server.storage.userMessages.every((m) => m.isRead), 30_000);
    await waitFor(() => server.storage.botMessages.length >= 1, 30_000);
    const started = Date.now();
    signal('SIGTERM');
    expect(await exited).toBe(EXIT.ok);
    expect(Date.now() - started).toBeLessThan(10_500);
    for (const c of chats) {
      const texts = (await c.next(4, 2000)).map((m) => /<code>开平 (\d+)<\/code>/.exec(m.text)?.[1]);
      expect(texts).toEqual(['1', '2', '3', '4']);
    }
    // Closed, and nothing left to resend.
    const store = new SqliteStore(dataDir);
    expect(store.list('outbox')).toEqual([]);
    store.close();
  }, 90_000);
});
