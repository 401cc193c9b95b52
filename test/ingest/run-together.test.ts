import { describe, expect, it } from 'vitest';
import { textTasks } from './task-fields.js';


describe('readRunTogether', () => {
  it('keeps two sentences of one requirement together when nothing of another kind stands between them', () => {
    const text =
      '某县商务局2017年政务公开工作方案序号 工作任务 具体要求 责任科室(单位) 完成时限1 基础建设加强组织领导,及时调整领导小组。办公室牵头,各科室配合 11 月底前' +
      '主动公开并及时更新信息公开指南。按时发布政府信息公开年度报告(3 月底前)。 办公室 12 月底前';
    expect(textTasks(text)).toEqual([
      ['1', '', '基础建设', '加强组织领导,及时调整领导小组。', ['办公室'], ['各科室'], { kind: 'by', date: '2017-11-30' }],
      ['', '', '基础建设', '主动公开并及时更新信息公开指南。按时发布政府信息公开年度报告(3 月底前)。', ['办公室'], [], { kind: 'by', date: '2017-12-31' }],
    ]);
  });

  it('gives rows printed before their group label (a centred merged cell) to that label: ⌈n/2⌉ rows before it, the rest after', () => {
    // Groups of 3, 5 and 3 rows; each label is glued to the first row below its group's middle.
    const row = (k: number) => `第${k}行任务按要求在网站上公开相关信息。办公室 11 月底前`;
    const label = (n: number, title: string, k: number) => `${n} ${title}加强第${k}行任务按要求在网站上公开相关信息。办公室 11 月底前`;
    const text =
      '某市某局2017年政务公开工作方案序号 工作任务 具体要求 责任科室(单位) 完成时限' +
      [row(0), row(1), label(1, '基础建设', 2), row(3), row(4), row(5), label(2, '平台建设', 6), row(7), row(8), row(9), label(3, '决策公开', 10)].join('');
    const tasks = textTasks(text);
    expect(tasks.map((t) => `${t[0]} ${t[2]}`)).toEqual([
      ...Array(3).fill('1 基础建设'),
      ...Array(5).fill('2 平台建设'),
      ...Array(3).fill('3 决策公开'),
    ]);
    expect(tasks[2][3]).toBe('加强第2行任务按要求在网站上公开相关信息。');
  });
});
