import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FaultProxy, startFaultProxy } from '../helpers/fault-proxy.js';
import { ADMIN_ID, ChatUser, servedFiles, startEmulator, storedMessage, type TelegramServer, TOKEN } from '../helpers/telegram.js';
import { waitFor } from './wait-for.js';

// The emulator lacks getFile and downloads: the loopback proxy serves the uploaded plan.
const PLAN = readFileSync('test/fixtures/formats/003_6ea2951639ab2eff.docx');
const NAME = '安居区2016年政务公开工作要点.docx';

let server: TelegramServer;
let proxy: FaultProxy;
/** The one data volume: plans, index and SQLite state all live under it, as in the Docker image. */
const volume = mkdtempSync(join(tmpdir(), 'zwgk-volume-'));

beforeAll(async () => {
  server = await startEmulator();
  proxy = await startFaultProxy(server.config.apiURL.replace(/\/$/, ''), () => undefined, servedFiles({ plan: PLAN }));
  cpSync('seeds', join(volume, 'seeds'), { recursive: true });
  rmSync(join(volume, 'seeds', '003_6ea2951639ab2eff.txt'));
});

afterAll(async () => {
  await proxy.close();
  await server.stop();
});

/** Starts the program as its own process, the way production runs it, on the volume alone. */
function spawnBot(): Promise<{ child: ChildProcess; stderr: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: {
      ...process.env,
      BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: proxy.url,
      DATA_DIR: volume,
      SEEDS_DIR: join(volume, 'seeds'),
      INDEX_DIR: join(volume, 'index'),
      INDEX_WORKERS: '0',
      LOG_LEVEL: 'debug',
      ADMIN_IDS: String(ADMIN_ID),
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`bot did not start: ${err}`)), 30_000);
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

describe('a new process on the same data folder', () => {
  it('has the uploaded plan, the binding, the statuses, and loads the saved index instead of rebuilding it', async () => {
    const admin = new ChatUser(server, ADMIN_ID, ADMIN_ID, 'private');
    const first = await spawnBot();
    await admin.client.sendMessage(admin.client.makeMessage('', { document: { file_id: 'plan', file_unique_id: 'plan', file_name: NAME, file_size: PLAN.length } } as never));
    const [preview] = await admin.next(1, 15_000);
    expect(preview.text).toContain(`读取了 ${NAME}（docx）`);
    await admin.client.sendCallback(admin.client.makeCallbackQuery(preview.buttons[0].callback_data, { message: { message_id: preview.messageId, chat: { id: ADMIN_ID, type: 'private' } as never } }));
    await waitFor(() => storedMessage(server, preview.messageId)?.text.includes('重新加载完成'), 15_000);
    expect(existsSync(join(volume, 'seeds', NAME))).toBe(true);
    expect(first.stderr()).toContain('"msg":"index.reloaded"');

    await admin.client.sendCommand(admin.client.makeCommand('/unit 安居 区财政局'));
    expect((await admin.next(1, 15_000))[0].text).toBe('已绑定：本对话 → 安居 区财政局。发送 /mine 查看本单位的全部任务。');
    await admin.client.sendCommand(admin.client.makeCommand('/mine'));
    const ref = /<code>(安居 [^<]+)<\/code>/.exec((await admin.next(1, 15_000))[0].text)![1];
    await admin.client.sendCommand(admin.client.makeCommand(`/done ${ref} 已公开`));
    expect((await admin.next(1, 15_000))[0].text).toMatch(/^已办结：/);
    expect(await stop(first.child)).toBe(0);
    expect(first.stderr()).not.toContain(TOKEN);

    const second = await spawnBot();
    expect(second.stderr()).toContain('"msg":"index.loaded"');
    expect(second.stderr()).not.toMatch(/index\.(stale|unavailable)/);
    await admin.client.sendCommand(admin.client.makeCommand('/mine'));
    const [mine] = await admin.next(1, 15_000);
    expect(mine.text.split('\n')[0]).toMatch(/^<b>【遂宁市安居区2016】区财政局 共 \d+ 项/);
    expect(mine.text).toContain('（已办结）');
    await admin.client.sendCommand(admin.client.makeCommand('/docs'));
    expect((await admin.next(1, 15_000))[0].text).toContain(`docx 文件 ${NAME}`);
    expect(await stop(second.child)).toBe(0);
  }, 90_000);
});

