import type { KindFilter, Query } from '../domain/query.js';
import { normalizeQuestion } from './normalize.js';
import { isTopicWord } from '../domain/topic-words.js';
import { todayIn } from '../domain/calendar.js';
import { numeralValue } from '../domain/numerals.js';
import { readRegions } from './region-words.js';
import { readTime } from './time-words.js';
import { partialUnit, readSubject } from './unit-words.js';
import type { Vocabulary } from './vocabulary.js';

export type { Vocabulary };

export interface ParseOptions {
  /** YYYY-MM-DD; defaults to today in Asia/Shanghai. */
  today?: string;
  vocab: Vocabulary;
}

/**
 * Understands a question: normalizes it, then reads region, year, time window, kind, the body whose
 * own plan it asks about, unit, role, intent, detail reference and topic words, each taken out of
 * the text before the next is read. Never throws; what cannot be read is reported (`problems`,
 * `unplaced`, `unknownRegion`, `regionSuggestions`), never dropped.
 */
export function parseQuery(input: string, opts: ParseOptions): Query {
  const today = opts.today ?? todayIn();
  // A question is read up to MAX_QUESTION characters: every step after this is linear in them.
  const text = normalizeQuestion(input.length > MAX_QUESTION * 2 ? input.slice(0, MAX_QUESTION * 2) : input);
  const regions = readRegions(` ${text.slice(0, MAX_QUESTION)} `, opts.vocab);
  let rest = regions.rest;
  let docs = regions.docs;
  const { regionWords } = regions;

  // 揭阳市政府有哪些任务: the region's government, issuer of its government plans (not a body's own), not a unit.
  const government = regionWords.length ? GOVERNMENT_RE.exec(rest) : null;
  if (government) {
    rest = rest.replace(government[0], ' ');
    for (const d of regions.docs) if (opts.vocab.bodyDocs.has(d)) regions.docs.delete(d);
  }

  const time = readTime(rest, today);
  rest = time.rest;
  // 2017年 picks the plans of that year (none: the answer says which years there are); 今年 picks the plans of today's year, and stays a period inside them.
  const year = time.year ?? (time.window?.label.startsWith('今年') ? Number(today.slice(0, 4)) : undefined);

  const kind = readKind(rest);
  // Every word of the kind goes, not only the first: 长期性、持续性的任务 names one kind twice.
  if (kind) rest = rest.replace(kind.words, ' ');
  const status = STATUSES.find(([re]) => re.test(rest));
  if (status) rest = rest.replace(status[0], ' ');

  // 由哪些单位负责: a question word, not a unit named 单位.
  rest = rest.replace(WHICH_UNITS_RE, ' 由谁负责 ');
  const subject = readSubject(rest, opts.vocab, regions);
  rest = subject.rest;
  docs = subject.docs;
  const bodyRead = subject.body;
  let unit = subject.unit;
  let unknownRegion = regions.unknownRegion;
  if (unit) {
    // A region with plans only inside it (上海 → 长宁, 普陀) has no unit of its own level.
    if (regionWords.length && regions.docs.size === 0) unknownRegion ??= regionWords[0];
    if (docs.size === 0 && regions.inner.size === 0) unknownRegion ??= subject.placeBefore;
  }

  let role: Query['role'];
  const roleMatch = ROLE_RESPONSIBLE.exec(rest) ?? ROLE_LEAD.exec(rest);
  if (roleMatch) {
    role = ROLE_RESPONSIBLE.test(roleMatch[0]) ? 'responsible' : 'lead';
    rest = rest.replace(roleMatch[0], ' ');
  }

  let intent: Query['intent'] = 'list';
  if (COUNT_RE.test(rest)) intent = 'count';
  else if (WHO_RE.test(rest)) intent = 'who';
  rest = rest.replace(COUNT_RE, ' ').replace(WHO_RE, ' ');

  // 测试 1 / 蕉岭 10.2: after a region, a bare running number is a reference to that task.
  const bare = docs.size ? /^\s*[市县区]?\s*(\d{1,3})\s*$/.exec(rest) : null;
  const detail = bare ? { seq: bare[1], match: bare[0].trim() } : readDetail(rest);
  if (detail) {
    intent = intent === 'list' ? 'detail' : intent;
    rest = rest.replace(detail.match, ' ');
  }

  // The level a region reading kept for a unit after it (夷陵区 → 区), when no unit came: not part of the next word (区政务).
  if (!unit && regionWords.length) rest = rest.replace(/(^|\s)[市县区](?=[\u4e00-\u9fff])/g, '$1 ');
  const words = joinSingles(
    opts.vocab
      .tokenize(rest)
      .slice(0, MAX_WORDS)
      .map((w) => w.trim()),
    rest,
    opts.vocab,
  ).filter((w) => w && !/^[\s\p{P}\p{S}]+$/u.test(w) && !/^[a-z]$/i.test(w) && !/^[市县区]$/.test(w) && !/^\d+$/.test(w) && !/^[\u4e00-\u9fff]$/.test(w));
  // A function word that names units (财政, 审计) with nothing else to search is a partial unit.
  if (!unit && words.length === 1 && !TOPIC_FRAME.test(text) && !isTopicWord(words[0])) {
    const partial = partialUnit(words[0], opts.vocab, docs);
    if (partial) {
      unit = partial;
      words.length = 0;
    }
  }

  const topic = [...new Set(words.map((w) => specific(w, rest, words, opts.vocab)))];
  return {
    text,
    today,
    intent,
    docs: [...docs],
    innerDocs: unit || bodyRead ? [] : [...regions.inner],
    ...(unit && unknownRegion && regions.docs.size === 0 && regions.inner.size ? { insideOnly: [...regions.inner] } : {}),
    regionWords,
    unknownRegion,
    regionSuggestions: regions.suggestions,
    mistyped: regions.mistyped,
    body: bodyRead ? { text: bodyRead.text, issuer: bodyRead.issuer } : undefined,
    year,
    unit,
    role,
    window: time.window,
    kind: kind ? { kind: kind.kind, every: kind.every, label: kind.label } : undefined,
    status: status?.[1],
    topic,
    unplaced: topic.filter((w) => !opts.vocab.inText(w)),
    detail: detail ? { seq: detail.seq, item: detail.item, heading: detail.heading } : undefined,
    problems: text.length > MAX_QUESTION ? [...time.problems, `问题太长（超过${MAX_QUESTION}字），请精简后再问。`] : time.problems,
  };
}

/** The longest question read, in characters (a real one is under a hundred). */
export const MAX_QUESTION = 300;

/**
 * Only the region, body and unit of a text (the words a unit is bound with: 蕉岭 县财政局, 厦门市财政局
 * 预算处), as a query for that unit's tasks — without the rest of question understanding (no time,
 * kind or topic words), for resolving many bindings at once.
 */
export function parseUnitWords(words: string, vocab: Vocabulary, today: string): Query {
  const text = words.normalize('NFKC').replace(/\s+/g, ' ').trim();
  const regions = readRegions(` ${text} `, vocab);
  const { docs, body, unit } = readSubject(regions.rest, vocab, regions);
  return {
    text,
    today,
    intent: 'list',
    docs: [...docs],
    innerDocs: [],
    regionWords: regions.regionWords,
    unknownRegion: regions.unknownRegion,
    body: body ? { text: body.text, issuer: body.issuer } : undefined,
    unit,
    topic: [],
    unplaced: [],
    problems: [],
  };
}

function readKind(text: string): (KindFilter & { words: RegExp }) | undefined {
  for (const [re, kind, every, label] of KINDS) {
    if (re.test(text)) return { kind, every, label, words: new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`) };
  }
  return undefined;
}

/**
 * A reference to a numbered task: 第3项, 第3项第2点, 10.2, 一（二）; with the heading it is read
 * inside where numbering restarts under each heading (（二）第1项, 二、第1项).
 */
function readDetail(text: string): { seq: string; item?: string; heading?: string; match: string } | undefined {
  let m = /(?:[(（]\s*([一二三四五六七八九十]{1,3})\s*[)）]|(?<![\u4e00-\u9fff])([一二三四五六七八九十]{1,3})\s*[、.．])?\s*第\s*(\d{1,3}|[一二三四五六七八九十]{1,3})\s*(?:项|条|个|号)(?:\s*(?:的)?\s*第\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*(?:点|项|条|款|小项))?/.exec(text);
  if (m) {
    const heading = m[1] ? `(${m[1]})` : m[2];
    return { seq: String(numeralValue(m[3]) ?? m[3]), item: m[4] ? String(numeralValue(m[4]) ?? m[4]) : undefined, heading, match: m[0] };
  }
  m = /([一二三四五六七八九十]{1,3})\s*[（(]\s*([一二三四五六七八九十]{1,3})\s*[)）]\s*(\d{1,2})?/.exec(text);
  if (m) return { seq: `${m[1]}/（${m[2]}）${m[3] ? `/${m[3]}` : ''}`, match: m[0] };
  m = /(?<![\d.])(\d{1,3})\s*[.．]\s*(\d{1,2})(?![\d.])/.exec(text);
  if (m) return { seq: m[1], item: m[2], match: m[0] };
  return undefined;
}


const KINDS: Array<[RegExp, KindFilter['kind'], KindFilter['every'], string]> = [
  [/每(?:个)?季度|按季度|按季|季度性|每季|quarterly|every quarter/i, 'periodic', 'quarter', '每季度'],
  [/每半年|按半年|half[- ]yearly|every half[- ]year|semi-?annual(?:ly)?|twice a year/i, 'periodic', 'halfyear', '每半年'],
  [/每(?:个)?月|按月|月度|monthly|every month/i, 'periodic', 'month', '每月'],
  [/每年|按年|年度性|yearly|annually|every year/i, 'periodic', 'year', '每年'],
  [/每周|按周|weekly/i, 'periodic', 'week', '每周'],
  [/周期性|定期/, 'periodic', undefined, '周期性'],
  [/全年(?:工作|性)?|长期性?|持续性|持续|常态化|经常性|year[- ]round|ongoing/i, 'ongoing', undefined, '全年/长期'],
  [/按(?:照)?上级(?:统一|相关)?(?:部门的?)?部署|上级部署|视情况|conditional/i, 'conditional', undefined, '按上级部署'],
];

/** A region's government right after its name, the question going on (市政府门户网站 is a topic, 市政府办 a unit). */
const GOVERNMENT_RE = /^\s*[市县区州省]?(?:人民)?政府(?=\s*(?:有哪些|有什么|有啥|有几|要|需要|需|应|该|今年|本月|下个月|\d|的(?:政务公开)?(?:工作|任务)|一共|共有|总共|$))/;
/** 由哪些单位负责, 哪个部门牵头: which units, asked. */
const WHICH_UNITS_RE = /(?:由)?(?:哪个|哪些|哪几个)(?:单位|部门|处室|科室|股室)(?=来|负责|牵头|承担|落实|配合|$|\s)/g;
const ROLE_LEAD = /牵头(?:单位|部门)?|主办(?:单位)?|\blead(?:s|ing)?\b|\bin charge\b/i;
const ROLE_RESPONSIBLE = /(?:配合|责任|落实|协办|参与)(?:单位|部门)|负责落实|配合|协办|responsible|\bsupport(?:s|ing)?\b|\bassist(?:s|ing)?\b/i;
const COUNT_RE = /一共|共有|总共|几项|几个|几条|多少项?|多少个|多少条|数量|how many|\bcount\b|number of/gi;
const WHO_RE = /由谁(?:来)?(?:负责|牵头|承担)?|谁(?:来)?(?:负责|牵头|承担|做)|(?:由)?(?:哪个|哪些|哪几个)(?:单位|部门|处室|科室|股室|处|科)(?:来)?(?:负责|牵头|承担)?|\bwho\b|which (?:unit|units|department|departments)/gi;
/**
 * A two-character topic word made specific by the filler words before it, where tasks print them
 * together: 信息公开指南 → 公开指南 (not 办事指南). Words that nearly every task shares are no topic
 * alone, but they still tell one 指南 from another.
 */
function specific(word: string, rest: string, words: string[], vocab: Vocabulary): string {
  const i = rest.indexOf(word);
  if (word.length !== 2 || i < 2) return word;
  const left = rest.slice(i - 2, i);
  // Only filler before it (公开, 政务): never the end of another word (文件库建设 is no 件库建设).
  if (!/^[\u4e00-\u9fff]{2}$/.test(left) || vocab.tokenize(left).length || vocab.tokenize(rest.slice(i - 2, i + word.length)).length !== 1) return word;
  return vocab.inText(left + word) ? left + word : word;
}

/**
 * A single character the tokenizer split off a word (文件/库 of 文件库) joins the word before it, or
 * else the word after it (依/申请 of 依申请, 新/媒体 of 新媒体), where the question prints them together
 * and tasks do too; alone it is no topic word.
 */
function joinSingles(tokens: string[], rest: string, vocab: Vocabulary): string[] {
  const out: string[] = [];
  const joins = (a: string | undefined, b: string | undefined) => a !== undefined && b !== undefined && /[\u4e00-\u9fff]$/.test(a) && /^[\u4e00-\u9fff]/.test(b) && rest.includes(a + b) && vocab.inText(a + b);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const prev = out[out.length - 1];
    const single = /^[\u4e00-\u9fff]$/.test(t);
    if (single && joins(prev, t)) out[out.length - 1] = prev + t;
    else if (single && joins(t, tokens[i + 1])) tokens[i + 1] = t + tokens[i + 1];
    else out.push(t);
  }
  return out;
}

/** Words for a tracked status, most specific first. */
const STATUSES: Array<[RegExp, 'overdue' | 'open' | 'done']> = [
  [/逾期(?:未完成|未办结)?|超期|超过期限|过了期限|overdue/i, 'overdue'],
  [/(?:还)?(?:没(?:有)?|未|尚未)(?:完成|办结|做完|落实)|待办|outstanding|not (?:yet )?(?:done|completed|finished)/i, 'open'],
  [/已(?:经)?(?:完成|办结|办完|做完)|(?:办结|完成|做完|办完)了|\bdone\b|completed|closed/i, 'done'],
];

/** Words of a question considered as topic words. */
const MAX_WORDS = 24;

const TOPIC_FRAME = /要求|怎么|如何|什么时候|何时|由谁|谁负责|哪个单位|哪些单位|规定|内容是|具体/;
