import type { Warning } from '../domain/document.js';
import type { Task } from '../domain/task.js';
import { numeralValue } from '../domain/numerals.js';
import { looksLikeUnits } from './units.js';
import { headerRole, isHeaderWords } from './header.js';
import { looksLikeDeadline as looksLikeDeadlineWords } from './cell-kind.js';

/**
 * Says out loud what looks wrong in a parse, as warnings naming the document and the lines: the
 * tasks of one document read from `text`. A parse that reads right gives []. Each check gives at
 * most one warning:
 * - no task at all from a file that has text;
 * - a unit field (牵头 / 配合) whose values mostly do not read as unit names (a column misread);
 * - more than half of the tasks without any unit;
 * - requirements that read as unit lists where their units do not (columns swapped), or units that
 *   are the pieces of a sentence;
 * - gaps in the numbering (序号, or the points of one 序号): fewer tasks than the numbers promise.
 */
export function checkPlausibility(doc: string, text: string, tasks: Task[]): Warning[] {
  if (tasks.length === 0) {
    const chars = text.replace(/\s+/g, '').length;
    return [{ doc, message: `文件有 ${chars} 个字，但未识别到任务表或任务清单 (no task table or task outline found: not a work-plan document?)` }];
  }
  const columns = (['lead', 'responsible'] as const).map((field) => unitFieldMisread(tasks, field));
  const messages = [
    ...columns,
    withoutUnits(tasks),
    requirementsAsUnits(tasks),
    // A misread unit column already names its rows: its sentences are not said twice.
    columns.some(Boolean) ? undefined : unitsAsText(tasks),
    headerWordsRead(tasks),
    cutRequirements(tasks),
    numberingGaps(tasks),
  ];
  return messages.filter((m): m is string => Boolean(m)).map((message) => ({ doc, message }));
}

function unitFieldMisread(tasks: Task[], field: 'lead' | 'responsible'): string | undefined {
  const filled = tasks.filter((t) => t[field].length > 0);
  const misread = filled.filter((t) => !readsAsUnits(t[field]));
  if (filled.length < MIN_TASKS || misread.length * 2 <= filled.length) return undefined;
  return `${FIELD_NAME[field]}多数不像单位名称（${misread.length}/${filled.length} 项，${lines(misread)}，如「${clip(misread[0][field].join('、'))}」）：单位列可能读错`;
}

function withoutUnits(tasks: Task[]): string | undefined {
  const bare = tasks.filter((t) => !t.lead.length && !t.responsible.length);
  if (tasks.length < MIN_TASKS || bare.length * 2 <= tasks.length) return undefined;
  return `${bare.length}/${tasks.length} 项任务没有责任单位（${lines(bare)}）：单位列可能未识别`;
}

/** A requirement that is a short unit list, in a task whose units are not one: the columns are swapped. */
function requirementsAsUnits(tasks: Task[]): string | undefined {
  const swapped = tasks.filter((t) => t.requirement.length <= SHORT_LIST && looksLikeUnits(t.requirement) && !readsAsUnits([...t.lead, ...t.responsible]));
  if (!swapped.length) return undefined;
  return `${swapped.length} 项任务的具体要求像单位名单（${lines(swapped)}，如「${clip(swapped[0].requirement)}」）：要求列与单位列可能错位`;
}

/** A requirement or a unit that is a table's header words (具体要求, 责任单位): a repeated header read as a row. */
function headerWordsRead(tasks: Task[]): string | undefined {
  // A unit as short as 单位 or 部门 is a real list item (各科室、单位): a header label is 4 characters or more.
  const label = (v: string, min: number) => v.length >= min && isHeaderWords(v.replace(/\s+/g, '')) && headerRole(v) !== undefined;
  const read = tasks.filter((t) => label(t.requirement, 2) || [...t.lead, ...t.responsible].some((u) => label(u, 4)));
  if (!read.length) return undefined;
  return `${read.length} 项任务的内容或单位是表头文字（${lines(read)}，如「${clip([read[0].requirement, ...read[0].lead].join('，'))}」）：表头（如分页处重复的表头）可能被读成任务`;
}

/**
 * Requirements cut mid-sentence: most of them opening where no sentence opens (率达到100%, 度报告…) or
 * too short to be a duty — text wrapped across lines read as separate cells (a flattened PDF).
 */
function cutRequirements(tasks: Task[]): string | undefined {
  const cut = tasks.filter((t) => t.requirement.length < 12 && !/[。；;]$/.test(t.requirement) && !looksLikeDeadlineWords(t.requirement) && !looksLikeUnits(t.requirement));
  if (cut.length < 3 || cut.length * 3 < tasks.length) return undefined;
  return `${cut.length}/${tasks.length} 项任务的具体要求很短、像半句话（${lines(cut)}，如「${clip(cut[0].requirement)}」）：换行的单元格可能被拆开读`;
}

/** Units that are pieces of a sentence (a requirement read into a unit column). */
function unitsAsText(tasks: Task[]): string | undefined {
  const text = tasks.filter((t) => readsAsText([...t.lead, ...t.responsible]));
  if (!text.length) return undefined;
  return `${text.length} 项任务的单位像一段文字（${lines(text)}，如「${clip([...text[0].lead, ...text[0].responsible].join('，'))}」）：单位列可能读错`;
}

/**
 * Numbers missing from a run of 序号 under one heading (each step of a seq path under the steps
 * before it), or from the points of one 序号.
 */
function numberingGaps(tasks: Task[]): string | undefined {
  const runs = new Map<string, { label: string; numbers: Set<number>; line: number }>();
  const add = (key: string, label: string, value: number | undefined, line: number) => {
    if (value === undefined) return;
    const run = runs.get(key) ?? { label, numbers: new Set<number>(), line };
    run.numbers.add(value);
    runs.set(key, run);
  };
  for (const t of tasks) {
    const steps = t.seq.split('/');
    steps.forEach((step, k) => {
      const parent = steps.slice(0, k).join('/');
      add(`seq ${parent}`, parent ? `「${parent}」下的序号` : '序号', numeralValue(step), t.line);
    });
    if (t.item) add(`item ${t.seq}`, `序号 ${t.seq} 的分项`, numeralValue(t.item), t.line);
  }
  const gaps: string[] = [];
  for (const { label, numbers, line } of runs.values()) {
    const sorted = [...numbers].sort((a, b) => a - b);
    const missing: number[] = [];
    for (let n = sorted[0]; n < sorted[sorted.length - 1]; n++) if (!numbers.has(n)) missing.push(n);
    if (missing.length) gaps.push(`${label}缺 ${missing.slice(0, MAX_LISTED).join('、')}${missing.length > MAX_LISTED ? ' 等' : ''}（第${line}行起）`);
  }
  if (!gaps.length) return undefined;
  return `编号不连续，任务可能少读：${gaps.slice(0, MAX_LISTED).join('；')}${gaps.length > MAX_LISTED ? `；另有 ${gaps.length - MAX_LISTED} 处` : ''}`;
}

/** Most names of a unit field read as organisations. */
function readsAsUnits(units: string[]): boolean {
  return units.length > 0 && units.filter((u) => looksLikeUnits(u)).length * 2 >= units.length;
}

function readsAsText(units: string[]): boolean {
  return units.length > 0 && !readsAsUnits(units) && units.join('').length > TEXT_UNITS;
}

function lines(tasks: Task[]): string {
  const shown = tasks.slice(0, MAX_LISTED).map((t) => t.line);
  return `第${shown.join('、')}行${tasks.length > MAX_LISTED ? '等' : ''}`;
}

function clip(s: string): string {
  return s.length > CLIP ? `${s.slice(0, CLIP)}…` : s;
}

const FIELD_NAME = { lead: '牵头单位', responsible: '配合/责任单位' } as const;

/** Fewer tasks than this say too little about a column. */
const MIN_TASKS = 3;
/** A requirement longer than this is a text, even when it ends with a unit word. */
const SHORT_LIST = 60;
/** Unit names this long together that do not read as units are a text. */
const TEXT_UNITS = 12;
const MAX_LISTED = 3;
const CLIP = 24;
