import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOG_FILE, readCatalog, writeCatalogEntry } from '../../src/ingest/catalog.js';
import { loadSeeds } from '../../src/ingest/load-seeds.js';

/** A plan that prints neither its place nor its year: the catalog must supply them. */
const SILENT = ['工作任务 | 具体要求 | 责任部门 |', '一、做好财政信息公开。 | 1.公开本中心预算。 | 财务科 |', '二、做好网站信息公开。 | 2.6月底前更新网站概况信息。 | 办公室 |'].join('\n');
const DATED = ['2016年萧县政务公开工作要点', '', '序号|工作任务|具体要求|牵头单位|完成时限', '1|推进预算公开|公开县本级部门预算。|县财政局|6月底前'].join('\n');

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'zwgk-catalog-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('catalog.json', () => {
  it('gives a silent plan its region and year, on the document and on every task', async () => {
    const dir = folder({ 'center.txt': SILENT, [CATALOG_FILE]: JSON.stringify({ 'center.txt': { region: '江门市', issuer: '江门市土地储备中心', year: 2021 } }) });
    const corpus = await loadSeeds(dir);
    expect(corpus.warnings).toEqual([]);
    expect(corpus.docs[0]).toMatchObject({ region: '江门市', regionAliases: ['江门市', '江门'], issuer: '江门市土地储备中心', year: 2021 });
    expect(corpus.tasks.map((t) => [t.region, t.year])).toEqual([
      ['江门市', 2021],
      ['江门市', 2021],
    ]);
    // The hinted year dates the deadline the text printed without one.
    expect(corpus.tasks[1].deadline).toEqual({ kind: 'by', date: '2021-06-30' });
  });

  it('overrides what the document itself says', async () => {
    const dir = folder({ 'a.txt': DATED, [CATALOG_FILE]: JSON.stringify({ 'a.txt': { year: 2017, region: '测试市' } }) });
    const corpus = await loadSeeds(dir);
    expect(corpus.docs[0]).toMatchObject({ region: '测试市', year: 2017 });
    expect(corpus.tasks[0].deadline).toEqual({ kind: 'by', date: '2017-06-30' });
  });

  it('is not reported as an unsupported document', async () => {
    const dir = folder({ 'a.txt': DATED, [CATALOG_FILE]: '{}' });
    const corpus = await loadSeeds(dir);
    expect(corpus.warnings).toEqual([]);
    expect(corpus.docs.map((d) => d.doc)).toEqual(['a.txt']);
  });

  it('warns about an entry for a file that is not in the folder', async () => {
    const dir = folder({ 'a.txt': DATED, [CATALOG_FILE]: JSON.stringify({ 'gone.txt': { year: 2020 } }) });
    const corpus = await loadSeeds(dir);
    expect(corpus.warnings).toEqual([{ doc: CATALOG_FILE, message: '「gone.txt」不在文档目录中 (no such file)，已忽略' }]);
    expect(corpus.docs[0].year).toBe(2016);
  });

  it('warns about a bad field, naming it, and still applies the entry’s good fields and the other entries', async () => {
    const dir = folder({
      'a.txt': DATED,
      'b.txt': SILENT,
      [CATALOG_FILE]: JSON.stringify({ 'a.txt': { year: '2019', region: '测试市', colour: 'red' }, 'b.txt': { year: 2020 } }),
    });
    const corpus = await loadSeeds(dir);
    expect(corpus.warnings.map((w) => w.doc)).toEqual([CATALOG_FILE, CATALOG_FILE]);
    expect(corpus.warnings[0].message).toMatch(/^「a\.txt」: 字段 year 无效/);
    expect(corpus.warnings[1].message).toMatch(/^「a\.txt」: 未知字段 colour/);
    expect(corpus.docs.map((d) => [d.doc, d.region, d.year])).toEqual([
      ['a.txt', '测试市', 2016],
      ['b.txt', '', 2020],
    ]);
  });

  it('warns about a file that is not JSON, and loads the documents as they read', async () => {
    const dir = folder({ 'a.txt': DATED, [CATALOG_FILE]: '{ "a.txt": { year: 2017 ' });
    const corpus = await loadSeeds(dir);
    expect(corpus.warnings).toHaveLength(1);
    expect(corpus.warnings[0].doc).toBe(CATALOG_FILE);
    expect(corpus.warnings[0].message).toMatch(/^不是有效的 JSON/);
    expect(corpus.docs[0]).toMatchObject({ region: '萧县', year: 2016 });
  });

  it('warns about an entry that is not an object, or a catalog that is not one', () => {
    const dir = folder({ 'a.txt': DATED, [CATALOG_FILE]: JSON.stringify({ 'a.txt': 2017 }) });
    expect(readCatalog(dir, ['a.txt']).warnings[0].message).toMatch(/^「a\.txt」的值应为对象/);
    writeFileSync(join(dir, CATALOG_FILE), '[1, 2]');
    expect(readCatalog(dir, ['a.txt']).warnings[0].message).toMatch(/^应为一个对象/);
  });
});

describe('writeCatalogEntry', () => {
  it('merges one entry into the existing catalog, written whole with no temporary file left', () => {
    const dir = folder({ [CATALOG_FILE]: JSON.stringify({ 'old.txt': { region: '惠州市' }, 'other.txt': { note: 'kept as it was' } }) });
    writeCatalogEntry(dir, 'new.txt', { region: '江门市', year: 2021 });
    expect(JSON.parse(readFileSync(join(dir, CATALOG_FILE), 'utf8'))).toEqual({
      'old.txt': { region: '惠州市' },
      'other.txt': { note: 'kept as it was' },
      'new.txt': { region: '江门市', year: 2021 },
    });
    expect(readdirSync(dir)).toEqual([CATALOG_FILE]);
  });

  it('creates the catalog when there is none, and removes an entry given an empty hint', () => {
    const dir = folder({});
    writeCatalogEntry(dir, 'a.txt', { year: 2020 });
    expect(JSON.parse(readFileSync(join(dir, CATALOG_FILE), 'utf8'))).toEqual({ 'a.txt': { year: 2020 } });
    writeCatalogEntry(dir, 'a.txt', {});
    expect(JSON.parse(readFileSync(join(dir, CATALOG_FILE), 'utf8'))).toEqual({});
  });

  it('refuses to overwrite a catalog that is not a JSON object', () => {
    const dir = folder({ [CATALOG_FILE]: 'not json' });
    expect(() => writeCatalogEntry(dir, 'a.txt', { year: 2020 })).toThrow();
    expect(readFileSync(join(dir, CATALOG_FILE), 'utf8')).toBe('not json');
  });
});
