import { createRequire } from 'node:module';
import type { UnitRow } from './report.js';

/** Noto Sans SC, installed from the npm registry with the project (no system font needed). */
function cjkFontFile(): string {
  return createRequire(import.meta.url).resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');
}

/**
 * The /report chart: per unit, stacked done / open / overdue bars, rendered server-side by
 * ECharts to SVG and rasterized to PNG by resvg (its binary ships in its npm package; no browser).
 */
export async function reportChart(title: string, rows: UnitRow[]): Promise<Buffer> {
  // Loaded on first use: the chart libraries are heavy and most answers never draw.
  const [echarts, { Resvg }] = await Promise.all([import('echarts'), import('@resvg/resvg-js')]);
  const shown = rows.slice(0, 25);
  const height = Math.max(240, 80 + shown.length * 28);
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 900, height });
  chart.setOption({
    animation: false,
    backgroundColor: '#ffffff',
    textStyle: { fontFamily: 'Noto Sans SC' },
    title: { text: title, left: 'center', textStyle: { fontSize: 16 } },
    legend: { top: 34, data: ['已办结', '未办结（未逾期）', '已逾期'] },
    grid: { left: 200, right: 40, top: 72, bottom: 24 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: shown.map((r) => r.unit), axisLabel: { width: 180, overflow: 'truncate' } },
    series: [
      { name: '已办结', type: 'bar', stack: 'all', itemStyle: { color: '#52a36b' }, data: shown.map((r) => r.done) },
      { name: '未办结（未逾期）', type: 'bar', stack: 'all', itemStyle: { color: '#e3b341' }, data: shown.map((r) => r.open - r.overdue) },
      { name: '已逾期', type: 'bar', stack: 'all', itemStyle: { color: '#d9534f' }, data: shown.map((r) => r.overdue) },
    ],
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  const png = new Resvg(svg, { font: { fontFiles: [cjkFontFile()], loadSystemFonts: false, defaultFontFamily: 'Noto Sans SC' }, background: '#ffffff' }).render();
  return png.asPng();
}
