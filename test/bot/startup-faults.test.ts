import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { POLLING } from '../../src/bot/polling.js';
import { createLogger } from '../../src/log.js';
import { dataFault, EXIT, main } from '../../src/main.js';
import { type Fault, fastClock, type FaultProxy, startFaultProxy } from '../helpers/fault-proxy.js';
import { ADMIN_ID, ChatUser, type RunningBot, startBot, startEmulator, type TelegramServer, TOKEN } from '../helpers/telegram.js';
import { waitFor } from './wait-for.js';

let server: TelegramServer;
let proxy: FaultProxy;
let running: RunningBot;
const lines: string[] = [];
const SECRET = TOKEN.slice(TOKEN.indexOf(':') + 1);

/** Set by a test: the next getUpdates never answers (a dead long poll). */
let hangNextPoll = false;

// At start getMe fails three ways (500, an HTML page from a proxy, 502); getFile answers with an
// HTML error page, whose fetch error carries the request URL (and so the token).
const faults = (method: string, n: number): Fault => {
  if (method === 'getMe') return n === 1 ? { status: 500 } : n === 2 ? { html: 404 } : n === 3 ? { status: 502 } : undefined;
  if (method === 'getUpdates' && hangNextPoll) {
    hangNextPoll = false;
    return { hang: true };
  }
  if (method === 'getFile') return { html: 404 };
  return undefined;
};

beforeAll(async () => {
  server = await startEmulator();
  proxy = await startFaultProxy(server.config.apiURL.replace(/\/$/, ''), faults);
  const sink = new Writable({ write: (c, _e, cb) => (lines.push(...String(c).split('\n').filter(Boolean)), cb()) });
  running = await startBot(proxy.url, { log: createLogger('debug', TOKEN, sink), clock: fastClock(100), polling: { ...POLLING, pollSeconds: 0, requestTimeoutMs: 400 } });
});

afterAll(async () => {
  await running.stop();
  await proxy.close();
  await server.stop();
});

describe('start-up and network faults', () => {
  it('retries getMe with backoff, logging each failure, until the API answers', () => {
    expect(proxy.calls.filter((c) => c.method === 'getMe')).toHaveLength(4);
    expect(lines.filter((l) => l.includes('"msg":"telegram.unreachable"'))).toHaveLength(3);
    expect(lines.some((l) => l.includes('"msg":"telegram.connected"'))).toBe(true);
  });

  it('notices a long poll that never answers, starts it again, and answers', async () => {
    const chat = new ChatUser(server, 6201, 6201, 'private');
    hangNextPoll = true;
    await waitFor(() => !hangNextPoll);
    await chat.client.sendMessage(chat.client.makeMessage('开平 第1项'));
    expect((await chat.next(1, 10_000))[0].text).toContain('<code>开平 1</code>');
    expect(lines.some((l) => l.includes('"msg":"telegram.poll_timeout"'))).toBe(true);
    expect(POLLING.requestTimeoutMs).toBeLessThan(60_000);
  });

  it('never shows or logs the token, not even from an API answer that is not JSON', async () => {
    const admin = new ChatUser(server, ADMIN_ID, ADMIN_ID, 'private');
    await admin.client.sendMessage(admin.client.makeMessage('', { document: { file_id: 'f1', file_unique_id: 'f1', file_name: '方案.docx', file_size: 1000 } } as never));
    const [reply] = await admin.next(1, 10_000);
    expect(reply.text).not.toContain(SECRET.slice(0, 12));
    expect(lines.length).toBeGreaterThan(5);
    for (const l of lines) expect(l).not.toContain(SECRET.slice(0, 12));
  });
});

describe('a data folder the bot cannot use', () => {
  it('stops with one message naming the corrupt SQLite file and what to do, exit code 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zwgk-corrupt-'));
    writeFileSync(join(dir, 'zwgk-bot.sqlite'), 'this is not a database, just some text that is long enough to be a header. '.repeat(20));
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const code = await main({ BOT_TOKEN: TOKEN, DATA_DIR: dir, TELEGRAM_API_ROOT: 'http://127.0.0.1:9', LOG_LEVEL: 'silent' });
    const said = err.mock.calls.map((c) => String(c[0])).join('');
    err.mockRestore();
    expect(code).toBe(EXIT.data);
    expect(said).toContain(`数据文件 ${join(dir, 'zwgk-bot.sqlite')} 已损坏`);
    expect(said).toContain('把它移走');
  });

  it('names a read-only folder and a full disk, each with what to do', () => {
    const fault = (code: string) => dataFault(Object.assign(new Error(code), { code }), '/app/data');
    expect(fault('SQLITE_READONLY')).toContain('数据目录 /app/data 不可写');
    expect(fault('EROFS')).toContain('检查 DATA_DIR 的挂载与权限');
    expect(fault('SQLITE_FULL')).toContain('磁盘已满');
    expect(fault('ENOSPC')).toContain('释放磁盘空间');
    expect(fault('ECONNRESET')).toBeUndefined();
  });
});
