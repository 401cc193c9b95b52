import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Incoming } from '../../src/conversation/types.js';
import { testApp } from '../helpers/app.js';
import { planFolder } from '../helpers/plan.js';

const SILENT = Buffer.from(['工作任务 | 具体要求 | 责任部门 | 完成时限 |', '一、做好财政信息公开。 | 1.公开本中心预算。 | 财务科 | 6月底前 |'].join('\n'));

async function setup() {
  const seeds = planFolder();
  const { conversation } = await testApp(seeds);
  const msg = (userId: number, text: string, chatId = userId): Incoming => ({ chatId, chatType: 'private', userId, text, isBotAdmin: true, isChatAdmin: async () => true, today: '2021-03-01' });
  const upload = async (userId: number, name = 'center.txt', bytes = SILENT) => conversation.handleDocument(msg(userId, ''), { name }, async () => bytes);
  const press = (userId: number, data: string, chatId = userId) => conversation.handleCallback({ chatId, userId, messageId: 50, data, isBotAdmin: true, today: '2021-03-01' });
  const say = (userId: number, text: string, chatId = userId) => conversation.handle(msg(userId, text, chatId));
  return { seeds, upload, press, say };
}

const data = (r: { buttons?: Array<Array<{ text: string; data: string }>> }, label: string) => r.buttons!.flat().find((b) => b.text === label)!.data;

describe('upload corrections', () => {
  it('lets only the uploader, in the chat of the upload, ask to correct', async () => {
    const { upload, press } = await setup();
    const preview = await upload(7);
    expect(await press(8, data(preview, '改地区'))).toEqual({ notice: '只有上传这份文件的人可以修改。' });
    expect(await press(7, data(preview, '改地区'), -100)).toEqual({ notice: '只有上传这份文件的人可以修改。' });
    const asked = await press(7, data(preview, '改地区'));
    expect(asked.replies?.[0]).toMatchObject({ forceReply: '地区，例如 江门市' });
  });

  it('edits the preview it was asked from, and asks again for a name that means several places', async () => {
    const { upload, press, say } = await setup();
    const preview = await upload(7);
    await press(7, data(preview, '改地区'));
    expect((await say(7, '长宁'))[0].text).toBe('「长宁」可能是：上海市长宁区、长宁县。请回复其中一个完整的名称。');
    const [edited, done] = await say(7, '长宁县');
    expect(edited.editMessageId).toBe(50);
    expect(edited.text).toContain('地区：长宁县（已修改）');
    expect(done.text).toMatch(/^已将地区改为 长宁县，/);
    // Answered: the next message is a question again.
    expect((await say(7, '长宁县'))[0].editMessageId).toBeUndefined();
  });

  it('keeps a name that is not a division as typed, and says so', async () => {
    const { upload, press, say } = await setup();
    await press(7, data(await upload(7), '改地区'));
    expect((await say(7, '漳河新区'))[1].text).toMatch(/^已将地区改为 漳河新区（行政区划中没有这个名称，按所写保存）/);
  });

  it('drops the question when a command comes instead, and /cancel says so', async () => {
    const { upload, press, say } = await setup();
    await press(7, data(await upload(7), '改年份'));
    expect((await say(7, '/cancel'))[0].text).toBe('已放弃修改，预览保持不变。');
    expect((await say(7, '2021'))[0].editMessageId).toBeUndefined();
  });

  it('adds without touching catalog.json when nothing was corrected, and /remove drops a file’s entry', async () => {
    const { seeds, upload, press, say } = await setup();
    const plain = await upload(7, 'plain.txt');
    await press(7, data(plain, '加入索引'));
    expect(existsSync(join(seeds, 'catalog.json'))).toBe(false);

    expect((await upload(7, 'again.txt')).text).toBe('again.txt 与已收录的方案「plain」（文件 plain.txt）内容相同，没有重复加入。要换用这个文件，请先 /remove plain.txt。');
    const fixed = await upload(7, 'fixed.txt', Buffer.concat([SILENT, Buffer.from('\n二、做好网站信息公开。 | 2.更新网站。 | 办公室 | 9月底前 |')]));
    await press(7, data(fixed, '改年份'));
    await say(7, '2021');
    await press(7, data(fixed, '加入索引'));
    expect(JSON.parse(readFileSync(join(seeds, 'catalog.json'), 'utf8'))).toEqual({ 'fixed.txt': { year: 2021 } });

    const confirm = (await say(7, '/remove fixed.txt'))[0];
    await press(7, data(confirm, '确认移除'));
    expect(JSON.parse(readFileSync(join(seeds, 'catalog.json'), 'utf8'))).toEqual({});
  });

  it('uses what catalog.json already says about a file of the same name', async () => {
    const { seeds, upload } = await setup();
    writeFileSync(join(seeds, 'catalog.json'), JSON.stringify({ 'center.txt': { region: '江门市', year: 2021 } }));
    const preview = await upload(7);
    expect(preview.text).toContain('地区：江门市　年度：2021　任务：1 项');
    expect(preview.text).toContain('catalog.json 中已有这个文件名的设置');
  });
});
