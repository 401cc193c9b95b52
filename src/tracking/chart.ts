import { createRequire } from 'node:module';
import type { EChartsOption } from 'echarts';
import type { StatusLabel } from '../domain/status-label.js';
import { planLine, type Report, shownStatuses } from './report.js';

/** The chart's size in pixels: width fixed, height growing with the units shown. */
export interface ChartSize {
  width: number;
  height: number;
}

/**
 * The /report chart as an ECharts option (pure: the same report gives the same option): one
 * horizontal stacked bar per unit, in the report's order (most overdue first), a segment per status
 * with its count on it where it fits, the unit's total at the bar's end; the title, the plans and
 * region, the day and the distinct-task total above. At most MAX_CHART_ROWS units (the rest are
 * counted in the subtitle), so the picture stays readable on a phone.
 */
export function chartOption(report: Report): { option: EChartsOption; size: ChartSize } {
  const rows = report.rows.slice(0, MAX_CHART_ROWS);
  const statuses = shownStatuses(report);
  const longest = Math.max(1, ...rows.map((r) => r.total));
  const plotWidth = WIDTH - GRID_LEFT - GRID_RIGHT;
  const fits = (n: number) => (n / longest) * plotWidth >= String(n).length * 8 + 6;
  const cut = report.rows.length > rows.length ? `（图中为前 ${rows.length} 个单位，共 ${report.rows.length} 个）` : '';
  const size = { width: WIDTH, height: TOP + Math.max(rows.length, 3) * ROW_HEIGHT + BOTTOM };
  const option: EChartsOption = {
    animation: false,
    backgroundColor: '#ffffff',
    textStyle: { fontFamily: FONT_FAMILY },
    title: {
      text: `${report.title}（截至 ${report.today}）`,
      subtext: [
        `方案：${planLine(report.plans)}`,
        `合计 ${report.all.total} 项任务（每项只计一次）：${statuses.map((s) => `${s} ${report.all[s]}`).join('｜')}`,
        `各单位按牵头或责任计，一项任务写了几个单位就在每个单位下各计一次；逾期多的在前${cut}`,
      ].join('\n'),
      left: 20,
      top: 12,
      textStyle: { fontSize: 18, color: '#222222' },
      subtextStyle: { fontSize: 13, color: '#555555', lineHeight: 20, width: WIDTH - 40, overflow: 'break' },
    },
    legend: { top: TOP - 34, left: 20, data: statuses, itemWidth: 14, itemHeight: 14, textStyle: { fontSize: 13 } },
    grid: { left: GRID_LEFT, right: GRID_RIGHT, top: TOP, bottom: BOTTOM - 10 },
    xAxis: { type: 'value', max: longest, minInterval: 1, splitLine: { lineStyle: { color: '#eeeeee' } } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((r) => r.unit),
      axisTick: { show: false },
      axisLabel: { fontSize: 13, color: '#222222', width: GRID_LEFT - 16, overflow: 'truncate' },
    },
    series: [
      ...statuses.map((s) => ({
        name: s,
        type: 'bar' as const,
        stack: 'all',
        barWidth: ROW_HEIGHT - 10,
        itemStyle: { color: COLORS[s] },
        data: rows.map((r) => ({ value: r[s], label: { show: r[s] > 0 && fits(r[s]) } })),
        label: { position: 'inside' as const, color: '#ffffff', fontSize: 12, fontFamily: FONT_FAMILY },
      })),
      // A bar of nothing at the end of each stack: it carries the unit's total as its label.
      {
        name: '合计',
        type: 'bar' as const,
        stack: 'all',
        data: rows.map((r) => ({ value: 0, label: { show: true, formatter: `${r.total}${r.已逾期 ? `（逾期 ${r.已逾期}）` : ''}` } })),
        label: { position: 'right' as const, color: '#222222', fontSize: 12, fontFamily: FONT_FAMILY },
      },
    ],
  };
  return { option, size };
}

/** The chart as SVG, rendered server-side by ECharts (no DOM). */
export async function chartSvg(report: Report): Promise<string> {
  // Loaded on first use: the chart library is heavy and most answers never draw.
  const echarts = await import('echarts');
  const { option, size } = chartOption(report);
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, ...size });
  chart.setOption(option);
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}

/**
 * The chart as a PNG: the SVG rasterized by resvg (its binary ships in its npm package; no browser)
 * with Noto Sans SC from the npm registry (no system font), on libuv's thread pool: reading the
 * 10 MB font and drawing take seconds, in which the bot goes on answering other chats.
 */
export async function reportChart(report: Report): Promise<Buffer> {
  const [svg, { renderAsync }] = await Promise.all([chartSvg(report), import('@resvg/resvg-js')]);
  const png = await renderAsync(svg, { font: { fontFiles: [cjkFontFile()], loadSystemFonts: false, defaultFontFamily: FONT_FAMILY }, background: '#ffffff' });
  return png.asPng();
}

/** Noto Sans SC, installed from the npm registry with the project. */
function cjkFontFile(): string {
  return createRequire(import.meta.url).resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');
}

/** Units the chart draws; a report of more counts the rest in the subtitle (the text and /export list them all). */
export const MAX_CHART_ROWS = 60;
const FONT_FAMILY = 'Noto Sans SC';
const WIDTH = 1000;
const ROW_HEIGHT = 26;
/** Title, three subtitle lines and the legend above the bars; the axis below. */
const TOP = 150;
const BOTTOM = 40;
/** Room for unit names on the left, and for the totals at the bars' ends on the right. */
const GRID_LEFT = 220;
const GRID_RIGHT = 100;
const COLORS: Record<StatusLabel, string> = { 已办结: '#4e9a63', 已逾期: '#d9534f', 即将到期: '#f0a03c', 未到期: '#7f9cc4', 方案已结束: '#aaaaaa' };
