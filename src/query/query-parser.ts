import type { KindFilter, Query, UnitRef } from '../domain/query.js';
import { aliasKey, looksLikeOrganisation, type UnitLevel } from '../domain/unit-name.js';
import { normalizeQuestion } from './normalize.js';
import { isTopicWord } from '../domain/topic-words.js';
import { todayIn } from '../domain/calendar.js';
import { readTime } from './time-words.js';

/** What the documents teach the parser: region words and unit names, learned, not hard-coded. */
export interface Vocabulary {
  /** Region forms (蕉岭县, 蕉岭 …) and the documents they select, longest first. */
  regionForms: Array<{ form: string; docs: string[] }>;
  /** The same, by form, for lookups that do not grow with the number of documents. */
  regionsByForm: Map<string, string[]>;
  /** Unit forms (县财政局, 财政局, 发改局 …) with their alias key and level, longest first. */
  unitForms: Array<{ form: string; key: string; level: UnitLevel; docs: Set<string> }>;
  unitsByForm: Map<string, Array<{ form: string; key: string; level: UnitLevel; docs: Set<string> }>>;
  /** Documents by plan year. */
  docYears: Array<{ doc: string; year: number | null }>;
  /** Splits text into words, stop words left out (the tokenizer and stop list the index uses). */
  tokenize: (text: string) => string[];
}

export interface ParseOptions {
  /** YYYY-MM-DD; defaults to today in Asia/Shanghai. */
  today?: string;
  vocab: Vocabulary;
}

/**
 * Understands a question: normalizes it, then reads region, year, time window, kind, role, intent,
 * detail reference, unit and topic words, each taken out of the text before the next is read.
 * Never throws; what cannot be read is left out or reported in `problems`.
 */
export function parseQuery(input: string, opts: ParseOptions): Query {
  const today = opts.today ?? todayIn();
  const text = normalizeQuestion(input);
  const regions = readRegions(` ${text} `, opts.vocab);
  let rest = regions.rest;
  const { docs, regionWords } = regions;

  const time = readTime(rest, today);
  rest = time.rest;
  // 2017年: the plans of that year when there are any, else the dates inside that year.
  if (time.year !== undefined && !time.window && !opts.vocab.docYears.some((d) => d.year === time.year)) {
    time.window = { from: { year: time.year, month: 1, day: 1 }, to: { year: time.year, month: 12, day: 'end' }, label: `${time.year}年` };
    time.year = undefined;
  }

  const kind = readKind(rest);
  if (kind) rest = rest.replace(kind.match, ' ');

  const unitRead = readUnit(rest, opts.vocab, docs);
  let unit = unitRead?.unit;
  let unknownRegion: string | undefined;
  if (unitRead) {
    rest = unitRead.rest;
    unknownRegion = docs.size === 0 ? unitRead.placeBefore : undefined;
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

  const words = opts.vocab
    .tokenize(rest)
    .map((w) => w.trim())
    .filter((w) => w && !/^[\s\p{P}\p{S}]+$/u.test(w) && !/^[a-z]$/i.test(w) && !/^[市县区]$/.test(w) && !/^\d+$/.test(w) && !/^[\u4e00-\u9fff]$/.test(w));
  // A function word that names units (财政, 审计) with nothing else to search is a partial unit.
  if (!unit && words.length === 1 && !TOPIC_FRAME.test(text) && !isTopicWord(words[0])) {
    const partial = partialUnit(words[0], opts.vocab, docs);
    if (partial) {
      unit = partial;
      words.length = 0;
    }
  }

  return {
    text,
    today,
    intent,
    docs: [...docs],
    regionWords,
    unknownRegion,
    year: time.year,
    unit,
    role,
    window: time.window,
    kind: kind ? { kind: kind.kind, every: kind.every, label: kind.label } : undefined,
    topic: [...new Set(words)],
    detail: detail ? { seq: detail.seq, item: detail.item } : undefined,
    problems: time.problems,
  };
}

/**
 * Only the region and unit of a text (the words a unit is bound with: 蕉岭 县财政局), without the
 * rest of question understanding — for resolving many bindings at once.
 */
export function parseUnitWords(words: string, vocab: Vocabulary, units?: Map<string, UnitRef | undefined>): { docs: string[]; unit?: UnitRef } {
  const regions = readRegions(` ${words.normalize('NFKC').trim()} `, vocab);
  // The same unit words recur in many regions' bindings: read them once when a cache is given.
  const key = regions.rest.trim();
  if (units?.has(key)) return { docs: [...regions.docs], unit: units.get(key) };
  const unit = readUnit(regions.rest, vocab, regions.docs)?.unit;
  units?.set(key, unit);
  return { docs: [...regions.docs], unit };
}

/**
 * Region words, learned from the documents: each selects its documents and is taken out of the
 * text. A region ending in 市/县/区 lends that level to a unit right after it (开平市环保局 → 市环保局).
 */
function readRegions(text: string, vocab: Vocabulary): { rest: string; docs: Set<string>; regionWords: string[] } {
  let rest = text;
  const docs = new Set<string>();
  const regionWords: string[] = [];
  for (let hit = longestForm(rest, vocab.regionsByForm); hit; hit = longestForm(rest, vocab.regionsByForm)) {
    const { form, index } = hit[0];
    regionWords.push(form);
    vocab.regionsByForm.get(form)!.forEach((d) => docs.add(d));
    const keep = /[市县区]$/.test(form) ? form.slice(-1) : '';
    rest = rest.slice(0, index) + ' ' + keep + rest.slice(index + form.length);
  }
  return { rest, docs, regionWords };
}

function readUnit(rest: string, vocab: Vocabulary, docs: Set<string>): { unit: UnitRef; rest: string; placeBefore?: string } | undefined {
  // The longest known form, preferring forms of the documents the region selects.
  const inScope = (f: { docs: Set<string> }) => docs.size === 0 || [...f.docs].some((d) => docs.has(d));
  let best: { form: string; key: string; level: UnitLevel; index: number; inScope: boolean } | undefined;
  for (const { form, index } of longestForm(rest, vocab.unitsByForm) ?? []) {
    const forms = vocab.unitsByForm.get(form)!;
    const f = forms.find(inScope) ?? forms[0];
    if (!best || (inScope(f) && !best.inScope)) best = { form, key: f.key, level: f.level, index, inScope: inScope(f) };
  }
  if (best) {
    let level = best.level;
    let start = best.index;
    if (!level && /[市县区]/.test(rest[start - 1] ?? '')) {
      level = rest[start - 1] as UnitLevel;
      start -= 1;
    }
    // 澄源县财政局: a place name glued before the unit's level, that no document's region matches.
    const place = level ? /(?:^|[\s,，。:：])([\u4e00-\u9fff]{2,4})$/.exec(rest.slice(0, start)) : null;
    const placeBefore = place && !NOT_PLACES.test(place[1]) ? `${place[1]}${level}` : undefined;
    return {
      unit: { text: rest.slice(start, best.index + best.form.length), level, key: best.key, partial: false, known: true },
      rest: rest.slice(0, start) + ' ' + rest.slice(best.index + best.form.length),
      placeBefore,
    };
  }
  // An organisation no document names: a unit all the same, never a topic.
  const m = ORG_SPAN.exec(rest);
  if (m && looksLikeOrganisation(m[1]) && !/[哪么要的是有按在为和与或每]/.test(m[1].replace(/监察和审计/, ''))) {
    const span = m[1];
    const level = (/^[市县区]/.test(span) ? span[0] : '') as UnitLevel;
    return {
      unit: { text: span, level, key: aliasKey(level ? span.slice(1) : span), partial: false, known: false },
      rest: rest.replace(span, ' '),
    };
  }
  return undefined;
}

/**
 * The longest forms of a dictionary found in a text (all occurrences of that length, leftmost
 * first), by looking up the text's substrings: the cost grows with the text, not the dictionary.
 */
function longestForm(text: string, dict: Map<string, unknown>): Array<{ form: string; index: number }> | undefined {
  let longest = longestKey.get(dict);
  if (longest === undefined) {
    longest = 0;
    for (const k of dict.keys()) longest = Math.max(longest, k.length);
    longestKey.set(dict, longest);
  }
  const max = Math.min(text.length, longest);
  for (let len = max; len >= 2; len--) {
    const hits: Array<{ form: string; index: number }> = [];
    for (let i = 0; i + len <= text.length; i++) {
      const s = text.slice(i, i + len);
      if (dict.has(s)) hits.push({ form: s, index: i });
    }
    if (hits.length) return hits;
  }
  return undefined;
}

const longestKey = new WeakMap<Map<string, unknown>, number>();

function partialUnit(word: string, vocab: Vocabulary, docs: Set<string>): UnitRef | undefined {
  if (word.length < 2) return undefined;
  const hit = vocab.unitForms.find((f) => f.form.includes(word) && (docs.size === 0 || [...f.docs].some((d) => docs.has(d))));
  return hit ? { text: word, level: '', partial: true, known: true } : undefined;
}

function readKind(text: string): (KindFilter & { match: string }) | undefined {
  for (const [re, kind, every, label] of KINDS) {
    const m = re.exec(text);
    if (m) return { kind, every, label, match: m[0] };
  }
  return undefined;
}

function readDetail(text: string): { seq: string; item?: string; match: string } | undefined {
  let m = /第\s*(\d{1,3}|[一二三四五六七八九十]{1,3})\s*(?:项|条|个|号)(?:\s*(?:的)?\s*第\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*(?:点|项|条|款|小项))?/.exec(text);
  if (m) return { seq: String(cnNumber(m[1])), item: m[2] ? String(cnNumber(m[2])) : undefined, match: m[0] };
  m = /([一二三四五六七八九十]{1,3})\s*[（(]\s*([一二三四五六七八九十]{1,3})\s*[)）]\s*(\d{1,2})?/.exec(text);
  if (m) return { seq: `${m[1]}/（${m[2]}）${m[3] ? `/${m[3]}` : ''}`, match: m[0] };
  m = /(?<![\d.])(\d{1,3})\s*[.．]\s*(\d{1,2})(?![\d.])/.exec(text);
  if (m) return { seq: m[1], item: m[2], match: m[0] };
  return undefined;
}

function cnNumber(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  const d = (c: string) => '零一二三四五六七八九'.indexOf(c);
  if (s === '十') return 10;
  if (s.startsWith('十')) return 10 + d(s[1]);
  if (s.endsWith('十')) return d(s[0]) * 10;
  if (s.includes('十')) return d(s[0]) * 10 + d(s[2]);
  return d(s);
}

const KINDS: Array<[RegExp, KindFilter['kind'], KindFilter['every'], string]> = [
  [/每(?:个)?季度|按季度|按季|季度性|每季|quarterly|every quarter/i, 'periodic', 'quarter', '每季度'],
  [/每半年|按半年|half[- ]yearly/i, 'periodic', 'halfyear', '每半年'],
  [/每(?:个)?月|按月|月度|monthly|every month/i, 'periodic', 'month', '每月'],
  [/每年|按年|年度性|yearly|annually|every year/i, 'periodic', 'year', '每年'],
  [/每周|按周|weekly/i, 'periodic', 'week', '每周'],
  [/周期性|定期/, 'periodic', undefined, '周期性'],
  [/全年(?:工作|性)?|长期|持续性|持续|常态化|经常性|year[- ]round|ongoing/i, 'ongoing', undefined, '全年/长期'],
  [/按(?:照)?上级(?:统一|相关)?(?:部门的?)?部署|上级部署|视情况|conditional/i, 'conditional', undefined, '按上级部署'],
];

const ROLE_LEAD = /牵头(?:单位|部门)?|主办(?:单位)?|\blead(?:s|ing)?\b|\bin charge\b/i;
const ROLE_RESPONSIBLE = /(?:配合|责任|落实|协办|参与)(?:单位|部门)|配合|协办|responsible|\bsupport(?:s|ing)?\b|\bassist(?:s|ing)?\b/i;
const COUNT_RE = /一共|共有|总共|几项|几个|几条|多少项?|多少个|多少条|数量|how many|\bcount\b|number of/gi;
const WHO_RE = /由谁(?:来)?(?:负责|牵头|承担)?|谁(?:来)?(?:负责|牵头|承担|做)|哪个单位|哪些单位|哪个部门|哪些部门|\bwho\b|which (?:unit|units|department|departments)/gi;
const TOPIC_FRAME = /要求|怎么|如何|什么时候|何时|由谁|谁负责|哪个单位|哪些单位|规定|内容是|具体/;
const ORG_SPAN = /((?:[市县区])?[\u4e00-\u9fff]{1,10}?(?:局|委员会|委|办公室|办|中心|海关|税务|厅|署|院|支行|分行))(?![\u4e00-\u9fff]{0,1}(?:局|委|办))/;

/** Words that may stand before a unit without being a place. */
const NOT_PLACES = /^(请问|请|查询|查查|查看|看看|问问|我们|你们|关于|请教|麻烦|帮我|告诉我|哪些|什么|现在|目前|今年|本年|全市|全县|全区|我)$/;

