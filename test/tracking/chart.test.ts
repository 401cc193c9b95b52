import { describe, expect, it } from 'vitest';
import { chartOption, chartSvg, MAX_CHART_ROWS, reportChart } from '../../src/tracking/chart.js';
import type { Report, UnitRow } from '../../src/tracking/report.js';

function row(unit: string, counts: Partial<UnitRow> = {}): UnitRow {
  const r = { unit, 已办结: 0, 已逾期: 0, 即将到期: 0, 未到期: 0, 方案已结束: 0, ...counts };
  return { ...r, total: r.已办结 + r.已逾期 + r.即将到期 + r.未到期 + r.方案已结束 };
}

function report(rows: UnitRow[]): Report {
  return {
    title: '蕉岭 任务办理情况',
    today: '2016-09-01',
    plans: [{ title: '蕉岭县2016年政务公开工作要点分工方案', region: '蕉岭县', year: 2016 }],
    all: { total: 91, 已办结: 4, 已逾期: 8, 即将到期: 0, 未到期: 79, 方案已结束: 0 },
    rows,
    shared: 20,
    unassigned: 7,
  };
}

const THREE = [row('县发展改革局', { 已办结: 3, 已逾期: 3, 未到期: 1 }), row('县住建局', { 已逾期: 3, 未到期: 1 }), row('县房管局', { 已逾期: 3 })];
const many = (n: number) => Array.from({ length: n }, (_, i) => row(`县第${i + 1}局`, { 已办结: i % 4, 未到期: 1 + (i % 3) }));

type Bar = { name: string; data: Array<{ value: number; label: { show: boolean; formatter?: string } }> };
const bars = (r: Report) => chartOption(r).option.series as Bar[];

describe('chartOption', () => {
  it('puts each status count on its bar segment, and each unit’s total at the bar’s end', () => {
    const series = bars(report(THREE));
    expect(series.map((s) => s.name)).toEqual(['已办结', '已逾期', '未到期', '合计']);
    const done = series[0].data;
    expect(done.map((d) => [d.value, d.label.show])).toEqual([
      [3, true],
      [0, false],
      [0, false],
    ]);
    expect(series[1].data.map((d) => d.value)).toEqual([3, 3, 3]);
    expect(series[3].data.map((d) => d.label)).toEqual([
      { show: true, formatter: '7（逾期 3）' },
      { show: true, formatter: '4（逾期 3）' },
      { show: true, formatter: '3（逾期 3）' },
    ]);
  });

  it('titles the chart with the day, the plan and its region, and the distinct-task total', () => {
    const title = chartOption(report(THREE)).option.title as { text: string; subtext: string };
    expect(title.text).toBe('蕉岭 任务办理情况（截至 2016-09-01）');
    expect(title.subtext.split('\n')).toEqual([
      '方案：蕉岭县2016年政务公开工作要点分工方案（蕉岭县，2016年度）',
      '合计 91 项任务（每项只计一次）：已办结 4｜已逾期 8｜未到期 79',
      '各单位按牵头或责任计，一项任务写了几个单位就在每个单位下各计一次；逾期多的在前',
    ]);
  });

  it('draws horizontal bars in the report’s order, one row of height per unit, for 35 units', () => {
    const { option, size } = chartOption(report(many(35)));
    const yAxis = option.yAxis as { type: string; inverse: boolean; data: string[] };
    expect(yAxis).toMatchObject({ type: 'category', inverse: true });
    expect(yAxis.data).toEqual(many(35).map((r) => r.unit));
    expect(size.height).toBeGreaterThan(35 * 24);
    expect(size.height - chartOption(report(many(34))).size.height).toBe(chartOption(report(many(36))).size.height - size.height);
  });

  it(`draws at most ${MAX_CHART_ROWS} units and says how many there are`, () => {
    const { option } = chartOption(report(many(70)));
    expect((option.yAxis as { data: string[] }).data).toHaveLength(MAX_CHART_ROWS);
    expect((option.title as { subtext: string }).subtext).toContain(`（图中为前 ${MAX_CHART_ROWS} 个单位，共 70 个）`);
  });
});

describe('the rendered chart', () => {
  it('carries the counts and totals as text, and rasterizes to a PNG of the chart’s size', async () => {
    const svg = await chartSvg(report(THREE));
    const texts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(texts).toEqual(expect.arrayContaining(['县发展改革局', '7（逾期 3）', '4（逾期 3）', '3（逾期 3）', '蕉岭 任务办理情况（截至 2016-09-01）']));
    expect(texts.filter((t) => t === '3').length).toBeGreaterThanOrEqual(4); // 已办结 3, three 已逾期 3 (and the axis)
    const png = await reportChart(report(THREE));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    const { size } = chartOption(report(THREE));
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size.width, size.height]);
  }, 30_000);
});
