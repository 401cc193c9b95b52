import type { DocumentMeta } from '../../src/domain/document.js';
import type { Task } from '../../src/domain/task.js';
import { Random } from './random.js';
import type { CopyRegion } from './regions.js';
import { ownWording, reword, timeWords } from './wording.js';

/** A plan file as read once: its text, what the parser made of it, and where each requirement is printed. */
export interface OriginalPlan {
  name: string;
  text: string;
  meta: DocumentMeta;
  /** Each located requirement's place in `text` (in order, not overlapping), by its task's index in the plan. */
  spans: Array<{ start: number; end: number; task: number; timeWords: Array<[number, number]> }>;
  /** The printed forms of the original's places (longest first), for the copy's forms. */
  forms: RegExp;
}

/** What one copy of a plan is: its number, region and year, and the texts other copies already used, by task. */
export interface CopySpec {
  copy: number;
  region: CopyRegion;
  used: (task: number) => Set<string>;
}

/**
 * Where each requirement of a plan is printed: searched from its task's line on (each at most once,
 * in order); one that is not printed verbatim is left out, and its copies keep its text.
 */
export function locate(name: string, text: string, meta: DocumentMeta, tasks: Task[], forms: string[]): OriginalPlan {
  const lineStart = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStart.push(i + 1);
  const spans: OriginalPlan['spans'] = [];
  let cursor = 0;
  tasks.forEach((t, task) => {
    const from = Math.max(cursor, lineStart[t.line - 1] ?? 0);
    let start = text.indexOf(t.requirement, from);
    if (start < 0) start = text.indexOf(t.requirement, cursor);
    if (start < 0) return;
    spans.push({ start, end: start + t.requirement.length, task, timeWords: timeWords(t.requirement, meta.year) });
    cursor = start + t.requirement.length;
  });
  const escaped = [...forms].sort((a, b) => b.length - a.length).map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return { name, text, meta, spans, forms: new RegExp(escaped.join('|'), 'g') };
}

/**
 * The text of one copy of a plan, laid out as the original: its places, years and deadline months
 * those of the copy (every year of the plan's time shifted alike), unit names in their short forms
 * in odd copies, and each requirement worded anew — except a few (3%) kept as printed, as boilerplate
 * copied from the plan above is. A worded requirement another copy already has is given the copy's
 * own opening, so the library's texts stay distinct.
 */
export function copyPlan(original: OriginalPlan, spec: CopySpec): string {
  const random = new Random(`${spec.copy}/${original.name}`);
  const shift = original.meta.year === null ? 0 : spec.region.year - original.meta.year;
  const monthShift = random.below(3) - 1;
  const placeShort = spec.region.forms.get(original.meta.regionAliases[original.meta.regionAliases.length - 1] ?? '') ?? spec.region.name;
  const writer = { random, place: placeShort, level: original.meta.level || '县' };
  const plain = (s: string) => {
    let out = s.replace(original.forms, (f) => spec.region.forms.get(f) ?? f);
    out = out.replace(YEAR, (y) => (original.meta.year !== null && Math.abs(Number(y) - original.meta.year) <= 3 ? String(Number(y) + shift) : y));
    out = out.replace(MONTH, (m) => String(Math.min(12, Math.max(1, Number(m) + monthShift))));
    if (spec.copy % 2 === 1) for (const [long, short] of UNIT_SHORT_FORMS) out = out.split(long).join(short);
    return out;
  };
  const parts: string[] = [];
  let at = 0;
  for (const s of original.spans) {
    parts.push(plain(original.text.slice(at, s.start)));
    const used = spec.used(s.task);
    let text: string;
    if (random.chance(KEPT)) text = plain(original.text.slice(s.start, s.end));
    else {
      text = plain(reword(original.text.slice(s.start, s.end), writer, s.timeWords));
      if (used.has(text)) text = ownWording(text, spec.region.name, spec.region.round);
    }
    used.add(text);
    parts.push(text);
    at = s.end;
  }
  parts.push(plain(original.text.slice(at)));
  return parts.join('');
}

/** Share of requirements a copy prints as the original does (real libraries: ~97% of texts distinct). */
const KEPT = 0.03;
const YEAR = /(?<!\d)20[0-3]\d(?!\d)/g;
/** A deadline month (6月底前, 10月份, 3月前), not a date (12月31日). */
const MONTH = /(?<!\d)(?:1[0-2]|0?[1-9])(?=月(?:底|末|份|前|中旬|上旬|下旬))/g;
const UNIT_SHORT_FORMS: Array<[string, string]> = [
  ['发展和改革局', '发改局'],
  ['发展改革局', '发改局'],
  ['人力资源和社会保障局', '人社局'],
  ['住房和城乡建设局', '住建局'],
  ['卫生和计划生育局', '卫计局'],
  ['市场监督管理局', '市场监管局'],
];
