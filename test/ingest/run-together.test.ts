import { describe, expect, it } from 'vitest';
import { textTasks } from './task-fields.js';


describe('readRunTogether', () => {
  it('keeps two sentences of one requirement together when nothing of another kind stands between them', () => {
    const text =
      '某县商务局2017年政务公开工作方案序号 工作任务 具体要求 责任科室(单位) 完成时限1 基础建设加强组织领导,及时调整领导小组。办公室牵头,各科室配合 11 月底前' +
      '主动公开并及时更新信息公开指南。按时发布政府信息公开年度报告(3 月底前)。 办公室 12 月底前';
    expect(textTasks(text)).toEqual([
      ['1', '', '', '基础建设加强组织领导,及时调整领导小组。', ['办公室'], ['各科室'], { kind: 'by', date: '2017-11-30' }],
      ['', '', '', '主动公开并及时更新信息公开指南。按时发布政府信息公开年度报告(3 月底前)。', ['办公室'], [], { kind: 'by', date: '2017-12-31' }],
    ]);
  });
});
