import { zipSync } from 'fflate';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { Task } from '../../src/domain/task.js';
import { readCsv } from '../../src/ingest/containers/csv.js';
import { readDocx } from '../../src/ingest/containers/docx.js';
import { readHtml } from '../../src/ingest/containers/html.js';
import type { ContainerReading } from '../../src/ingest/containers/reading.js';
import { readXlsx } from '../../src/ingest/containers/xlsx.js';
import { readDocument } from '../../src/ingest/read-document.js';
import { type MarkedGrid, markedDocx, markedHtml, markedXlsx } from '../fixtures/marked-grid.js';

// One plan table with real merges (工作任务 merged over three rows, 完成时限 over two, a heading row
// across all columns) and really empty cells (a blank 完成时限; a blank 责任单位 under a row that has one).
const TITLE = '某县2021年政务公开工作要点任务分工';
const GRID: MarkedGrid = [
  ['序号', '工作任务', '具体要求', '牵头单位', '责任单位', '完成时限'],
  ['一、推进决策公开', '<', '<', '<', '<', '<'],
  ['1', '推进重大决策公开', '公开重大决策事项目录。', '县政府办公室', '县司法局', '2021年6月底前'],
  ['2', '^', '开展决策草案公开征求意见。', '县发展改革局', '县财政局', '^'],
  ['3', '^', '公开决策执行情况。', '县政府办公室', '', '2021年12月底前'],
  ['4', '推进政策解读', '1.做好政策文件解读。\n2.回应社会关切，\n及时发布信息。', '县政府办公室', '县教育局', ''],
];

// Merged cells take the value above; empty cells stay empty (no unit, no deadline), never inherited.
// The numbered paragraphs of one cell are one task each, sharing the row's other cells.
const BY_JUNE = { kind: 'by', date: '2021-06-30' };
const EXPECTED = [
  ['1', '', '推进重大决策公开', '公开重大决策事项目录。', ['县政府办公室'], ['县司法局'], BY_JUNE],
  ['2', '', '推进重大决策公开', '开展决策草案公开征求意见。', ['县发展改革局'], ['县财政局'], BY_JUNE],
  ['3', '', '推进重大决策公开', '公开决策执行情况。', ['县政府办公室'], [], { kind: 'by', date: '2021-12-31' }],
  ['4', '1', '推进政策解读', '做好政策文件解读。', ['县政府办公室'], ['县教育局'], { kind: 'none' }],
  ['4', '2', '推进政策解读', '回应社会关切，及时发布信息。', ['县政府办公室'], ['县教育局'], { kind: 'none' }],
];

// What each grid position of GRID is: v value, e empty, u merged-up, l merged-left.
const STATES = ['v v v v v v', 'v l l l l l', 'v v v v v v', 'v u v v v u', 'v u v v e v', 'v v v v v e'];

const fields = (t: Task) => [t.seq, t.item, t.task, t.requirement, t.lead, t.responsible, t.deadline];
const GBK_META = '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">';

function states(reading: ContainerReading, table = 0): string[] {
  if (!reading.ok) throw new Error(reading.reason);
  const letter = { value: 'v', empty: 'e', 'merged-up': 'u', 'merged-left': 'l' } as const;
  return reading.document.tables[table].rows.map((row) => row.map((c) => letter[c.state]).join(' '));
}

describe('readDocx', () => {
  it('gives one cell per grid column: vMerge continuations merged-up, gridSpan positions merged-left, blank cells empty', async () => {
    expect(states(readDocx(await markedDocx(TITLE, GRID)))).toEqual(STATES);
  });

  it('keeps the paragraphs of a cell as lines of its text', async () => {
    const reading = readDocx(await markedDocx(TITLE, GRID));
    expect(reading.ok && reading.document.tables[0].rows[5][2].text).toBe('1.做好政策文件解读。\n2.回应社会关切，\n及时发布信息。');
  });
});

describe('readDocx on markup the docx library does not write', () => {
  // Older Word files merge across with w:hMerge; a row may leave grid positions out (w:gridBefore).
  const cell = (text: string, props = '') => `<w:tc><w:tcPr>${props}</w:tcPr><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:tc>`;
  const body = [
    '<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>',
    `<w:tr>${cell('序号')}${cell('具体要求')}${cell('牵头单位')}</w:tr>`,
    `<w:tr>${cell('一、总体要求', '<w:hMerge w:val="restart"/>')}${cell('', '<w:hMerge/>')}${cell('', '<w:hMerge/>')}</w:tr>`,
    `<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>${cell('公开目录。')}${cell('县财政局')}</w:tr>`,
    `<w:tr><w:sdt><w:sdtContent>${cell('2')}</w:sdtContent></w:sdt>${cell('公开决算。')}${cell('县审计局')}</w:tr>`,
    '</w:tbl>',
  ].join('');
  const xml = `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`;
  const bytes = zipSync({ '[Content_Types].xml': Buffer.from('<Types/>'), 'word/document.xml': Buffer.from(xml) });

  it('reads hMerge continuations as merged-left, a gridBefore position as empty, a cell inside a content control', () => {
    const reading = readDocx(bytes);
    expect(states(reading)).toEqual(['v v v', 'v l l', 'e v v', 'v v v']);
    expect(reading.ok && reading.document.tables[0].rows[3].map((c) => c.text)).toEqual(['2', '公开决算。', '县审计局']);
  });
});

describe('readXlsx', () => {
  it('marks a merged range below its master row merged-up, in its master row merged-left, blank cells empty', async () => {
    const reading = await readXlsx(await markedXlsx(TITLE, GRID));
    // The sheet's first row is the title, merged across the table's width.
    expect(states(reading)).toEqual(['v l l l l l', ...STATES]);
  });
});

describe('readHtml', () => {
  it('applies rowspan and colspan exactly: covered below merged-up, covered right merged-left, <td></td> empty', () => {
    expect(states(readHtml(Buffer.from(markedHtml(TITLE, GRID))))).toEqual(STATES);
  });

  it('gives the visible text as lines, without head, script or style, cells and <br> breaking lines', () => {
    const reading = readHtml(Buffer.from(markedHtml(TITLE, GRID)));
    const lines = reading.ok ? reading.document.text.split('\n') : [];
    expect(lines.slice(0, 6)).toEqual(['首页 > 政务公开', TITLE, '现将任务分解如下：', '序号', '工作任务', '具体要求']);
    expect(lines).toContain('2.回应社会关切，');
    expect(lines.join('\n')).not.toMatch(/门户网站|tracker|padding/);
  });

  it('reads a GBK page in the charset its meta declares', () => {
    const reading = readHtml(iconv.encode(markedHtml(TITLE, GRID, { head: GBK_META }), 'gbk'));
    expect(reading.ok && reading.document.text.split('\n')[1]).toBe(TITLE);
  });

  it('joins a source line break between two CJK characters without a space, as a browser shows it', () => {
    const reading = readHtml(Buffer.from('<html><body><p>某县政务\n      公开工作 and\nmore</p></body></html>'));
    expect(reading.ok && reading.document.text).toBe('某县政务公开工作 and more');
  });

  it('reads a table nested in a layout table as its own table, after the one holding it', () => {
    const inner = '<table><tr><td>序号</td><td>具体要求</td></tr><tr><td>1</td><td rowspan="2">公开预算。</td></tr><tr><td>2</td></tr></table>';
    const reading = readHtml(Buffer.from(`<html><body><table><tr><td>导航</td><td>${inner}</td></tr></table></body></html>`));
    expect(reading.ok && reading.document.tables.length).toBe(2);
    expect(states(reading, 1)).toEqual(['v v', 'v v', 'v u']);
  });
});

describe('readCsv', () => {
  it('sniffs a tab or semicolon delimiter, keeps quoted line breaks and pads short rows with empty cells', () => {
    for (const d of ['\t', ';']) {
      const reading = readCsv(Buffer.from(`序号${d}具体要求${d}牵头单位\n1${d}"1.公开预算；\n2.公开决算。"${d}县财政局\n2${d}公开目录。\n`));
      if (!reading.ok) throw new Error(reading.reason);
      expect(reading.document.tables[0].rows.map((r) => r.map((c) => c.text))).toEqual([
        ['序号', '具体要求', '牵头单位'],
        ['1', '1.公开预算；\n2.公开决算。', '县财政局'],
        ['2', '公开目录。', ''],
      ]);
      expect(states(reading)).toEqual(['v v v', 'v v v', 'v v e']);
    }
  });
});

describe('readDocument on merged and really empty cells', () => {
  const files: Array<[string, () => Promise<Uint8Array>]> = [
    ['plan.docx', () => markedDocx(TITLE, GRID)],
    ['plan.xlsx', () => markedXlsx(TITLE, GRID)],
    ['plan.html', async () => Buffer.from(markedHtml(TITLE, GRID))],
    ['plan-gbk.htm', async () => iconv.encode(markedHtml(TITLE, GRID, { head: GBK_META }), 'gbk')],
    // Excel's "save as web page" keeps the .xls name: the content says it is a page.
    ['saved-page.xls', async () => Buffer.from(markedHtml(TITLE, GRID))],
  ];
  for (const [name, make] of files) {
    it(`gives every task of ${name} with merged cells inherited and empty cells empty`, async () => {
      const parsed = await readDocument(await make(), name);
      expect(parsed.meta?.year).toBe(2021);
      expect(parsed.tasks.map(fields)).toEqual(EXPECTED);
    });
  }

  // A CSV has no merges: every blank field is really empty, so nothing but the category is inherited
  // (and a sub-item row's cells, below).
  const csv = [TITLE, ...GRID.map((row) => row.map((t) => (t === '^' || t === '<' ? '' : /[,"\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t)).join(','))].join('\r\n');
  const CSV_EXPECTED = EXPECTED.map((t, i) => (i === 1 ? [...t.slice(0, 6), { kind: 'none' }] : t));
  for (const [name, bytes] of [
    ['plan.csv (UTF-8 with BOM)', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv)])],
    ['plan.csv (GBK)', iconv.encode(csv, 'gbk')],
  ] as const) {
    it(`gives every task of ${name}, a blank field empty`, async () => {
      const parsed = await readDocument(bytes, 'plan.csv');
      expect(parsed.meta?.format).toBe('csv');
      expect(parsed.meta?.year).toBe(2021);
      expect(parsed.tasks.map(fields)).toEqual(CSV_EXPECTED);
    });
  }

  it('reads the blank unit and deadline of a sub-item row (序号 blank, the next numbered point) as its group\'s, in a .csv', async () => {
    const rows = [
      ['序号', '工作任务', '具体要求', '牵头单位', '完成时限'],
      ['1', '预算公开', '1.公开部门预算。', '县财政局', '6月底前'],
      ['', '', '2.公开部门决算。', '', ''],
      ['2', '', '公开政府债务。', '', '9月底前'],
      ['3', '决策公开', '公开决策草案。', '县司法局', ''],
    ];
    const parsed = await readDocument(Buffer.from([TITLE, ...rows.map((r) => r.join(','))].join('\n')), 'plan.csv');
    expect(parsed.tasks.map((t) => [t.seq, t.item, t.task, t.requirement, t.lead, t.responsible, t.deadline])).toEqual([
      ['1', '1', '预算公开', '公开部门预算。', ['县财政局'], [], { kind: 'by', date: '2021-06-30' }],
      ['1', '2', '预算公开', '公开部门决算。', ['县财政局'], [], { kind: 'by', date: '2021-06-30' }],
      ['2', '', '预算公开', '公开政府债务。', [], [], { kind: 'by', date: '2021-09-30' }],
      ['3', '', '决策公开', '公开决策草案。', ['县司法局'], [], { kind: 'none' }],
    ]);
  });
});
