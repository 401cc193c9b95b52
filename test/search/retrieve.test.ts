import { describe, expect, it } from 'vitest';
import { seedEngine } from '../helpers/engine.js';

const engine = await seedEngine();
const ids = (q: string, today = '2016-06-15') => engine.ask(q, today).groups.flatMap((g) => g.sections.filter((s) => s.kind !== 'collective').flatMap((s) => s.tasks.map((t) => t.id)));

describe('retrieve', () => {
  it('finds a merged bureau by the name of the bureau merged into it (审计局 → 监察和审计局)', () => {
    expect(ids('蕉岭县审计局有哪些任务')).toEqual(ids('蕉岭县监察和审计局有哪些任务'));
    // 4.1/4.2 name 县政务服务管理办公室、县编办，县监察和审计局; 20.3–20.5 name 县监察和审计局.
    expect(ids('蕉岭县审计局有哪些任务')).toEqual(['4#1', '4#2', '20#3', '20#4', '20#5'].map((s) => `000_8c36aaee05ee3aae.txt#${s}`));
  });

  it('keeps a county unit out of city plans, and answers a short form per document', () => {
    expect(new Set(engine.ask('县财政局有哪些任务').groups.map((g) => g.doc.region))).toEqual(new Set(['蕉岭县']));
    expect(engine.ask('财政局有哪些任务').groups.map((g) => g.doc.region)).toEqual(['蕉岭县', '深圳市', '六安市', '遂宁市安居区', '开平市']);
  });

  it('says so for a place no plan covers instead of answering another county', () => {
    expect(engine.ask('澄源县财政局有哪些任务').reason).toBe('no-document');
  });

  it('leaves out of a 配合 answer the tasks the unit leads, though a collective stands in their 责任 column', () => {
    const r = engine.ask('六安市司法局配合哪些工作', '2019-06-01');
    const tasks = r.groups.flatMap((g) => g.sections.flatMap((s) => s.tasks));
    // 市司法局 leads 20, 31 and 38, whose 责任 column is 各县区政府、市直各单位: not its 配合 duties.
    expect(tasks.filter((t) => t.lead.some((u) => u.raw === '市司法局')).map((t) => t.task.seq)).toEqual([]);
    expect(ids('六安市司法局配合哪些工作', '2019-06-01')).toEqual(['41#', '96#'].map((s) => `002_daf8c5972cb24576.txt#${s}`));
  });

  it('answers a schedule asked for with the tasks whose text states it, where their deadline column says no schedule', () => {
    // 18.5: 每季度公开食品抽检信息, with 完成时限 全年工作.
    expect(ids('蕉岭县食药监局每季度要公开什么')).toEqual(['000_8c36aaee05ee3aae.txt#18#5']);
    // 三（六）: 按季度公开民生工程进展情况, dated 2017-01-20.
    expect(ids('安居区目督室按季度公开什么')).toEqual(['003_6ea2951639ab2eff.txt#三/（六）#']);
  });

  it('searches a topic word its plans do not hold for the pieces they do hold (微博微信 → 微博、微信), a subject for its parts (新媒体)', () => {
    const kaiping = (seqs: number[]) => seqs.map((n) => `004_2b4ee9c56e2324dc.txt#${n}#`);
    // 50: 政务微博、微信、移动客户端; 51, 52 under 用好“两微一端”新平台.
    expect(ids('开平市政务微博微信由谁负责', '2018-06-01')).toEqual(kaiping([50]));
    expect(ids('开平市政务新媒体由谁负责', '2018-06-01')).toEqual(kaiping([50, 51, 52]));
  });

  it('keeps a character split off a topic word with the word after it (依申请), not a wider word (申请审批)', () => {
    const got = ids('六安市依申请公开由哪些部门负责', '2019-06-01');
    expect(got).toEqual(expect.arrayContaining(['8#', '88#'].map((s) => `002_daf8c5972cb24576.txt#${s}`)));
    // 68: 福利补贴申领及申请审批程序.
    expect(got).not.toContain('002_daf8c5972cb24576.txt#68#');
  });

  it('narrows a unit’s tasks to the topic words of the question, collectives too', () => {
    const r = engine.ask('蕉岭县教育局什么时候要公布随迁子女中考高考报考条件', '2016-06-01');
    expect(r.groups.flatMap((g) => g.sections.flatMap((s) => s.tasks.map((t) => `${s.kind} ${t.id}`)))).toEqual(['named 000_8c36aaee05ee3aae.txt#17#']);
    expect(ids('蕉岭县财政局预决算公开相关的任务')).toEqual(['000_8c36aaee05ee3aae.txt#21#1', '000_8c36aaee05ee3aae.txt#21#2']);
  });

  it('reads a unit printed with its ending twice (市科工商务局局) as the unit', () => {
    expect(ids('开平市科工商务局牵头哪些工作', '2018-06-01')).toEqual(expect.arrayContaining(['47#', '48#', '49#'].map((s) => `004_2b4ee9c56e2324dc.txt#${s}`)));
  });

  it('suggests for a unit no plan names the names sharing its rarer characters first', () => {
    expect(engine.ask('蕉岭县税务局有哪些任务', '2016-06-01').suggestions?.units?.slice(0, 2)).toEqual(['县国税局', '县地税局']);
  });

  it('reads a class of governments or of a level’s departments typed loosely as the plans print it', () => {
    // 000 prints 各镇人民政府; 002 prints 乡镇政府 and 各乡镇政府; 000 4.3/4.4 print 县直有关单位.
    expect(ids('蕉岭县各镇要做哪些工作')).toEqual(ids('蕉岭县各镇人民政府要做哪些工作'));
    expect(ids('蕉岭县各镇要做哪些工作').length).toBe(12);
    const townships = ['17#', '60#', '68#', '81#', '82#', '83#', '84#', '94#', '95#'].map((s) => `002_daf8c5972cb24576.txt#${s}`);
    expect(ids('六安市乡镇政府要做什么', '2019-06-01')).toEqual(townships);
    expect(ids('六安市各乡镇政府要做什么', '2019-06-01')).toEqual(townships);
    expect(ids('蕉岭县直各单位要做什么')).toEqual(['000_8c36aaee05ee3aae.txt#4#3', '000_8c36aaee05ee3aae.txt#4#4']);
  });
});
