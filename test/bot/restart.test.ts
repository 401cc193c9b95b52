import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChatUser, startEmulator, type TelegramServer, TOKEN } from '../helpers/telegram.js';

let server: TelegramServer;
const dataDir = mkdtempSync(join(tmpdir(), 'zwgk-restart-'));

beforeAll(async () => {
  server = await startEmulator();
});

afterAll(async () => {
  await server.stop();
});

/** Starts `npm start`'s entry point as its own process, the way production runs it. */
function spawnBot(): Promise<{ child: ChildProcess; stderr: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: { ...process.env, BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: server.config.apiURL, DATA_DIR: dataDir, LOG_LEVEL: 'info', ADMIN_IDS: '1001' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`bot did not start: ${err}`)), 20_000);
    child.stderr!.on('data', () => {
      if (err.includes('bot.starting')) {
        clearTimeout(timer);
        setTimeout(() => resolve({ child, stderr: () => err }), 300);
      }
    });
  });
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

describe('a restart', () => {
  it('keeps the unit binding, and the bot stops cleanly on SIGTERM', async () => {
    const chat = new ChatUser(server, 5001, 5001, 'private');
    const first = await spawnBot();
    await chat.client.sendCommand(chat.client.makeCommand('/unit 安居 区财政局'));
    expect((await chat.next(1, 15_000))[0].text).toBe('已绑定：本对话 → 安居 区财政局。发送 /mine 查看本单位的全部任务。');
    expect(await stop(first.child)).toBe(0);
    expect(first.stderr()).not.toContain(TOKEN);

    const second = await spawnBot();
    await chat.client.sendCommand(chat.client.makeCommand('/mine'));
    const [mine] = await chat.next(1, 15_000);
    expect(mine.text.split('\n')[0]).toMatch(/^<b>【遂宁市安居区2016】区财政局 共 \d+ 项/);
    expect(await stop(second.child)).toBe(0);
  }, 60_000);
});
