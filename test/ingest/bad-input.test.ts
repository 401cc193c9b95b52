import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { loadSeeds } from '../../src/ingest/load-seeds.js';
import { parseDocument } from '../../src/ingest/parse-document.js';

const SEED = '000_8c36aaee05ee3aae.txt';
const plain = readFileSync(`seeds/${SEED}`, 'utf8');
const reference = parseDocument(Buffer.from(plain), SEED).tasks;

describe('decoding and line endings', () => {
  const variants: Record<string, Buffer> = {
    'UTF-8 with BOM': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(plain)]),
    GBK: iconv.encode(plain, 'gbk'),
    GB18030: iconv.encode(plain, 'gb18030'),
    'CRLF line endings': Buffer.from(plain.replace(/\n/g, '\r\n')),
    'CR line endings': Buffer.from(plain.replace(/\n/g, '\r')),
    'GBK with CRLF': iconv.encode(plain.replace(/\n/g, '\r\n'), 'gbk'),
  };
  for (const [name, bytes] of Object.entries(variants)) {
    it(`gives exactly the tasks of the plain UTF-8 LF file for ${name}`, () => {
      const parsed = parseDocument(bytes, SEED);
      expect(parsed.tasks).toEqual(reference);
      expect(parsed.warnings).toEqual([]);
    });
  }
});

const badDir = mkdtempSync(join(tmpdir(), 'zwgk-bad-'));
copyFileSync(`seeds/${SEED}`, join(badDir, SEED));
writeFileSync(join(badDir, 'empty.txt'), '');
writeFileSync(join(badDir, 'binary.txt'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37) % 256)));
writeFileSync(join(badDir, 'news.txt'), '县长调研春耕生产\n\n3月15日，县长一行深入田间地头，实地察看春耕备耕情况。他强调，要抓好粮食生产。\n');
writeFileSync(join(badDir, 'huge.txt'), Buffer.alloc(20 * 1024 * 1024, 0x41));
const corpus = await loadSeeds(badDir);

describe('bad files in a seeds folder', () => {

  it('still parses the good document', () => {
    expect(corpus.docs.map((d) => d.doc)).toEqual([SEED]);
    expect(corpus.tasks).toHaveLength(reference.length);
  });

  it('gives one warning naming each bad file', () => {
    const byDoc: Record<string, typeof corpus.warnings> = {};
    for (const w of corpus.warnings) (byDoc[w.doc] ??= []).push(w);
    expect(Object.keys(byDoc).sort()).toEqual(['binary.txt', 'empty.txt', 'huge.txt', 'news.txt']);
    for (const list of Object.values(byDoc)) expect(list).toHaveLength(1);
    expect(byDoc['empty.txt']![0].message).toMatch(/空|empty/);
    expect(byDoc['binary.txt']![0].message).toMatch(/binary/);
    expect(byDoc['huge.txt']![0].message).toMatch(/MB/);
    expect(byDoc['news.txt']![0].message).toMatch(/no task table/);
  });
});

describe('plan year', () => {
  const table = '序号\t工作任务\t具体要求\t牵头单位\t完成时限\n1\t推进预算公开\t公开部门预算。\t县财政局\t6月底前\n';
  it('falls back to the document date line', () => {
    const p = parseDocument(Buffer.from(`某县政务公开工作要点分工方案\n\n${table}\n某县人民政府办公室\n2021年3月2日\n`), 'plan.txt');
    expect(p.meta?.year).toBe(2021);
    expect(p.tasks[0].deadline).toEqual({ kind: 'by', date: '2021-06-30' });
  });
  it('falls back to a year in the file name', () => {
    const p = parseDocument(Buffer.from(`某局政务公开工作要点分工方案\n\n${table}`), '某局2022年分工.txt');
    expect(p.meta?.year).toBe(2022);
  });
  it('warns, naming the file, when no year can be found', () => {
    const p = parseDocument(Buffer.from(`某局政务公开工作要点分工方案\n\n${table}`), 'plan.txt');
    expect(p.meta?.year).toBeNull();
    expect(p.warnings).toEqual([expect.objectContaining({ doc: 'plan.txt', message: expect.stringMatching(/年度/) })]);
  });
});
