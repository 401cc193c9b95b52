import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadSeeds } from '../../src/ingest/load-seeds.js';
import { readGold, scoreTasks } from '../helpers/score-tasks.js';

// Nineteen plans in layouts the real set does not have (test/fixtures/new-layouts/README.md): a two-row
// header (责任单位 over 牵头单位 / 配合单位), fields in 【】 after each item or a line each under it,
// columns aligned by full-width spaces, a box-drawn text table, Excel's tab-separated "Unicode text", points run on in one
// cell, ①②③, items numbered 1）, a bracket of units and a time limit, "/" for no unit, 上半年 / 及时 / 按要求 in a
// deadline column, a Word table under a 二〇二四年 heading. Every field compared with the hand-read records.
const DOCS = 'test/fixtures/new-layouts/docs';
const corpus = await loadSeeds(DOCS);
const gold = readGold('test/fixtures/new-layouts/gold');
const { perDoc, summary, report, mismatches } = scoreTasks(gold, corpus.tasks);
const squash = (s: string) => s.replace(/\s+/g, '');

describe('parsing plans in layouts the real set does not have', () => {
  it('reads every file of the folder, with no warning', () => {
    expect(Object.keys(perDoc).sort()).toEqual(readdirSync(DOCS).sort());
    expect(gold.length).toBe(137);
    expect(corpus.warnings).toEqual([]);
  });

  it('gives every record: all tasks, their lead, deadline kind and date', () => {
    const message = ['summary ' + JSON.stringify(summary), ...report, ...mismatches].join('\n');
    expect(summary, message).toMatchObject({ recall: 100, precision: 100, lead: 100, kind: 100, date: 100 });
  });

  it('gives each record its 序号, responsible units and whole deadline', () => {
    for (const g of gold) {
      const found = corpus.tasks.filter((t) => t.doc === g.doc && squash(t.requirement) === squash(g.requirement));
      expect(found, `${g.doc} ${g.requirement}`).toHaveLength(1);
      const [t] = found;
      // A deadline by its kind, date and schedule (a relative one's words are the scorer's to judge).
      const when = (d: { kind?: string; date?: string; every?: string } | null | undefined) => ({ kind: d?.kind, date: d?.date, every: d?.every });
      const got = { seq: t.seq, lead: [...t.lead].sort(), responsible: [...t.responsible].sort(), deadline: when(t.deadline) };
      const want = { seq: g.seq, lead: [...(g.lead ?? [])].sort(), responsible: [...((g as { responsible?: string[] }).responsible ?? [])].sort(), deadline: when(g.deadline) };
      expect(got, `${g.doc} ${g.seq}/${g.item}`).toEqual(want);
    }
  });

  it('reads the region and year each document gives (二〇二四年 in a heading, a year in the file name only)', () => {
    const meta = Object.fromEntries(corpus.docs.map((d) => [d.doc, `${d.region} ${d.year}`]));
    expect(meta).toMatchObject({
      'anji_2024_yaodian.txt': '安吉县 2024',
      'qingzhou_2024_fengong.html': '青州市 2024',
      'wuhou_2024_fengong.docx': '成都市武侯区 2024',
      'yiling_2022_qingdan.xlsx': '宜昌市夷陵区 2022',
      'yuci_jyj_2023.txt': '晋中市榆次区 2023',
      'zhanggong_2023_fenggong.txt': '赣州市章贡区 2023',
      'nanhu_2022_taizhang.txt': '嘉兴市南湖区 2022',
      'shunde_2024_yaodian.txt': '佛山市顺德区 2024',
      'zhuzhou_zrzyj_fenjie.txt': '株洲市 2023',
      'yushui_2024_fengong.txt': '新余市渝水区 2024',
      'lishui_2025_qingdan.xlsx': '南京市溧水区 2025',
      'dali_2024_yaodian.md': '大理市 2024',
    });
  });
});
