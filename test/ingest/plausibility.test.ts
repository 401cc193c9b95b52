import { describe, expect, it } from 'vitest';
import { loadSeeds } from '../../src/ingest/load-seeds.js';
import { parseText } from '../../src/ingest/parse-document.js';

const TITLE = '某县2021年政务公开工作任务分工';
const table = (header: string, ...rows: string[]) => [TITLE, header, ...rows].join('\n');
const messages = (text: string) => parseText(text, 'plan.txt').warnings.map((w) => w.message);

describe('checkPlausibility', () => {
  it('says nothing about the thirteen real plans and the seeds, which read right', async () => {
    for (const dir of ['test/fixtures/real/docs', 'seeds']) {
      const corpus = await loadSeeds(dir);
      expect(corpus.warnings, dir).toEqual([]);
    }
  });

  it('warns when a unit column mostly holds no unit names, with their lines', () => {
    const text = table('序号\t具体要求\t牵头单位', '1\t公开部门预算。\t及时公开到位', '2\t公开部门决算。\t按要求公开', '3\t公开三公经费。\t全面公开');
    expect(messages(text)).toEqual(['牵头单位多数不像单位名称（3/3 项，第3、4、5行，如「及时公开到位」）：单位列可能读错']);
  });

  it('warns when header words are read as a task (a header repeated at a page break, flattened)', () => {
    const text = table('序号\t具体要求\t牵头单位', '1\t公开部门预算。\t县财政局', '2\t具体要求 责任单位\t县审计局', '3\t公开三公经费。\t县财政局');
    expect(messages(text)).toEqual(['1 项任务的内容或单位是表头文字（第4行，如「具体要求 责任单位，县审计局」）：表头（如分页处重复的表头）可能被读成任务']);
  });

  it('warns when many requirements are half sentences (wrapped cells read apart)', () => {
    const text = table('序号\t具体要求\t牵头单位', '1\t率达到100%\t县财政局', '2\t度报告\t县审计局', '3\t布解读材料\t县统计局');
    expect(messages(text)).toEqual(['3/3 项任务的具体要求很短、像半句话（第3、4、5行，如「率达到100%」）：换行的单元格可能被拆开读']);
  });

  it('warns when most tasks have no unit at all', () => {
    const text = table('序号\t具体要求\t完成时限', '1\t公开部门预算。\t6月底前', '2\t公开部门决算。\t9月底前', '3\t公开三公经费。\t全年');
    expect(messages(text)).toEqual(['3/3 项任务没有责任单位（第3、4、5行）：单位列可能未识别']);
  });

  it('warns when requirements read as unit lists while their units do not (columns swapped)', () => {
    const text = table('序号\t具体要求\t牵头单位', '1\t县财政局\t公开部门预算。', '2\t县审计局\t公开审计结果。', '3\t县发展改革局\t县统计局');
    expect(messages(text)).toEqual([
      '牵头单位多数不像单位名称（2/3 项，第3、4行，如「公开部门预算」）：单位列可能读错',
      '2 项任务的具体要求像单位名单（第3、4行，如「县财政局」）：要求列与单位列可能错位',
    ]);
  });

  it('warns when a unit reads as a sentence', () => {
    const text = table(
      '序号\t具体要求\t牵头单位',
      '1\t公开部门预算。\t县财政局',
      '2\t公开部门决算。\t及时公开决算说明，接受社会监督',
      '3\t公开三公经费。\t县财政局',
    );
    expect(messages(text)).toEqual(['1 项任务的单位像一段文字（第4行，如「及时公开决算说明，接受社会监督」）：单位列可能读错']);
  });

  it('warns about gaps in the numbering, under each heading and among the points of one 序号', () => {
    const text = table(
      '序号\t具体要求\t牵头单位',
      '1\t公开部门预算。\t县财政局',
      '2\t1.公开部门决算；\t县财政局',
      '\t3.公开决算说明。\t县财政局',
      '5\t公开三公经费。\t县财政局',
      '9\t公开政府债务。\t县财政局',
    );
    expect(messages(text)).toEqual(['编号不连续，任务可能少读：序号缺 3、4、6 等（第3行起）；序号 2 的分项缺 2（第4行起）']);
  });

  it('warns about a file with text and no task, saying how much text it has', () => {
    expect(messages('某县2021年工作总结\n今年我县认真开展各项工作。\n')).toEqual([
      '文件有 24 个字，但未识别到任务表或任务清单 (no task table or task outline found: not a work-plan document?)',
    ]);
  });
});
