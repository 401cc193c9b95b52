import { normalizeDeadline } from '../../src/ingest/deadline.js';
import type { Random } from './random.js';

/** Who a copy is written for: its region's short name (东城, 辛集) and level word (县, 市, 区, 省). */
export interface Writer {
  random: Random;
  place: string;
  level: string;
}

/**
 * The same requirement as another county's office would word it: common policy words swapped for
 * their synonyms, two clauses in another order, the place or a closing phrase added, other numbers.
 * Topic nouns, role words (牵头, 配合, 落实) and numbering are left alone, and so is each range of
 * `kept` (the time words that date a task whose row has no 完成时限, with the characters around them
 * that decide it), so the copy parses into the same task.
 */
export function reword(text: string, w: Writer, kept: Array<[number, number]>): string {
  const { random } = w;
  const free = (at: number, length: number) => !kept.some(([a, b]) => at < b && at + length > a);
  let out = text.replace(SYNONYM, (word: string, at: number) => (free(at, word.length) && random.chance(0.6) ? random.pick(GROUP_OF.get(word) ?? [word]) : word));
  if (!kept.length && random.chance(0.4)) out = reorderClauses(out, random);
  out = out.replace(COUNTED, (n: string, unit: string, at: number) =>
    free(at, n.length) && random.chance(0.7) ? String(unit === '%' ? 80 + random.below(21) : Math.max(1, Number(n) + random.below(6) - 2)) : n,
  );
  if (random.chance(0.5)) out = random.chance(0.5) ? random.pick(OPENINGS)(w) + out : withClosing(out, random.pick(CLOSINGS)(w));
  return out;
}

/** The wording kept apart from every other copy's: the copy's full region name and an opening of its own. */
export function ownWording(text: string, region: string, round: number): string {
  return `${OWN[round % OWN.length]}${region}${OWN_TAIL}${text}`;
}

/**
 * The ranges of a requirement that date it, as the parser reads a requirement (`normalizeDeadline`
 * of src/ingest): each time expression with the two characters before it and the one after.
 */
export function timeWords(text: string, year: number | null): Array<[number, number]> {
  const { raw } = normalizeDeadline(text, year, 'text');
  const out: Array<[number, number]> = [];
  for (const words of raw ? raw.split('；') : []) {
    for (let at = text.indexOf(words); at >= 0; at = text.indexOf(words, at + 1)) out.push([Math.max(0, at - 2), at + words.length + 1]);
  }
  return out;
}

/** Swaps two neighbouring clauses after the first (commas outside brackets and quotes); numbered points are left in order. */
function reorderClauses(text: string, random: Random): string {
  if (NUMBERED.test(text)) return text;
  const end = /[。；;.]$/.exec(text)?.[0] ?? '';
  const clauses = splitClauses(end ? text.slice(0, -1) : text);
  if (clauses.length < 3) return text;
  const i = 1 + random.below(clauses.length - 2);
  [clauses[i], clauses[i + 1]] = [clauses[i + 1], clauses[i]];
  return clauses.join('，') + end;
}

function splitClauses(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (OPEN.includes(c)) depth++;
    else if (CLOSE.includes(c)) depth = Math.max(0, depth - 1);
    else if ((c === '，' || c === ',') && depth === 0) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out.filter((c) => c.trim());
}

function withClosing(text: string, closing: string): string {
  const end = /[。；;.]$/.exec(text)?.[0] ?? '';
  return (end ? text.slice(0, -1) : text) + closing + end;
}

/** Interchangeable words of the plans' prose (verbs, adverbs, connectives); no topic nouns, no time or role words. */
const GROUPS: string[][] = [
  ['加强', '强化', '加大'],
  ['推进', '推动', '加快推进', '深入推进'],
  ['完善', '健全', '优化', '改进'],
  ['做好', '抓好', '认真做好', '切实做好'],
  ['及时', '迅速'],
  ['建立', '建立健全', '构建'],
  ['公布', '发布'],
  ['主动', '积极'],
  ['提高', '提升', '增强'],
  ['扩大', '拓展', '拓宽'],
  ['确保', '保证', '务求'],
  ['严格', '切实'],
  ['依法', '依法依规'],
  ['开展', '组织开展'],
  ['相关', '有关'],
  ['按照', '根据', '依照'],
  ['群众', '公众', '人民群众'],
  ['渠道', '途径'],
  ['方式', '形式'],
  ['全面', '全方位'],
  ['统一', '集中统一'],
  ['各类', '各种'],
  ['实行', '实施', '推行'],
  ['进一步', '更好地'],
  ['制定', '研究制定', '出台'],
  ['深化', '深入'],
  ['整合', '归并'],
  ['通过', '依托'],
  ['办理', '处理'],
];

const GROUP_OF = new Map(GROUPS.flatMap((g) => g.map((w) => [w, g] as const)));
/** Longest first, so 加快推进 is one word, not 推进 after 加快; 公众号 is not 公众. */
const SYNONYM = new RegExp([...GROUP_OF.keys()].sort((a, b) => b.length - a.length).map((w) => (w === '公众' ? '公众(?!号)' : w)).join('|'), 'g');
/** A count in the text: 3个工作日, 5家, 2次, 95%. Not a year, month, day, 第N or a point number. */
const COUNTED = /(?<![\d.第])(\d{1,3})(?=(个|家|项|次|条|批|%))(?!个月)/g;
const NUMBERED = /(^|[^\d])\d+[.、．)）]|[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]、/;
const OPEN = '（(《“「【[';
const CLOSE = '）)》”」】]';

const OPENINGS: Array<(w: Writer) => string> = [
  (w) => `结合${w.place}实际，`,
  (w) => `立足${w.place}工作实际，`,
  (w) => `围绕${w.place}发展大局，`,
  (w) => `在全${w.level}范围内`,
  () => '坚持问题导向，',
];
const CLOSINGS: Array<(w: Writer) => string> = [
  () => '，确保取得实效',
  () => '，主动接受社会监督',
  (w) => `，提升${w.place}政务公开水平`,
  (w) => `，公开率达到${90 + w.random.below(11)}%`,
  (w) => `，形成${w.place}经验做法`,
];
const OWN = ['聚焦', '围绕', '对照', '立足', '结合'];
const OWN_TAIL = '政务公开工作安排，';
