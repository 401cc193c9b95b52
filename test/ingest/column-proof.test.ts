import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../src/ingest/read-document.js';
import { docxTable, xlsxTable } from '../fixtures/office-tables.js';

// Exact tables whose header words lie: the cells say what each column is.
const TITLE = '某县2021年政务公开工作任务分工';
const csv = (rows: string[][]) => Buffer.from([TITLE, ...rows.map((r) => r.join(','))].join('\n'));
const read = async (name: string, bytes: Uint8Array) => {
  const parsed = await readDocument(bytes, name);
  return {
    tasks: parsed.tasks.map((t) => [t.seq, t.requirement, t.lead, t.deadline]),
    warnings: parsed.warnings.map((w) => w.message),
  };
};
const BY_JUNE = { kind: 'by', date: '2021-06-30' };
const BY_SEPTEMBER = { kind: 'by', date: '2021-09-30' };

describe('proveColumns', () => {
  it('swaps a 完成时限 column holding unit lists with the 牵头单位 column holding time limits, and says so', async () => {
    const got = await read(
      'plan.csv',
      csv([
        ['序号', '具体要求', '完成时限', '牵头单位'],
        ['1', '公开部门预算和决算。', '县财政局', '2021年6月底前'],
        ['2', '公开政府债务信息。', '县财政局、县审计局', '2021年9月底前'],
        ['3', '公开审计结果。', '县审计局', '全年'],
      ]),
    );
    expect(got.tasks).toEqual([
      ['1', '公开部门预算和决算。', ['县财政局'], BY_JUNE],
      ['2', '公开政府债务信息。', ['县财政局', '县审计局'], BY_SEPTEMBER],
      ['3', '公开审计结果。', ['县审计局'], { kind: 'ongoing' }],
    ]);
    expect(got.warnings).toEqual(['第2行表头第3列「完成时限」下的单元格多数不像时限（3/3 个，如「县财政局」），与第4列「牵头单位」的内容对调：按内容读作单位与时限']);
  });

  it('swaps a 牵头单位 column holding the requirements with the 具体要求 column holding units, in a .docx', async () => {
    const bytes = await docxTable(TITLE, ['序号', '牵头单位', '具体要求', '完成时限'], [
      ['1', '公开部门预算和决算。', '县财政局', '2021年6月底前'],
      ['2', '公开政府债务信息。', '县财政局、县审计局', '2021年9月底前'],
      ['3', '公开审计结果。', '县审计局', '全年'],
    ]);
    const got = await read('plan.docx', bytes);
    expect(got.tasks).toEqual([
      ['1', '公开部门预算和决算。', ['县财政局'], BY_JUNE],
      ['2', '公开政府债务信息。', ['县财政局', '县审计局'], BY_SEPTEMBER],
      ['3', '公开审计结果。', ['县审计局'], { kind: 'ongoing' }],
    ]);
    expect(got.warnings).toEqual(['第3行表头第2列「牵头单位」下的单元格多数不像单位（3/3 个，如「公开部门预算和决算。」），与第3列「具体要求」的内容对调：按内容读作具体要求与单位']);
  });

  it('reads a 完成时限 column of unit lists as the unit column when the table has none', async () => {
    const got = await read(
      'plan.csv',
      csv([
        ['序号', '具体要求', '完成时限'],
        ['1', '公开部门预算和决算。', '县财政局'],
        ['2', '公开政府债务信息。', '县财政局、县审计局'],
        ['3', '公开审计结果。', '县审计局'],
      ]),
    );
    expect(got.tasks.map((t) => t[2])).toEqual([['县财政局'], ['县财政局', '县审计局'], ['县审计局']]);
    expect(got.warnings).toEqual(['第2行表头第3列「完成时限」下的单元格多数不像时限（3/3 个，如「县财政局」），按内容读作单位']);
  });

  it('keeps a unit column of sentences and warns, naming line and column, when no other role is free', async () => {
    const got = await read(
      'plan.xlsx',
      await xlsxTable(TITLE, ['序号', '具体要求', '牵头单位'], [
        ['1', '公开部门预算和决算。', '按规定公开预决算说明，接受社会监督。'],
        ['2', '公开政府债务信息。', '及时公开债务限额和余额。'],
        ['3', '公开审计结果。', '全文公开审计工作报告。'],
      ]),
    );
    expect(got.warnings[0]).toBe('第2行表头第3列「牵头单位」下的单元格多数不像单位（3/3 个，如「按规定公开预决算说明，接受社会监督。」）：请核对该列');
  });

  it('finds nothing to doubt in the seed tables written as .docx and .xlsx', async () => {
    for (const file of ['000_8c36aaee05ee3aae.docx', '000_8c36aaee05ee3aae.xlsx', '003_6ea2951639ab2eff.docx', '003_6ea2951639ab2eff.xlsx']) {
      const parsed = await readDocument(readFileSync(`test/fixtures/formats/${file}`), file);
      expect(parsed.tasks.length, file).toBeGreaterThan(20);
      expect(parsed.warnings, file).toEqual([]);
    }
  });
});
