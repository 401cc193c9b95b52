import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readDocx } from '../../src/ingest/containers/docx.js';
import { loadSeeds } from '../../src/ingest/load-seeds.js';
import { readDocument } from '../../src/ingest/read-document.js';
import { markedHtml, marksOf } from '../fixtures/marked-grid.js';
import { docxTable, xlsxTable } from '../fixtures/office-tables.js';

// Binary versions of seed tables, written by libraries that write those formats with real merged
// cells (test/fixtures/make-formats.ts: docx, exceljs; LibreOffice for .doc and .pdf).
const DIR = 'test/fixtures/formats';
const SEEDS = ['000_8c36aaee05ee3aae', '003_6ea2951639ab2eff'];
const key = (t: { seq: string; item: string; requirement: string; lead: string[]; responsible: string[]; deadline: unknown }) =>
  JSON.stringify([t.seq, t.item, t.requirement, t.lead, t.responsible, t.deadline]);

describe('readDocument on real files', () => {
  for (const base of SEEDS) {
    const txt = readFileSync(`seeds/${base}.txt`);
    for (const ext of ['docx', 'xlsx']) {
      it(`gives the tasks of ${base}.txt from its .${ext} with merged cells`, async () => {
        const reference = (await readDocument(txt, `${base}.txt`)).tasks.map(key);
        const parsed = await readDocument(readFileSync(`${DIR}/${base}.${ext}`), `${base}.${ext}`);
        expect(parsed.meta?.format).toBe(ext);
        expect(parsed.tasks.map(key)).toEqual(reference);
      });
    }

    it(`gives the tasks of ${base}.txt from a web page of its table, merged cells as rowspans`, async () => {
      const reading = readDocx(readFileSync(`${DIR}/${base}.docx`));
      if (!reading.ok) throw new Error(reading.reason);
      const title = reading.document.text.split('\n')[0];
      const page = markedHtml(title, marksOf(reading.document.tables[0]), { nav: false });
      const reference = (await readDocument(txt, `${base}.txt`)).tasks.map(key);
      const parsed = await readDocument(Buffer.from(page), `${base}.html`);
      expect(parsed.meta?.format).toBe('html');
      expect(parsed.tasks.map(key)).toEqual(reference);
    });

    it(`gives the tasks of ${base}.txt from its .doc, but for straight quotes and dashes`, async () => {
      // word-extractor returns “” as " and — as -, so only those characters differ.
      const plain = (s: string) => s.replace(/[“”]/g, '"').replace(/[—–]/g, '-');
      const straight = (t: Parameters<typeof key>[0]) =>
        key({ ...t, requirement: plain(t.requirement), deadline: { ...(t.deadline as object), text: undefined } });
      const reference = (await readDocument(txt, `${base}.txt`)).tasks.map(straight);
      const parsed = await readDocument(readFileSync(`${DIR}/${base}.doc`), `${base}.doc`);
      expect(parsed.tasks.map(straight)).toEqual(reference);
    });
  }

  it('recovers the requirements of a table PDF from its text layer (000)', async () => {
    // A PDF keeps no cell structure: spacing is re-created by the layout engine, and merged unit
    // cells are only positions. So requirements are compared without spaces, units not at all.
    const reference = (await readDocument(readFileSync(`seeds/${SEEDS[0]}.txt`), 'a.txt')).tasks;
    const parsed = await readDocument(readFileSync(`${DIR}/${SEEDS[0]}.pdf`), 'a.pdf');
    const bare = (s: string) => s.replace(/\s+/g, '');
    const got = new Set(parsed.tasks.map((t) => bare(t.requirement)));
    const found = reference.filter((t) => got.has(bare(t.requirement))).length;
    expect(found / reference.length).toBeGreaterThanOrEqual(0.95);
  });
});

describe('numbered points as paragraphs of one cell', () => {
  const header = ['序号', '工作任务', '具体要求', '牵头单位', '完成时限'];
  const rows = [['1', '推进财政公开', '1.公开县本级预算。\n2.公开部门决算，\n并接受社会监督。', '县财政局', '2020年6月底前']];
  for (const [ext, make] of [
    ['docx', docxTable],
    ['xlsx', xlsxTable],
  ] as const) {
    it(`splits them into sub-items in a .${ext}, the other cells merged`, async () => {
      const bytes = await make('某县2020年政务公开工作要点分工方案', header, rows);
      const tasks = (await readDocument(bytes, `plan.${ext}`)).tasks;
      expect(tasks.map((t) => [t.seq, t.item, t.requirement, t.lead, t.deadline])).toEqual([
        ['1', '1', '公开县本级预算。', ['县财政局'], { kind: 'by', date: '2020-06-30' }],
        ['1', '2', '公开部门决算，并接受社会监督。', ['县财政局'], { kind: 'by', date: '2020-06-30' }],
      ]);
    });
  }
});

describe('broken and mislabelled files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zwgk-formats-'));
  writeFileSync(join(dir, 'good.docx'), readFileSync(`${DIR}/${SEEDS[0]}.docx`));
  writeFileSync(join(dir, 'renamed.docx'), readFileSync(`seeds/${SEEDS[0]}.txt`));
  writeFileSync(join(dir, 'locked.docx'), Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(2048)]));
  writeFileSync(join(dir, 'corrupt.docx'), readFileSync(`${DIR}/${SEEDS[0]}.docx`).subarray(0, 3000));
  writeFileSync(join(dir, 'other.docx'), Buffer.from(zipSync({ 'hello.txt': Buffer.from('hi') })));
  writeFileSync(join(dir, 'huge.pdf'), Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(50 * 1024 * 1024)]));
  writeFileSync(join(dir, 'scan.pdf'), readFileSync(`${DIR}/${SEEDS[0]}.pdf`).subarray(0, 9));

  it('warns once per bad file, naming it, and loads the good one', async () => {
    const corpus = await loadSeeds(dir);
    expect(corpus.docs.map((d) => d.doc)).toEqual(['good.docx']);
    expect(corpus.warnings.map((w) => w.doc).sort()).toEqual(['corrupt.docx', 'huge.pdf', 'locked.docx', 'other.docx', 'renamed.docx', 'scan.pdf']);
    const msg = Object.fromEntries(corpus.warnings.map((w) => [w.doc, w.message]));
    expect(msg['renamed.docx']).toMatch(/改了扩展名/);
    expect(msg['locked.docx']).toMatch(/密码/);
    expect(msg['huge.pdf']).toMatch(/MB/);
  });
});
