import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/ingest/parse-document.js';

// More layouts of the genre, each checked here by reading it (test/fixtures/variants).
const parse = (name: string) => parseDocument(readFileSync(`test/fixtures/variants/${name}`), name).tasks;
const view = (name: string) => parse(name).map((t) => [t.seq, t.item, t.requirement, t.lead, t.responsible, t.deadline.kind === 'by' ? t.deadline.date : t.deadline.kind]);

describe('more layouts', () => {
  it('reads a markdown table, skipping its --- row; an empty 序号 row continues without its own number', () => {
    expect(view('markdown_table.txt')).toEqual([
      ['1', '', '对县政府出台的重要政策同步开展解读。', ['县政府办'], ['县直各单位'], 'ongoing'],
      ['2', '', '公开县本级预决算。', ['县财政局'], ['各镇人民政府'], '2022-08-31'],
      ['', '', '按季度公开财政收支情况。', ['县财政局'], ['各镇人民政府'], 'periodic'],
      ['3', '', '公开重大建设项目批准和实施信息。', ['县发展和改革局'], ['县住房和城乡建设局', '县交通运输局'], 'ongoing'],
    ]);
  });

  it('reads a department list headed 任务内容 / 责任科室, plan year from the title', () => {
    expect(view('department_list.txt')).toEqual([
      ['1', '', '制定并公开2021年度政务公开工作计划', ['办公室'], [], '2021-03-31'],
      ['2', '', '公开建设项目环境影响评价审批信息', ['行政审批科'], [], 'relative'],
      ['3', '', '每月公开空气质量状况', ['监测科'], [], 'periodic'],
      ['4', '', '公开环境行政处罚决定', ['执法支队'], [], 'relative'],
      ['5', '', '按上级部署做好环境信息依申请公开工作', ['办公室', '法规科'], [], 'conditional'],
    ]);
  });

  it('reads labels 牵头单位：…；配合单位：… inside a unit column and splits numbered points', () => {
    expect(view('labels_in_unit_column.txt')).toEqual([
      ['1', '', '落实政策解读与政策文件同步起草、同步审签、同步发布。', ['县政府办'], ['县直各单位'], 'ongoing'],
      ['2', '', '及时公开行政审批事项调整情况。', ['县政务服务中心'], [], '2020-06-30'],
      ['3', '1', '公开县本级预算；', ['县财政局'], [], '2020-09-30'],
      ['3', '2', '公开部门决算。', ['县财政局'], [], '2020-09-30'],
    ]);
  });

  it('joins header words wrapped onto a second delimited row (工作/任务, 具体/要求)', () => {
    expect(view('wrapped_delimited_header.txt')).toEqual([
      ['1', '', '重大决策预公开。', ['区司法局'], [], 'ongoing'],
      ['2', '', '公开权责清单。', ['区委编办'], [], '2019-12-31'],
    ]);
  });

  it('reads unnumbered requirement lines each followed by a unit line and a deadline line', () => {
    expect(view('unnumbered_requirement_then_units.txt')).toEqual([
      ['一', '1', '编制镇级政务公开事项标准目录', ['镇党政办'], [], '2021-09-30'],
      ['一', '2', '在便民服务中心设立政务公开专区', ['镇便民服务中心'], [], 'ongoing'],
      ['二', '1', '规范政务新媒体管理', ['镇党政办'], [], 'ongoing'],
    ]);
  });

  it('reads "3.6月底前…" as item 3 about June in an outline whose numbers run on', () => {
    expect(view('outline_dates_in_items.txt').map((r) => [r[0], r[2], r[5]])).toEqual([
      ['1', '县政府常务会议审议通过的政策文件，在印发后3个工作日内发布解读材料。', 'relative'],
      ['2', '各部门主要负责人每年至少解读1次本部门出台的重要政策。', 'periodic'],
      ['3', '6月底前公开县本级2023年部门预算。', '2023-06-30'],
      ['4', '按季度公开重大项目建设进展情况。', 'periodic'],
      ['5', '12月底前完成政府网站集约化改造。', '2023-12-31'],
    ]);
  });
});
