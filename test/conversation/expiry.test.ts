import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Incoming } from '../../src/conversation/types.js';
import { testApp } from '../helpers/app.js';
import { planFolder } from '../helpers/plan.js';

const PLAN = Buffer.from(['测试县2016年政务公开工作要点', '', '序号|工作任务|具体要求|牵头单位|完成时限', '1|推进审计公开|公开年度审计工作报告。|县审计局|2016年8月31日前'].join('\n'));
const DAY = 86_400_000;

/** A conversation over the test plan; the clock is faked (Date only), so expiry is a matter of setting it. */
async function setup() {
  const app = await testApp(planFolder());
  const msg = (userId: number, text: string, isBotAdmin = false): Incoming => ({ chatId: userId, chatType: 'private', userId, text, isBotAdmin, isChatAdmin: async () => true, today: '2016-07-05' });
  const say = async (userId: number, text: string, isBotAdmin = false) => (await app.conversation.handle(msg(userId, text, isBotAdmin)))[0].text;
  const upload = () => app.conversation.handleDocument(msg(1001, '', true), { name: 'audit.txt' }, async () => PLAN);
  const press = (data: string) => app.conversation.handleCallback({ chatId: 1001, userId: 1001, messageId: 5, data, isBotAdmin: true, today: '2016-07-05' });
  return { app, say, upload, press };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2016-07-05T02:00:00Z'));
});

afterEach(() => {
  vi.useRealTimers();
});

describe('invite links', () => {
  it('grant within 7 days, and say so when opened later', async () => {
    const { say } = await setup();
    const token = () => /start ([\w-]{16})$/.exec(link)![1];
    let link = await say(1001, '/invite 测试 县审计局', true);
    expect(link).toMatch(/^绑定 测试 县审计局 的邀请链接（2016-07-12 前有效/);
    vi.setSystemTime(Date.now() + 6 * DAY);
    expect(await say(7, `/start ${token()}`)).toBe('已绑定：本对话 → 测试 县审计局（经管理员邀请）。发送 /mine 查看本单位的全部任务。');
    link = await say(1001, '/invite 测试 县审计局', true);
    vi.setSystemTime(Date.now() + 7 * DAY + 1);
    expect(await say(8, `/start ${token()}`)).toBe('这个邀请链接已过期，请向管理员重新索取。');
    expect(await say(8, '/done 测试 3')).toMatch(/^请先用 \/unit 绑定本单位/);
  });
});

describe('staged uploads', () => {
  it('expire after a day: the preview’s buttons say so and the staged file is gone', async () => {
    const { app, upload, press } = await setup();
    const staging = join(app.config.DATA_DIR, 'uploads');
    const preview = await upload();
    const add = preview.buttons![0][0].data;
    expect(readdirSync(staging)).toHaveLength(1);
    vi.setSystemTime(Date.now() + DAY + 1000);
    expect((await press(add)).edit!.text).toBe('这个上传已处理或已过期（上传的文件保留 24 小时），请重新发送文件。');
    expect(readdirSync(staging)).toEqual([]);
    expect(existsSync(join(app.config.SEEDS_DIR, 'audit.txt'))).toBe(false);
  });

  it('say what was decided when a button is pressed again, and sweep a day-old upload nobody decided', async () => {
    const { app, upload, press } = await setup();
    const first = await upload();
    const add = first.buttons![0][0].data;
    expect((await press(add)).edit!.text).toMatch(/^audit\.txt 已加入文档目录，正在重新加载索引……\n重新加载完成/);
    expect((await press(add)).edit!.text).toBe('audit.txt 已加入文档目录（之前已确认）。已在索引中。');
    expect((await press(first.buttons![0][1].data)).edit!.text).toBe('audit.txt 已加入文档目录（之前已确认）。已在索引中。');

    await app.conversation.handleDocument({ chatId: 1001, chatType: 'private', userId: 1001, text: '', isBotAdmin: true, isChatAdmin: async () => true, today: '2016-07-05' }, { name: 'other.txt' }, async () => Buffer.from(`${PLAN}\n2|加强政策解读|做好政策解读工作。|县审计局|全年工作`));
    expect(readdirSync(join(app.config.DATA_DIR, 'uploads'))).toHaveLength(1);
    vi.setSystemTime(Date.now() + DAY + 1000);
    // The next upload sweeps what waited longer than a day.
    await upload();
    expect(readdirSync(join(app.config.DATA_DIR, 'uploads'))).toHaveLength(1);
  });
});
