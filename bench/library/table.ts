import { cpus, loadavg, totalmem } from 'node:os';
import type { ScaleFigures } from './scale.js';
import type { Stage } from './stage.js';

/** The machine a bench ran on. */
export function machine() {
  return {
    cores: cpus().length,
    model: cpus()[0]?.model.trim() ?? 'unknown',
    memory_gb: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    load_average_at_start: loadavg().map((x) => Math.round(x * 10) / 10),
  };
}

/**
 * The library figures as a table: one row per figure, one column per scale, issue 15's target
 * beside; a stage that did not finish shows `DNF`, with its reason under the table.
 */
export function libraryTable(scales: ScaleFigures[]): string {
  const head = ['', ...scales.map((f) => `${f.scale}x`), 'target (1000x)'];
  const rows = ROWS.map(([label, target, cell]) => [label, ...scales.map((f) => cell(f) ?? 'DNF'), target]);
  const widths = head.map((_, i) => Math.max(...[head, ...rows].map((r) => width(r[i]))));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? pad(c, widths[i]) : padStart(c, widths[i]))).join('  ');
  const notes = scales.flatMap((f) =>
    STAGES.flatMap((k) => {
      const s = f[k];
      return s.finished === false ? [`  ${f.scale}x ${k}: ${s.reason}`] : [];
    }),
  );
  return [line(head), ...rows.map(line), '* the question alone, in a process that has just opened the library', ...(notes.length ? ['did not finish:', ...notes] : [])].join('\n');
}

type Cell = (f: ScaleFigures) => string | undefined;

const STAGES = ['build', 'rebuild_one', 'cold_start', 'first_topic', 'first_word_search', 'queries'] as const;

/** A stage's figure, undefined when the stage did not finish. */
const fig = (s: Stage, key: string) => (s.finished === false ? undefined : (s[key] as number | string | undefined));
const sub = (s: Stage, set: string, key: string) => (s.finished === false ? undefined : (s[set] as Record<string, number> | undefined)?.[key]);
const num = (x: number | string | undefined, unit = '') => (x === undefined ? undefined : `${x}${unit}`);
const secs = (x: number | string | undefined) => (typeof x === 'number' ? `${(x / 1000).toFixed(1)} s` : undefined);
const ms = (x: number | string | undefined) => (typeof x === 'number' ? `${Math.round(x)} ms` : undefined);
/** A cold process's time; marked when start-up found no usable index and built one (then it is a build's time). */
const cold = (s: Stage, key: string) => {
  const x = ms(fig(s, key));
  return x && fig(s, 'index') === 'rebuilt' ? `${x} (index rebuilt)` : x;
};
const pair = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined ? undefined : `${a} / ${b} ms`);

const ROWS: Array<[string, string, Cell]> = [
  ['plans', '~5,000', (f) => num(fig(f.build, 'plans'))],
  ['tasks', '~352,000', (f) => num(fig(f.build, 'tasks'))],
  [
    'distinct requirement texts',
    '~97%',
    (f) => {
      const d = fig(f.build, 'distinct_texts') as number | undefined;
      const t = fig(f.build, 'tasks') as number | undefined;
      return d === undefined || !t ? undefined : `${d} (${((100 * d) / t).toFixed(1)}%)`;
    },
  ],
  ['full build', '< 60 s', (f) => secs(fig(f.build, 'build_ms'))],
  ['build peak RSS', '< 4096 MB', (f) => num(fig(f.build, 'rss_peak_mb'), ' MB')],
  ['index on disk', '', (f) => num(fig(f.build, 'index_mb'), ' MB')],
  ['one-plan rebuild', '< 2 s', (f) => secs(fig(f.rebuild_one, 'rebuild_ms'))],
  ['cold start to first answer', '< 2000 ms', (f) => cold(f.cold_start, 'total_ms')],
  ['  of which module loading', '', (f) => ms(fig(f.cold_start, 'modules_ms'))],
  ['first topic question, cold *', '< 1000 ms', (f) => cold(f.first_topic, 'answer_ms')],
  ['first word search, cold *', '< 1000 ms', (f) => cold(f.first_word_search, 'answer_ms')],
  ['samples chat p50 / p99', 'p99 < 25 ms (1x: < 5)', (f) => pair(sub(f.queries, 'samples', 'chat_p50_ms'), sub(f.queries, 'samples', 'chat_p99_ms'))],
  ['  samples, each first ask p99', '', (f) => num(sub(f.queries, 'samples', 'first_ask_p99_ms'), ' ms')],
  ['samples --json p50 / p99', '', (f) => pair(sub(f.queries, 'samples', 'json_p50_ms'), sub(f.queries, 'samples', 'json_p99_ms'))],
  ['broad chat p50 / p99', 'p99 < 100 ms', (f) => pair(sub(f.queries, 'broad', 'chat_p50_ms'), sub(f.queries, 'broad', 'chat_p99_ms'))],
  ['  of which first page p99', '', (f) => num(sub(f.queries, 'broad', 'format_p99_ms'), ' ms')],
  ['  broad, each first ask p99', '', (f) => num(sub(f.queries, 'broad', 'first_ask_p99_ms'), ' ms')],
  ['broad --json p50 / p99', '', (f) => pair(sub(f.queries, 'broad', 'json_p50_ms'), sub(f.queries, 'broad', 'json_p99_ms'))],
  ['heap at rest', '< 1024 MB', (f) => num(fig(f.queries, 'heap_rest_mb'), ' MB')],
  ['query process peak RSS', '', (f) => num(fig(f.queries, 'rss_peak_mb'), ' MB')],
];

/** Display width: a CJK character takes two columns. */
function width(s: string): number {
  let n = 0;
  for (const c of s) n += /[\u3000-\u9fff\uff00-\uffef]/.test(c) ? 2 : 1;
  return n;
}

function pad(s: string, w: number): string {
  return s + ' '.repeat(Math.max(0, w - width(s)));
}

function padStart(s: string, w: number): string {
  return ' '.repeat(Math.max(0, w - width(s))) + s;
}
