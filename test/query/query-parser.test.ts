import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../src/query/query-parser.js';
import { seedEngine } from '../helpers/engine.js';

const vocab = (await seedEngine()).vocab;
const parse = (text: string, today = '2016-06-15') => parseQuery(text, { today, vocab });

describe('parseQuery', () => {
  it('normalizes traditional characters, full-width digits, spaces, punctuation and emoji', () => {
    const plain = parse('县财政局12月前要公开什么');
    const variant = parse('縣財政局１２月前要公開什麼？？😀');
    expect(variant.text).toBe('县财政局12月前要公开什么');
    expect(variant).toEqual(plain);
  });

  it('reads a unit with its level prefix and alias key', () => {
    expect(parse('县财政局有哪些任务').unit).toMatchObject({ text: '县财政局', level: '县', key: '财政', known: true });
    expect(parse('蕉岭县发改局有哪些任务').unit).toMatchObject({ level: '县', key: '发改' });
    expect(parse('开平市环保局有哪些任务').unit).toMatchObject({ text: '市环保局', level: '市', key: '环保' });
  });

  it('learns region words from the documents and selects their plans', () => {
    const q = parse('六安市政府办9月底前有哪些工作');
    expect(q.docs).toEqual(['002_daf8c5972cb24576.txt']);
    expect(q.unit?.key).toBe('政府办');
    expect(parse('安居 三（五）').docs).toEqual(['003_6ea2951639ab2eff.txt']);
  });

  it('takes an organisation no document names as a unit, never a topic', () => {
    const q = parse('蕉岭县海关有哪些政务公开任务');
    expect(q.unit).toMatchObject({ text: '县海关', known: false });
    expect(q.topic).toEqual([]);
  });

  it('reads a function word alone as a partial unit, and a subject word as a topic', () => {
    expect(parse('开平 国土 相关的任务').unit).toMatchObject({ text: '国土', partial: true });
    expect(parse('蕉岭扶贫').topic).toEqual(['扶贫']);
    expect(parse('蕉岭扶贫').unit).toBeUndefined();
  });

  it('reads roles: 牵头 and lead select the lead column, 配合/责任单位 the responsible one, 负责 neither', () => {
    expect(parse('开平市编办牵头哪些工作').role).toBe('lead');
    expect(parse('Which tasks does 深圳市教育局 lead?').role).toBe('lead');
    expect(parse('六安市市场监管局作为落实单位有哪些任务').role).toBe('responsible');
    expect(parse('六安市发改委是哪些任务的责任单位').role).toBe('responsible');
    expect(parse('县财政局负责哪些任务').role).toBeUndefined();
  });

  it('reads cumulative limits against the plan year and named periods against today', () => {
    expect(parse('县财政局12月前要公开什么').window).toEqual({ to: { year: 'plan', month: 12, day: 'end' }, label: '12月前' });
    expect(parse('what is 县财政局 due by December').window?.to).toEqual({ year: 'plan', month: 12, day: 'end' });
    expect(parse('年底前').window?.to).toEqual({ year: 'plan', month: 12, day: 'end' });
    expect(parse('第三季度').window).toMatchObject({ from: { year: 'plan', month: 7, day: 1 }, to: { year: 'plan', month: 9, day: 'end' } });
    expect(parse('first half of the year').window).toMatchObject({ from: { month: 1 }, to: { month: 6 } });
    expect(parse('下个月', '2016-12-20').window).toMatchObject({ from: { year: 2017, month: 1, day: 1 }, to: { year: 2017, month: 1, day: 'end' } });
    expect(parse('本月底前', '2019-07-20').window?.to).toEqual({ year: 2019, month: 7, day: 'end' });
    expect(parse('两周内', '2016-06-15').window).toMatchObject({ from: { year: 2016, month: 6, day: 15 }, to: { year: 2016, month: 6, day: 29 } });
  });

  it('reads a year as the plan of that year, whether the library has one or not (the answer then says which years it has)', () => {
    expect(parse('蕉岭县2016年有哪些任务')).toMatchObject({ year: 2016, window: undefined });
    expect(parse('蕉岭县2017年要完成什么')).toMatchObject({ year: 2017, window: undefined });
    expect(parse('tasks due in Q1 2017 for 蕉岭县监察和审计局').window).toMatchObject({ from: { year: 2017, month: 1 }, to: { year: 2017, month: 3 } });
  });

  it('reads a message far longer than a question only up to its cap, and says so', () => {
    const q = parse('蕉岭'.repeat(2048));
    expect(q.problems).toEqual(['问题太长（超过300字），请精简后再问。']);
    expect(q.regionWords.length).toBeLessThanOrEqual(6);
    expect(parse('蕉岭县财政局12月前要公开什么').problems).toEqual([]);
  });

  it('gives a clear message for impossible dates', () => {
    expect(parse('13月前要公开什么').problems[0]).toMatch(/13月/);
    expect(parse('2月30日前要完成什么').problems[0]).toMatch(/日期无效/);
  });

  it('reads kinds, intents and detail references', () => {
    expect(parse('六安有哪些按月公开的任务').kind).toMatchObject({ kind: 'periodic', every: 'month' });
    expect(parse('深圳有哪些全年工作').kind?.kind).toBe('ongoing');
    // One kind named twice: neither word is left over as a topic.
    expect(parse('开平有哪些长期性、持续性的任务')).toMatchObject({ kind: { kind: 'ongoing' }, topic: [], unplaced: [] });
    expect(parse('开平市按上级部署的任务有哪些').kind?.kind).toBe('conditional');
    expect(parse('开平市委宣传部一共有几项任务').intent).toBe('count');
    expect(parse('how many tasks does 开平市编办 lead').intent).toBe('count');
    expect(parse('六安的政务热线整合由谁负责').intent).toBe('who');
    expect(parse('蕉岭第2项第7点是什么').detail).toEqual({ seq: '2', item: '7' });
    expect(parse('蕉岭 10.2').detail).toEqual({ seq: '10', item: '2' });
    expect(parse('安居区 二（三）2 由谁牵头').detail).toEqual({ seq: '二/（三）/2' });
  });

  it('keeps filler words and words every task shares out of the topic, but lets them make a short word specific', () => {
    expect(parse('六安的热线整合由谁负责').topic).toEqual(['热线', '整合']);
    // 政务 alone is no topic; before 热线 it is how the tasks print it (政务热线, not 12345热线 alone).
    expect(parse('六安的政务热线整合由谁负责').topic).toEqual(['政务热线', '整合']);
  });

  it('reads greetings, thanks and emphasis as no topic (never an unplaced word that refuses the question)', () => {
    for (const q of ['麻烦看下蕉岭县财政局牵头哪些任务', '蕉岭县财政局到底牵头哪些任务', '各位好，蕉岭县财政局牵头哪些任务', '蕉岭县财政局牵头哪些任务，谢谢']) {
      expect(parse(q), q).toMatchObject({ topic: [], unplaced: [], role: 'lead', unit: { text: '县财政局' }, docs: ['000_8c36aaee05ee3aae.txt'] });
    }
    expect(parse('深圳市编办有哪些任务已经逾期了', '2017-01-15')).toMatchObject({ status: 'overdue', topic: [], unplaced: [] });
  });

  it('reads a province or city printed without its level before a region inside it as where that region is', () => {
    for (const q of ['四川安居区卫计局要做什么', '四川遂宁安居区卫计局要做什么', '四川遂宁市安居区卫计局要做什么']) {
      expect(parse(q), q).toMatchObject({ docs: ['003_6ea2951639ab2eff.txt'], topic: [], unplaced: [], unit: { text: '区卫计局' } });
      expect(parse(q).regionWords, q).toContain('四川省');
    }
    expect(parse('广东梅州蕉岭县财政局有哪些任务')).toMatchObject({ docs: ['000_8c36aaee05ee3aae.txt'], topic: [], unplaced: [] });
    // A province that is not above the region stays a word the question names.
    expect(parse('湖南安居区卫计局要做什么').unplaced).toEqual(['湖南']);
  });

  it('reads 本周, 下周, 本季度 and 下季度 against today (weeks from Monday), never as a schedule', () => {
    // 2016-10-31 is a Monday.
    expect(parse('县财政局本周要完成什么', '2016-10-31').window).toMatchObject({ from: { year: 2016, month: 10, day: 31 }, to: { year: 2016, month: 11, day: 6 }, label: '本周' });
    expect(parse('县财政局下周要完成什么', '2016-11-02').window).toMatchObject({ from: { year: 2016, month: 11, day: 7 }, to: { year: 2016, month: 11, day: 13 }, label: '下周' });
    expect(parse('县财政局本季度要完成什么', '2016-08-10').window).toMatchObject({ from: { year: 2016, month: 7, day: 1 }, to: { year: 2016, month: 9, day: 'end' } });
    const next = parse('县财政局下季度要完成什么', '2016-11-10');
    expect(next.window).toMatchObject({ from: { year: 2017, month: 1, day: 1 }, to: { year: 2017, month: 3, day: 'end' }, label: '下季度' });
    expect(next.kind).toBeUndefined();
  });

  it('reads 去年, 前年, 明年 as the plan of that year counted from today', () => {
    expect(parse('深圳去年的方案里市发展改革委有哪些任务', '2017-06-01')).toMatchObject({ year: 2016, topic: [], unplaced: [] });
    expect(parse('深圳前年市审计局要做什么', '2018-03-01').year).toBe(2016);
    expect(parse('六安明年要完成哪些任务', '2018-07-01').year).toBe(2019);
    expect(parse('蕉岭县下半年要完成什么', '2016-03-01').year).toBeUndefined();
  });

  it('reads characters typed one by one with spaces between as one word, and 几天 or 这一项 as no topic', () => {
    expect(parse('六 安 市 财 政 局 牵头哪些', '2019-06-01')).toMatchObject({ docs: ['002_daf8c5972cb24576.txt'], unit: { text: '市财政局' }, role: 'lead', unplaced: [] });
    expect(parse('蕉岭县财政局的任务还有几天截止', '2016-06-01')).toMatchObject({ topic: [], unplaced: [], unit: { text: '县财政局' } });
    expect(parse('这一项的具体要求是什么').topic).toEqual([]);
  });
});
