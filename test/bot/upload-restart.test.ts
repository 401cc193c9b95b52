import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { type FaultProxy, startFaultProxy } from '../helpers/fault-proxy.js';
import { ADMIN_ID, ChatUser, copySeeds, servedFiles, startBot, startEmulator, storedMessage, type TelegramServer } from '../helpers/telegram.js';
import { press } from './grant.js';
import { waitFor } from './wait-for.js';

const PLAN = readFileSync('test/fixtures/formats/003_6ea2951639ab2eff.docx');
const NAME = '安居区2016年政务公开工作要点.docx';

let server: TelegramServer;
let proxy: FaultProxy;

beforeAll(async () => {
  server = await startEmulator();
  proxy = await startFaultProxy(server.config.apiURL.replace(/\/$/, ''), () => undefined, servedFiles({ plan: PLAN }));
});

afterAll(async () => {
  await proxy.close();
  await server.stop();
});

describe('an upload’s buttons after a restart', () => {
  it('add a preview made before it, and say truly that a decided one was added', async () => {
    const seedsDir = copySeeds();
    rmSync(join(seedsDir, '003_6ea2951639ab2eff.txt'));
    const dataDir = mkdtempSync(join(tmpdir(), 'zwgk-data-'));
    const admin = new ChatUser(server, ADMIN_ID, ADMIN_ID, 'private');
    const first = await startBot(proxy.url, { seedsDir, dataDir });
    await admin.client.sendMessage(admin.client.makeMessage('', { document: { file_id: 'plan', file_unique_id: 'plan', file_name: NAME, file_size: PLAN.length } } as never));
    const [preview] = await admin.next(1, 15_000);
    await first.stop();

    const second = await startBot(proxy.url, { seedsDir, dataDir });
    await press(admin, preview, preview.buttons[0].callback_data);
    await waitFor(() => storedMessage(server, preview.messageId)?.text.includes('重新加载完成'), 15_000);
    await press(admin, preview, preview.buttons[0].callback_data);
    await waitFor(() => storedMessage(server, preview.messageId)?.text === `${NAME} 已加入文档目录（之前已确认）。已在索引中。`);
    await second.stop();
  }, 60_000);
});
