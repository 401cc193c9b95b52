import { describe, expect, it } from 'vitest';
import { formatAnswer, NOT_UNDERSTOOD, PAGE_LIMIT } from '../../src/answer/format-text.js';
import { seedEngine } from '../helpers/engine.js';

const engine = await seedEngine();
const ask = (q: string, today = '2016-06-15') => formatAnswer(engine.ask(q, today)).pages;

describe('formatAnswer', () => {
  it('opens with a summary line and cites each task by document and 序号', () => {
    const pages = ask('蕉岭县公安局有哪些任务');
    expect(pages[0].split('\n').slice(0, 3)).toEqual([
      '【蕉岭县2016】县公安局 共 1 项，通过集体表述涉及 9 项',
      '• [蕉岭 5] 按照《广东省人民政府关于进一步推动户籍制度改革的实施意见》和待市出台相关实施细则后，制定本县实施细则，并通过县政府门户网站等方式进行公开。',
      '  时限：2016-12-31 前（未到期）｜牵头：县公安局',
    ]);
  });

  it('lists dated tasks by date and undated ones in their own section', () => {
    const text = ask('县财政局12月前要公开什么').join('\n');
    expect(text.split('\n')[0]).toBe('【蕉岭县2016】县财政局 12月前到期 6 项，另有持续性/周期性/视情况任务 2 项，通过集体表述涉及 9 项');
    expect(text).toContain('— 持续性 / 周期性 / 视情况 —');
    expect(text.indexOf('[蕉岭 10.1]')).toBeGreaterThan(text.indexOf('— 持续性'));
  });

  it('cuts a long answer into pages of at most ~3500 characters', () => {
    const pages = ask('六安有哪些任务', '2019-05-01');
    expect(pages.length).toBeGreaterThan(1);
    for (const p of pages) expect(p.length).toBeLessThanOrEqual(PAGE_LIMIT);
    expect(pages.join('\n').match(/^• \[六安 /gm)).toHaveLength(99);
  });

  it('offers the closest names for a unit no document names, and no tasks', () => {
    const [page] = ask('蕉岭县海关有哪些政务公开任务');
    expect(page).toMatch(/^没有文档把「县海关」列为牵头或责任单位/);
  });

  it('says 没有理解 with examples for text that names nothing it knows', () => {
    for (const q of ['', '   ', '<b>x</b>: ^ ~ + - *', '%s', '😀😀']) expect(ask(q)).toEqual([NOT_UNDERSTOOD]);
    // A message far longer than any question is not read to its end: it is said so.
    expect(ask('x'.repeat(10000))).toEqual(['问题太长（超过300字），请精简后再问。']);
  });

  it('answers a typing variant exactly as the plain question', () => {
    expect(ask('縣財政局１２月前要公開什麼？？😀')).toEqual(ask('县财政局12月前要公开什么'));
  });
});

describe('formatAnswer for a phone, a count and a past plan', () => {
  it('puts the collective tasks in one line per plan with collectives: count, and alone with only', () => {
    const result = engine.ask('蕉岭县财政局有哪些任务', '2016-06-15');
    const [page] = formatAnswer(result, { collectives: 'count' }).pages;
    expect(page.split('\n').at(-1)).toBe('— 通过「各部门」「各有关单位」等集体表述涉及 9 项，发送 /more 查看 —');
    const only = formatAnswer(result, { collectives: 'only' }).pages.join('\n');
    expect(only.split('\n')[0]).toBe('【蕉岭县2016】县财政局 通过集体表述涉及 9 项');
    expect(only.match(/^• /gm)).toHaveLength(9);
    expect(formatAnswer(result).pages.join('\n').match(/^• /gm)).toHaveLength(17);
  });

  it('counts distinct own tasks apart from those reached through collectives', () => {
    expect(ask('蕉岭县财政局有几项任务')[0].split('\n')[0]).toBe('县财政局 共 8 项任务（另有通过集体表述涉及 9 项）。');
  });

  it('says under a plan whose year ended that it ended', () => {
    expect(ask('蕉岭 第20项', '2017-01-02')[0].split('\n').slice(0, 2)).toEqual(['【蕉岭县2016】任务 5 项', '蕉岭县现有方案为2016年度（已结束）']);
    expect(ask('蕉岭 第20项', '2016-12-31')[0].split('\n')[1]).toMatch(/^• \[蕉岭 20\.1\]/);
  });

  it('formats a long answer only as far as the page shown and a few beyond, the same pages as in full', () => {
    // A unit's answer, eighty times over: over a hundred pages in full.
    const one = engine.ask('县财政局有哪些任务', '2016-06-15');
    const long = { ...one, groups: Array.from({ length: 300 }, () => one.groups).flat() };
    const full = formatAnswer(long);
    expect(full.complete).toBe(true);
    expect(full.pages.length).toBeGreaterThan(100);
    for (const page of [0, 30]) {
      const shown = formatAnswer(long, { through: page });
      expect(shown.complete).toBe(false);
      expect(shown.pages.length).toBeLessThan(page + 20);
      expect(shown.pages).toEqual(full.pages.slice(0, shown.pages.length));
    }
    expect(formatAnswer(engine.ask('蕉岭县公安局有哪些任务', '2016-06-15'), { through: 0 })).toEqual({ ...formatAnswer(engine.ask('蕉岭县公安局有哪些任务', '2016-06-15')), complete: true });
  });

  it('says a unit has no task of the status asked among its tasks, not that it has no tasks', () => {
    expect(ask('蕉岭县财政局牵头的任务已经完成了吗')).toEqual(['「县财政局」作为牵头单位的任务中，没有已办结的。']);
  });

  it('says a unit has no task on the topic asked, naming the topic, and shows its next deadlines', () => {
    expect(ask('蕉岭县教育局预决算相关的任务')[0]).toMatch(/^「县教育局」没有与「预决算」相关的任务。\n接下来的期限：\n• \[蕉岭 17\]/);
  });
});
