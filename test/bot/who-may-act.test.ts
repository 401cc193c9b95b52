import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FaultProxy, startFaultProxy } from '../helpers/fault-proxy.js';
import { ADMIN_ID, ChatUser, copySeeds, type RunningBot, servedFiles, startBot, startEmulator, storedMessage, type TelegramServer } from '../helpers/telegram.js';
import { press } from './grant.js';
import { waitFor } from './wait-for.js';

const GROUP = -7000;
/** The admin of the group (getChatMember says so); everyone else there is a member. */
const GROUP_ADMIN = 7100;
const PLAN = readFileSync('test/fixtures/formats/003_6ea2951639ab2eff.docx');
const NAME = '安居区2016年政务公开工作要点.docx';

let server: TelegramServer;
let proxy: FaultProxy;
let running: RunningBot;

beforeAll(async () => {
  server = await startEmulator();
  // The emulator lacks getChatMember, getFile and downloads: the proxy answers them.
  const files = servedFiles({ plan: PLAN });
  proxy = await startFaultProxy(server.config.apiURL.replace(/\/$/, ''), () => undefined, (method, url, body) => {
    if (method !== 'getChatMember') return files(method, url, body);
    const userId = JSON.parse(body).user_id as number;
    const status = userId === GROUP_ADMIN ? 'administrator' : 'member';
    return { status: 200, contentType: 'application/json', body: JSON.stringify({ ok: true, result: { status, user: { id: userId, is_bot: false, first_name: 'Li' } } }) };
  });
  const seedsDir = copySeeds();
  rmSync(join(seedsDir, '003_6ea2951639ab2eff.txt'));
  running = await startBot(proxy.url, { seedsDir, groupAdminsMayUpload: true });
});

afterAll(async () => {
  await running.stop();
  await proxy.close();
  await server.stop();
});

const privateChat = (userId: number) => new ChatUser(server, userId, userId, 'private');
const inGroup = (userId: number) => new ChatUser(server, GROUP, userId, 'group');
const say = async (user: ChatUser, text: string, n = 1) => {
  await user.client.sendCommand(user.client.makeCommand(text));
  return user.next(n, 15_000);
};
const sendPlan = (user: ChatUser, caption?: string) =>
  user.client.sendMessage(user.client.makeMessage('', { document: { file_id: 'plan', file_unique_id: 'plan', file_name: NAME, file_size: PLAN.length }, caption } as never));

describe('who may act for a unit', () => {
  it('lets a claimed binding read but not close its tasks until a bot admin grants it; the 办结 names who', async () => {
    const official = privateChat(7001);
    const admin = privateChat(ADMIN_ID);
    expect((await say(official, '/unit 蕉岭 县财政局'))[0].text).toMatch(/^已登记：本对话 → 蕉岭 县财政局（待管理员批准）/);
    const [request] = await admin.next(1);
    expect(request.buttons.map((b) => b.text)).toEqual(['批准', '拒绝']);
    expect((await say(official, '/mine'))[0].text).toMatch(/^<b>【蕉岭县2016】县财政局 共 8 项/);
    expect((await say(official, '/done 蕉岭 10.2'))[0].text).toMatch(/^您的单位绑定还在等待管理员批准/);
    expect((await say(official, '/undo 蕉岭 10.2'))[0].text).toMatch(/^您的单位绑定还在等待管理员批准/);
    expect(running.store.list('status')).toEqual([]);

    await press(admin, request, request.buttons[0].callback_data);
    expect((await official.next(1))[0].text).toMatch(/^绑定 蕉岭 县财政局 的申请已获批准/);
    expect(storedMessage(server, request.messageId)!.text).toBe(`已批准绑定 蕉岭 县财政局（Li @user${ADMIN_ID}（id ${ADMIN_ID}））。`);
    const done = (await say(official, '/done 蕉岭 10.2 已公开'))[0].text;
    expect(done).toMatch(/^已办结：/);
    expect(done.split('\n').at(-1)).toBe('  2016-06-15 由 Li @user7001（id 7001）办结');
  });

  it('posts a group binding’s request in the group, where only its admins (or a bot admin) may grant it', async () => {
    const member = inGroup(7002);
    const other = inGroup(7003);
    const [pending, request] = await say(member, '/unit 蕉岭 县审计局', 2);
    expect(pending.text).toMatch(/^已登记：您在本群 → 蕉岭 县审计局（待管理员批准）/);
    expect(request.text).toBe(`绑定申请：Li @user7002（id 7002）在群（${GROUP}）中申请绑定 蕉岭 县审计局。批准后可以办结、撤销该单位的任务，并接收到期提醒。`);
    await privateChat(ADMIN_ID).next(1); // the bot admins' copy

    await press(other, request, request.buttons[0].callback_data);
    await waitFor(() => proxy.calls.filter((c) => c.method === 'answerCallbackQuery').some((c) => c.body.includes('只有管理员可以批准')));
    expect(storedMessage(server, request.messageId)!.text).toBe(request.text);
    await press(inGroup(GROUP_ADMIN), request, request.buttons[0].callback_data);
    await waitFor(() => storedMessage(server, request.messageId)?.text.startsWith('已批准绑定 蕉岭 县审计局（id 7002）'));
    expect((await say(member, '/done 蕉岭 1'))[0].text).not.toMatch(/等待管理员批准/);
  });

  it('grants a binding through a single-use invite link a bot admin made', async () => {
    const [invite] = await say(privateChat(ADMIN_ID), '/invite 蕉岭 县公安局');
    const token = /https:\/\/t\.me\/TestNameBot\?start=([\w-]{16})$/.exec(invite.text)?.[1];
    expect(token, invite.text).toBeTruthy();
    expect(invite.text).toMatch(/^绑定 蕉岭 县公安局 的邀请链接（\d{4}-\d{2}-\d{2} 前有效，只能使用一次/);
    expect((await say(privateChat(7004), `/start ${token}`))[0].text).toBe('已绑定：本对话 → 蕉岭 县公安局（经管理员邀请）。发送 /mine 查看本单位的全部任务。');
    expect((await say(privateChat(7005), `/start ${token}`))[0].text).toBe('这个邀请链接无效或已被使用。');
    expect((await say(privateChat(7004), '/done 蕉岭 1'))[0].text).not.toMatch(/等待管理员批准/);
    expect((await say(privateChat(7006), '/invite 蕉岭 县公安局'))[0].text).toBe('只有管理员可以生成邀请链接。');
  });
});

describe('who may change a group’s settings', () => {
  it('lets only the group’s admins and bot admins turn reminders off', async () => {
    expect((await say(inGroup(7003), '/remind off'))[0].text).toBe('只有本群管理员可以设置到期提醒。');
    expect((await say(inGroup(GROUP_ADMIN), '/remind off'))[0].text).toBe('已关闭本对话的到期提醒。');
    expect((await say(inGroup(ADMIN_ID), '/remind on'))[0].text).toMatch(/^已开启到期提醒/);
    expect((await say(inGroup(7003), '/region 蕉岭'))[0].text).toBe('只有本群管理员可以设置默认地区。');
  });
});

describe('who may upload and replace plans', () => {
  it('takes group admins’ uploads only where a bot admin allowed them, confirmed by the uploader alone, and never a replacement', async () => {
    const groupAdmin = inGroup(GROUP_ADMIN);
    await sendPlan(groupAdmin, '@TestNameBot');
    expect((await groupAdmin.next(1))[0].text).toBe('只有管理员可以上传工作方案。');
    expect((await say(inGroup(7003), '/allow_uploads'))[0].text).toBe('只有机器人管理员可以设置本群的上传权限。');
    expect((await say(inGroup(ADMIN_ID), '/allow_uploads'))[0].text).toBe('已允许本群管理员上传工作方案。替换已收录的方案仍需机器人管理员确认。');

    await sendPlan(groupAdmin, '@TestNameBot');
    const [preview] = await groupAdmin.next(1, 15_000);
    expect(preview.text).toContain(`读取了 ${NAME}`);
    const add = preview.buttons[0].callback_data;
    await press(inGroup(7003), preview, add);
    await press(inGroup(ADMIN_ID), preview, add);
    await waitFor(() => proxy.calls.some((c) => c.method === 'answerCallbackQuery' && c.body.includes('只有上传这份文件的人可以确认')));
    expect(existsSync(join(running.seedsDir, NAME))).toBe(false);
    await press(groupAdmin, preview, add);
    await waitFor(() => storedMessage(server, preview.messageId)?.text.includes('重新加载完成'), 15_000);
    expect(existsSync(join(running.seedsDir, NAME))).toBe(true);

    await sendPlan(groupAdmin, '@TestNameBot');
    const [again] = await groupAdmin.next(1, 15_000);
    await press(groupAdmin, again, again.buttons[0].callback_data);
    await waitFor(() => storedMessage(server, again.messageId)?.text.includes('替换已收录的方案需要机器人管理员'));

    // A removal a bot admin started is confirmed by them alone.
    const [confirm] = await say(inGroup(ADMIN_ID), '/remove 安居');
    await press(groupAdmin, confirm, confirm.buttons[0].callback_data);
    await waitFor(() => proxy.calls.some((c) => c.method === 'answerCallbackQuery' && c.body.includes('只有发起移除的人可以确认')));
    expect(existsSync(join(running.seedsDir, NAME))).toBe(true);

    expect((await say(inGroup(ADMIN_ID), '/deny_uploads'))[0].text).toBe('本群管理员不能再上传工作方案（机器人管理员仍可以）。');
    await sendPlan(groupAdmin, '@TestNameBot');
    expect((await groupAdmin.next(1))[0].text).toBe('只有管理员可以上传工作方案。');
  }, 60_000);
});

