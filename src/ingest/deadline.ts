import type { Deadline, Every } from '../domain/task.js';
import { dateOf, endOfMonth, isValidDate } from '../domain/calendar.js';
import { everyOfWord } from '../domain/periods.js';
import { isMannerOnly, isPlaceholder } from './no-value.js';

export interface NormalizedDeadline {
  deadline: Deadline;
  /** The time words found, verbatim, joined with ；. */
  raw: string;
}

/**
 * Normalizes a deadline. `source: 'column'` reads a 完成时限 cell, where any time words govern;
 * `source: 'text'` reads a requirement, where only real time expressions count (及时, 年度…, 办理时限
 * are not deadlines) and the most specific one governs: by > periodic > conditional > relative > ongoing.
 * Years without a stated year (年底前, 6月底前) are the plan's `year`; when that is unknown, a bare
 * month cannot be dated and the expression is kept as conditional text instead of guessed.
 */
export function normalizeDeadline(text: string, year: number | null, source: 'column' | 'text'): NormalizedDeadline {
  const t = text.replace(/\s+/g, ' ').trim();
  if (!t) return { deadline: { kind: 'none' }, raw: '' };
  const found = findExpressions(t, year, source);
  if (found.length === 0) {
    // A deadline cell always means something: an unrecognized one is kept as its words.
    if (source === 'column') {
      // A placeholder (/, —, 无) or a manner adverb (及时, 适时: no time, the gold README says) is no deadline.
      if (isPlaceholder(t) || isMannerOnly(t)) return { deadline: { kind: 'none' }, raw: '' };
      const kind = /部署|待|视情|按要求|按需|根据(?:工作)?需要/.test(t) ? 'conditional' : 'relative';
      return { deadline: { kind, text: t }, raw: t };
    }
    return { deadline: { kind: 'none' }, raw: '' };
  }
  const raw = unique(found.map((f) => f.text)).join('；');
  const dated = found.filter((f) => f.kind === 'by');
  if (dated.length > 0) {
    const dates = unique(dated.map((f) => f.date!)).sort();
    const date = dates[dates.length - 1];
    const milestones = dates.slice(0, -1);
    return { deadline: milestones.length ? { kind: 'by', date, milestones } : { kind: 'by', date }, raw };
  }
  for (const kind of ['periodic', 'conditional', 'relative', 'ongoing'] as const) {
    const hit = found.find((f) => f.kind === kind);
    if (!hit) continue;
    if (kind === 'periodic') return { deadline: { kind, every: pickEvery(found) }, raw };
    if (kind === 'ongoing') return { deadline: { kind }, raw };
    return { deadline: { kind, text: hit.text }, raw };
  }
  return { deadline: { kind: 'none' }, raw };
}

interface Expression {
  kind: 'by' | 'periodic' | 'relative' | 'conditional' | 'ongoing';
  text: string;
  index: number;
  date?: string;
  every?: Every;
}

function findExpressions(t: string, planYear: number | null, source: 'column' | 'text'): Expression[] {
  const out: Expression[] = [];
  const taken: Array<[number, number]> = [];
  const overlaps = (a: number, b: number) => taken.some(([x, y]) => a < y && b > x);
  const add = (e: Omit<Expression, 'index'>, m: RegExpExecArray) => {
    const start = m.index;
    const end = start + m[0].length;
    if (overlaps(start, end)) return;
    taken.push([start, end]);
    out.push({ ...e, index: start });
  };
  // Each pattern is a module constant (built once) read with exec from the text's start; `re` is
  // undefined where the text lacks a word the pattern cannot match without (see `ifHas`).
  const scan = (re: RegExp | undefined, fn: (m: RegExpExecArray) => Omit<Expression, 'index'> | undefined) => {
    if (!re) return;
    re.lastIndex = 0;
    for (let m = re.exec(t); m; m = re.exec(t)) {
      if (m[0] === '') re.lastIndex++;
      const e = fn(m);
      if (e) add(e, m);
    }
  };
  // Most texts hold no time words at all: a cheap test skips a scan that could find nothing.
  const ifHas = (word: string | RegExp, re: RegExp) => ((typeof word === 'string' ? t.includes(word) : word.test(t)) ? re : undefined);
  const yearOf = (y: string | undefined, next = false) =>
    y ? Number(y) : planYear === null ? null : planYear + (next ? 1 : 0);

  // Periodic expressions first: 每年1月31日前 is a yearly duty, not a date.
  scan(ifHas(/[每按报]/, PERIODIC_RE), (m) => ({ kind: 'periodic', text: m[0], every: everyOf(m[0]) }));
  // Full and partial dates.
  scan(ifHas('月', FULL_DATE_RE), (m) => {
    const y = yearOf(m[2], Boolean(m[1]));
    const mo = Number(m[3]);
    const d = Number(m[4]);
    if (y === null || !isValidDate(y, mo, d)) return undefined;
    return { kind: 'by', text: m[0].trim(), date: dateOf(y, mo, d) };
  });
  scan(ifHas('旬', TEN_DAYS_RE), (m) => {
    const y = yearOf(m[2], Boolean(m[1]));
    const mo = Number(m[3]);
    if (y === null || mo < 1 || mo > 12) return undefined;
    const date = m[4] === '上旬' ? dateOf(y, mo, 10) : m[4] === '中旬' ? dateOf(y, mo, 20) : endOfMonth(y, mo);
    return { kind: 'by', text: m[0].trim(), date };
  });
  scan(ifHas('季度', QUARTER_RE), (m) => {
    if (!m[2] && !/(前|末|底)$/.test(m[0].trim())) return undefined;
    const y = yearOf(m[2], Boolean(m[1]));
    if (y === null) return undefined;
    const q = '1一'.includes(m[3]) ? 1 : '2二'.includes(m[3]) ? 2 : '3三'.includes(m[3]) ? 3 : 4;
    return { kind: 'by', text: m[0].trim(), date: endOfMonth(y, q * 3) };
  });
  scan(ifHas('月', MONTH_RE), (m) => {
    const hasYear = Boolean(m[2]);
    const bounded = Boolean(m[4] || m[5]);
    const before = t.slice(Math.max(0, m.index - 2), m.index);
    const after = t.slice(m.index + m[0].length, m.index + m[0].length + 1);
    // A bare month in running text (流行季节（4—10月）) is not a deadline; 于9月组织 is.
    if (source === 'text' && !hasYear && !bounded && !/[于在到至]$/.test(before)) return undefined;
    if (/[—\-~～至到]$/.test(before) && !bounded) return undefined;
    if (/[—\-~～]/.test(after)) return undefined;
    const y = yearOf(m[2], Boolean(m[1]));
    const mo = Number(m[3]);
    if (y === null || mo < 1 || mo > 12) return undefined;
    return { kind: 'by', text: m[0].trim(), date: endOfMonth(y, mo) };
  });
  scan(ifHas('半年', HALF_YEAR_RE), (m) => {
    // 上半年 alone in a deadline column (the whole cell) is the half's end, as 上半年前 is.
    const wholeCell = source === 'column' && m[0].trim() === t;
    if (!/(前|末|底)$/.test(m[0].trim()) && !m[1] && !wholeCell) return undefined;
    if (source === 'text' && !/(前|末|底)$/.test(m[0].trim())) return undefined;
    const y = yearOf(m[1]);
    if (y === null) return undefined;
    return { kind: 'by', text: m[0].trim(), date: endOfMonth(y, m[2] === '上半年' ? 6 : 12) };
  });
  scan(ifHas('年', YEAR_END_RE), (m) => {
    const before = t.slice(Math.max(0, m.index - 1), m.index);
    if (!m[1] && /[度上今去明当次全每历近多]/.test(before)) return undefined;
    const y = yearOf(m[1]);
    if (y === null) return undefined;
    return { kind: 'by', text: m[0].trim(), date: m[2] === '年初' ? dateOf(y, 3, 31) : dateOf(y, 12, 31) };
  });
  // 今年内 / 本年度内: by the plan year's end (今年 alone is only the year's scope).
  scan(ifHas('年', THIS_YEAR_RE), (m) => (planYear === null ? undefined : { kind: 'by', text: m[0], date: dateOf(planYear, 12, 31) }));
  scan(ifHas('年', BY_YEAR_RE), (m) =>
    ({ kind: 'by', text: m[0].trim(), date: dateOf(Number(m[1]), 12, 31) }));
  if (source === 'column') {
    // A column that names only a year: 2016年 → the year's end.
    scan(ifHas('年', YEAR_ONLY_RE), (m) => ({ kind: 'by', text: m[0].trim(), date: dateOf(Number(m[1]), 12, 31) }));
  }
  scan(ifHas(CONDITIONAL_NEEDS, CONDITIONAL_RE), (m) => ({ kind: 'conditional', text: m[0] }));
  scan(relativeRe(t), (m) => ({ kind: 'relative', text: m[0] }));
  scan(ONGOING_RE, (m) => {
    if (source === 'text' && /^动态/.test(m[0]) && /^动态(信息|新闻)/.test(t.slice(m.index, m.index + 4))) return undefined;
    return { kind: 'ongoing', text: m[0] };
  });
  return out.sort((a, b) => a.index - b.index);
}

function pickEvery(found: Expression[]): Every {
  const periodic = found.filter((f) => f.kind === 'periodic');
  // 按月或季度: the least frequent acceptable schedule governs.
  const alternative = periodic.find((p) => /或|、/.test(p.text));
  return (alternative ?? periodic[0]).every!;
}

function everyOf(text: string): Every {
  // In an alternative (按月或季度, 按月、按季) the last, least frequent one governs.
  const words = text.split(/\d/)[0];
  const units = [...words.matchAll(/(半年|季度|季|月|年|周|星期|旬|天|日)/g)].map((m) => m[1]);
  return everyOfWord(units[units.length - 1]);
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

const FULL_DATE_RE = /(次年|明年)?(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*(?:前|以前|之前)?/g;
const TEN_DAYS_RE = /(次年|明年)?(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(上旬|中旬|下旬)\s*(?:前|以前|之前|末)?/g;
const QUARTER_RE = /(次年|明年)?(?:(\d{4})\s*年\s*(?:度\s*)?)?(?:第\s*)?([1-4一二三四])\s*季度\s*(?:前|以前|之前|末|底)?/g;
const MONTH_RE = /(次年|明年)?(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(底|末|份)?\s*(前|以前|之前|完成|止)?/g;
const HALF_YEAR_RE = /(?:(\d{4})\s*年\s*)?(上半年|下半年)\s*(?:前|以前|之前|末|底)?/g;
const YEAR_END_RE = /(?:(\d{4})\s*年\s*)?(年底|年末|年内|年终|年初)\s*(?:前|以前|之前|完成)?/g;
const THIS_YEAR_RE = /(?:今年|本年度?|当年)(?:内|年?底前|年?末前)/g;
const BY_YEAR_RE = /(\d{4})\s*年\s*(?:底|末)?\s*(前|以前|之前|完成)/g;
const YEAR_ONLY_RE = /^(\d{4})\s*年\s*$/g;

const PERIODIC_RE = new RegExp(
  [
    '(?:每|按)(?:个)?(?:半年|季度|季|月|年|周|星期|旬|天|日)(?:末|底|初)?(?:(?:或|、)(?:按|每)?(?:半年|季度|季|月|年|周))?(?:\\s*\\d{1,2}\\s*月(?:\\s*\\d{1,2}\\s*[日号])?(?:底|末)?(?:前|以前|之前)?)?',
    '(?:月报|季报|年报)(?:、(?:月报|季报|年报))*(?=方式|制度)',
  ].join('|'),
  'g',
);

const CONDITIONAL_RE = new RegExp(
  [
    '按(?:照)?(?:[^，,。；;]{0,24}?)(?:上级|国家|省|市|财政部|省政府|省市|国家和省)(?:[^，,。；;]{0,16}?)部署',
    '待[^，,。；;]{1,40}?(?:出台|印发|发布|修订|明确|制定)后',
    '《[^》]{2,40}》(?:修订)?(?:[^，,。；;]{0,6})出台后',
    '新修订的[^，,。；;]{0,40}?出台',
    '(?:修订|修改)(?:发布)?后的时间要求',
  ].join('|'),
  'g',
);

/** Words CONDITIONAL_RE cannot match without (部署, 待…后, …出台…, 时间要求). */
const CONDITIONAL_NEEDS = /部署|待|出台|时间要求/;

const NUMBER = '(?:\\d+|[一二三四五六七八九十两]+)';

/**
 * Relative limits (5个工作日内, 批复后, 决策前, 第一时间), each with what it cannot match without: for
 * the first, its number and unit before 内; for the third, its verb and 后 (their lazy
 * `[^，,。；;]{0,20}?` prefixes are what the scan costs). A text with none of 内/后/前 and the
 * words of the others has none of them (most texts: one test instead of eight).
 */
const relativeRe = alternation(/[内后前]|最迟|最长|第一时间|按照时间节点/, [
  [`(?:自|在|于)?[^，,。；;]{0,20}?(?:前|后|起)?${NUMBER}\\s*(?:个)?\\s*(?:工作日|自然日|小时|日|天|周|个月)(?:内|之内|以内)`,
    /[\d一二三四五六七八九十两]\s*(?:个)?\s*(?:工作日|自然日|小时|日|天|周|个月)(?:内|之内|以内)/],
  [`(?:最迟|最长)(?:不超过)?\\s*${NUMBER}\\s*(?:个)?\\s*(?:工作日|小时|日|天)`, /最迟|最长/],
  [`[^，,。；;]{0,8}?(?:形成|收到|出台|发布|公告|批复|通过|审议通过|验收合格|作出|签订|确定|发生)[^，,。；;的]{0,6}?后(?!的)(?:\\s*${NUMBER}\\s*(?:个)?\\s*(?:工作日|日|天))?`,
    /(?:形成|收到|出台|发布|公告|批复|通过|验收合格|作出|签订|确定|发生)[^，,。；;的]{0,6}?后(?!的)/],
  ['(?:在)?(?:决策|发布|公开|执行政策|作出[^，,。；;]{0,60}?)前(?=[，,。；;的]|主动|应|向|进行|要)',
    /(?:决策|发布|公开|执行政策|作出[^，,。；;]{0,60}?)前(?=[，,。；;的]|主动|应|向|进行|要)/],
  [`提前\\s*${NUMBER}\\s*(?:个)?\\s*(?:工作日|日|天)`, /提前/],
  ['(?:在)?第一时间', /第一时间/],
  ['在规定的时间内', /在规定的时间内/],
  ['按照时间节点', /按照时间节点/],
]);

/**
 * Patterns tried in order at each position (one alternation `a|b|…`), each with a test of words it
 * cannot match without, and `any`, a test that every text holding the words of one of them passes.
 * A text is read with the alternation of only the patterns whose words it holds: a pattern that
 * matches nowhere in the text never decides a match, so the matches are the same, and patterns with
 * lazy prefixes are not tried at every position of texts that give them nothing to find. One regex
 * per set of patterns, built when first needed; undefined for none.
 */
function alternation(any: RegExp, parts: Array<[source: string, needs: RegExp]>): (t: string) => RegExp | undefined {
  const built = new Map<number, RegExp | undefined>();
  return (t) => {
    if (!any.test(t)) return undefined;
    let mask = 0;
    parts.forEach(([, needs], i) => {
      if (needs.test(t)) mask |= 1 << i;
    });
    if (!built.has(mask)) {
      const sources = parts.filter((_, i) => mask & (1 << i)).map(([source]) => source);
      built.set(mask, sources.length ? new RegExp(sources.join('|'), 'g') : undefined);
    }
    return built.get(mask);
  };
}

const ONGOING_RE = new RegExp(
  [
    '全年(?:工作)?',
    '长期',
    '常态化',
    '(?<!为)常态(?!、)',
    '经常',
    '持续(?:推进|开展|加以推进|做好|加强|更新|公开)?',
    '经常性',
    '实时',
    '即时',
    '时刻(?=关注|跟踪|保持)',
    '动态(?:公开|调整|更新|监测|管理)',
    '定期(?!向社会公开[^，,。；;]{0,6}每)',
    '平时',
    '日常(?:监管|监测|管理|调度|工作|值守|维护|更新|检查)',
    '不定期',
  ].join('|'),
  'g',
);
