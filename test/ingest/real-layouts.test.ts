import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadSeeds } from '../../src/ingest/load-seeds.js';
import { readGold, scoreTasks } from '../helpers/score-tasks.js';

// Five of the real plans re-typeset into the layouts other places publish (test/fixtures/real-layouts):
// an HTML page with merged cells, Word's "save as web page", CSV and TSV exports with a title row,
// GBK and gb2312 text, a .docx with a vertically merged cell, columns reordered or renamed
// (主要任务/工作措施/责任部门), and outlines whose unit line also carries the deadline
// (牵头单位：…；责任单位：…；完成时限：…). The same texts as the originals, so their hand-read records apply.
const DOCS = 'test/fixtures/real-layouts/docs';
const corpus = await loadSeeds(DOCS);
const gold = readGold('test/fixtures/real-layouts/gold');
const { perDoc, summary, report, mismatches } = scoreTasks(gold, corpus.tasks);

describe('parsing the real plans in other layouts', () => {
  it('reads every file of the folder', () => {
    expect(Object.keys(perDoc).sort()).toEqual(readdirSync(DOCS).sort());
    expect(gold.length).toBe(161);
  });

  it('gives every record of every layout: all tasks, their lead, deadline kind and date', () => {
    const message = ['summary ' + JSON.stringify(summary), ...report, ...mismatches].join('\n');
    expect(summary, message).toMatchObject({ recall: 100, precision: 100, lead: 100, kind: 100, date: 100 });
  });

  it('reads the region and year of each layout as of its original', () => {
    const meta = Object.fromEntries(corpus.docs.map((d) => [d.doc, `${d.region} ${d.year}`]));
    for (const [doc, expected] of Object.entries({
      'changning_2024_outline.txt': '上海市长宁区 2024',
      'huizhou_2022_outline_gbk.txt': '惠州市 2022',
      'jieyang_2018.csv': '揭阳市 2018',
      'tianjin_yjglj_2022_word.docx': '天津市 2022',
      'jiangmen_tdcbzx_2021_rowspan.html': '江门市 2021',
    })) expect(meta[doc], doc).toBe(expected);
  });
});
