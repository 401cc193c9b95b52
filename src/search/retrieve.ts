import type { DocumentMeta } from '../domain/document.js';
import type { Query, UnitRef } from '../domain/query.js';
import { abbreviates, analyzeUnit, canonicalUnit, functionOf, looseName, type UnitLevel, type UnitName } from '../domain/unit-name.js';
import { resolveDate } from '../query/time-words.js';
import type { Corpus, IndexedTask, UnitEntry } from './corpus.js';
import { statedPeriods } from '../domain/periods.js';
import { listGroup, nearestCover, topicPositions, type CoverGroup, type TopicRanker } from './topic.js';
import { variants } from '../domain/topic-words.js';

export type SectionKind = 'named' | 'undated' | 'past' | 'collective' | 'matched';

export interface ResultSection {
  kind: SectionKind;
  tasks: IndexedTask[];
}

export interface ResultGroup {
  doc: DocumentMeta;
  sections: ResultSection[];
  /** A plan of a region inside the one asked about (开平 for 江门), listed after the region's own. */
  inner?: boolean;
}

export interface Suggestions {
  /** Closest unit names, for a unit no document names. */
  units?: string[];
  /** Library regions closest to a mistyped place word. */
  regions?: string[];
  /** The plans the region has, for a year it has no plan of. */
  plans?: DocumentMeta[];
  /** A known unit's next deadlines, when nothing falls in the window asked. */
  next?: IndexedTask[];
}

export interface SearchResult {
  query: Query;
  groups: ResultGroup[];
  total: number;
  /** Why there is nothing, or what was not understood. */
  reason?: 'not-understood' | 'problem' | 'unknown-unit' | 'unknown-region' | 'unplaced' | 'no-match' | 'no-document' | 'no-year' | 'no-detail';
  suggestions?: Suggestions;
}

/**
 * Answers a query from the corpus with structured filters: a unit question returns all of the
 * unit's tasks (named ones, then those that reach it through a collective of departments), a
 * window keeps dated tasks inside it and lists the unit's undated tasks apart, a topic returns
 * every task about it, ordered by relevance but never cut. Results are grouped per document.
 */
export function retrieve(corpus: Corpus, query: Query, ranker?: TopicRanker): SearchResult {
  const empty = (reason: SearchResult['reason'], suggestions?: Suggestions): SearchResult => ({ query, groups: [], total: 0, reason, suggestions });
  if (query.problems.length) return empty('problem');
  if (query.regionSuggestions?.length) return empty('unknown-region', { regions: query.regionSuggestions });
  if (query.unknownRegion) return empty('no-document', query.insideOnly?.length ? { plans: query.insideOnly.flatMap((d) => corpus.docByName.get(d) ?? []) } : undefined);
  const understood =
    query.unit || query.body || query.topic.length || query.detail || query.kind || query.status || query.window || query.docs.length || query.innerDocs.length || query.year !== undefined;
  if (!understood) return empty('not-understood');
  // A word no task holds is said so: searching around it would answer a wider question.
  if (query.unplaced.length && !(query.unit && !query.unit.known)) {
    const placed = query.unit || query.body || query.detail || query.kind || query.window || query.docs.length || query.innerDocs.length;
    return empty(placed || query.unplaced.length < query.topic.length ? 'unplaced' : 'not-understood');
  }

  const scoped = scopeDocs(corpus, query);
  const inner = query.innerDocs.length ? scopeDocs(corpus, { ...query, docs: query.innerDocs }) : [];
  if (scoped.length === 0 && inner.length === 0) {
    if (query.year !== undefined) return empty('no-year', { plans: scopeDocs(corpus, { ...query, year: undefined }) });
    return empty('no-document');
  }
  const docs = [...scoped, ...inner];
  const isInner = new Set(inner.map((d) => d.doc));
  const group = (doc: DocumentMeta, sections: ResultSection[]): ResultGroup => (isInner.has(doc.doc) ? { doc, sections, inner: true } : { doc, sections });

  const groups: ResultGroup[] = [];
  if (query.detail) {
    const { seq, item, heading } = query.detail;
    for (const d of docs) {
      const hits = corpus.tasksOf(d.doc).filter((t) => numbered(t.task.seq, seq, heading) && (!item || t.task.item === item));
      if (hits.length) groups.push(group(d, [{ kind: 'matched', tasks: hits }]));
    }
    return finish(query, groups, groups.length ? undefined : 'no-detail');
  }

  if (query.unit) {
    const unit = query.unit;
    let anyNamed = false;
    // The plans that can name the unit at all (a partial word, 住建, may be in any name): the others are not read.
    // A class of governments (各镇, 乡镇政府) is matched by its printed forms, not its key.
    const mayName = unit.partial || !unit.key || !reachesDepartment(unit) ? undefined : corpus.plansNamingKey(unit.key);
    const names = perName((u, d) => namesUnit(u, unit, d));
    const reachedBy = perName((u, d) => reaches(u, unit, d));
    const viaCollectives = reachesDepartment(unit);
    for (const d of docs) {
      if (mayName && !mayName.has(d.doc)) continue;
      // Each distinct unit name of the plan is read against the unit once, with the tasks naming it.
      const entries = corpus.unitIndex(d.doc);
      const namedHere = names(d);
      // Each task's part, by its position: named (1) in the role asked, named in the other role (3:
      // a collective beside it does not make it the unit's in this role), else reached through a collective (2).
      const own = entries.filter(namedHere);
      // A plan that does not name the unit says nothing of it, whatever its collectives.
      if (!own.length) continue;
      const part = new Uint8Array(corpus.tasksOf(d.doc).length);
      // A plan with one unit column lists every unit as lead: 牵头 is the plain question there,
      // 配合/责任 finds nothing named (only collectives in that column, of which there are none).
      const role = corpus.singleColumn(d.doc) && query.role === 'lead' ? undefined : query.role;
      for (const e of own) mark(part, e, 1, role);
      if (role) for (const e of own) mark(part, e, 3, role === 'lead' ? 'responsible' : 'lead');
      anyNamed = true;
      if (viaCollectives) {
        const reachedHere = reachedBy(d);
        for (const e of entries) if (e.unit.collective && !namedHere(e) && reachedHere(e)) mark(part, e, 2, role);
      }
      const tasks = corpus.tasksOf(d.doc);
      let named: IndexedTask[] = [];
      let collective: IndexedTask[] = [];
      for (let i = 0; i < part.length; i++) {
        if (part[i] === 1) named.push(tasks[i]);
        else if (part[i] === 2) collective.push(tasks[i]);
      }
      // Topic words narrow the unit's tasks to those about them (all the words, else the nearest cover of many).
      if (query.topic.length) {
        const about = new Set(onTopic(corpus, [...named, ...collective], query.topic));
        named = named.filter((t) => about.has(t));
        collective = collective.filter((t) => about.has(t));
      }
      const sections = filterSections(query, d, named, collective);
      if (sections.length) groups.push({ doc: d, sections });
    }
    if (!anyNamed) {
      return empty('unknown-unit', { units: closestUnits(corpus, docs, unit) });
    }
    groups.sort((a, b) => corpus.position(a.doc.doc) - corpus.position(b.doc.doc));
    if (groups.length === 0) return empty('no-match', { next: nextDeadlines(corpus, docs, query) });
    return finish(query, groups);
  }

  // Topic, kind, window, document or body questions (a body's question is its whole plan). Topic
  // words: the tasks holding every one, with those holding nearly all of their weight.
  // Only the plans that may hold the words are read (the character index): every word for a plain
  // match, enough of them for the nearest cover. By position: a plan read again (the cache dropped
  // it meanwhile) gives new objects for the same tasks.
  const topic = query.topic.flatMap((w) => heldIn(corpus, docs, w) ?? [w]);
  const holders = topic.map((w) => corpus.plansHoldingAny(variants(w)));
  const holdsAll = (at: number) => holders.every((h) => h[at] === 1);
  const plan = (doc: string, at: number): CoverGroup => ({
    mayHold: holders.map((h) => h[at] === 1),
    tasks: () => corpus.tasksOf(doc),
    holding: (form) => corpus.tasksHolding(doc, form),
  });
  const at = docs.map((d) => corpus.position(d.doc));
  // Each plan's positions of the tasks found, ascending (by the plan's place in docs). Of three words
  // or more: the nearest cover over the plans that may hold any of them, which holds every task
  // holding all of them (its cover is the whole weight). Of one or two: the tasks holding all, the
  // rarest word searched for through a plan's texts, the others in the tasks holding it.
  const found = new Map<number, number[]>();
  if (topic.length > 2) {
    const some = docs.flatMap((_, i) => (holders.some((h) => h[at[i]] === 1) ? [i] : []));
    for (const h of nearestCover(some.map((i) => plan(docs[i].doc, at[i])), topic, corpus)) {
      const i = some[h.group];
      if (!found.has(i)) found.set(i, []);
      found.get(i)!.push(h.position);
    }
  } else if (topic.length) {
    const rarestFirst = [...topic].sort((a, b) => corpus.textsHolding(a) - corpus.textsHolding(b));
    for (const i of docs.keys()) if (holdsAll(at[i])) found.set(i, topicPositions(plan(docs[i].doc, at[i]), rarestFirst));
  }
  for (const [i, d] of docs.entries()) {
    let tasks = corpus.tasksOf(d.doc);
    if (topic.length) {
      const positions = found.get(i);
      if (!positions?.length) continue;
      tasks = positions.map((p) => tasks[p]);
    }
    const sections = filterSections(query, d, tasks, []);
    if (sections.length) groups.push(group(d, sections));
  }
  if (topic.length > 0 && topic.length <= 2 && groups.length === 0 && ranker) {
    // No task holds every topic word: fall back to the best text matches.
    const candidates = ranker.rank(topic, new Set(docs.map((d) => d.doc)));
    const ranked = nearestCover([listGroup(topic.map(() => true), () => candidates)], topic, corpus).map((h) => h.task);
    for (const d of docs) {
      const tasks = ranked.filter((t) => t.task.doc === d.doc);
      const sections = filterSections(query, d, tasks, []);
      if (sections.length) groups.push(group(d, sections));
    }
  }
  if (topic.length && ranker) {
    for (const g of groups) for (const s of g.sections) s.tasks = ranker.order(s.tasks, topic);
  }
  return finish(query, groups, groups.length ? undefined : 'no-match');
}

function finish(query: Query, groups: ResultGroup[], reason?: SearchResult['reason']): SearchResult {
  // Groups are distinct plans and a group's sections disjoint (filterSections; collectives exclude the named): a sum, not a set of ids.
  const total = groups.reduce((n, g) => n + g.sections.reduce((m, s) => m + s.tasks.length, 0), 0);
  return { query, groups, total, reason };
}

/**
 * Documents a query reaches: its region words, its year (none when the region has no plan of that
 * year; with none, every year's plan: 深圳 has a 2016 and a 2017 plan, and both answer), its unit's level.
 */
function scopeDocs(corpus: Corpus, query: Pick<Query, 'docs' | 'unit'> & { year?: number; regionWords?: string[] }): DocumentMeta[] {
  let docs = query.docs.length
    ? query.docs.flatMap((n) => corpus.docByName.get(n) ?? []).sort((a, b) => corpus.position(a.doc) - corpus.position(b.doc))
    : query.regionWords?.length
      ? [] // a region with plans only inside it (上海 → 长宁, 普陀): none of its own
      : [...corpus.docs];
  if (query.year !== undefined) docs = docs.filter((d) => d.year === query.year);
  const level = query.unit?.level;
  if (!query.docs.length && level && ['市', '县', '区'].includes(level)) {
    const sameLevel = docs.filter((d) => d.level === level);
    docs = sameLevel;
  }
  return docs;
}

function columns(t: IndexedTask, role: Query['role']): UnitName[] {
  if (role === 'lead') return t.lead;
  if (role === 'responsible') return t.responsible;
  return [...t.lead, ...t.responsible];
}

/** Marks the tasks a unit entry names in the role asked (either when none) with `as`, where no part is marked yet. */
function mark(part: Uint8Array, e: { lead: number[]; responsible: number[] }, as: number, role: Query['role']): void {
  if (role !== 'responsible') for (const i of e.lead) part[i] ||= as;
  if (role !== 'lead') for (const i of e.responsible) part[i] ||= as;
}

/**
 * A test of a unit name in a plan, remembered per name and plan level (all it reads of the plan):
 * a library's plans print the same names over and over, each read into one UnitName with one id
 * (UnitEntry.id), so a question over thousands of plans reads each name once and then looks it up
 * in an array. Given a plan, the test of its names.
 */
function perName(test: (u: UnitName, doc: DocumentMeta) => boolean): (doc: DocumentMeta) => (e: UnitEntry) => boolean {
  const byLevel = new Map<string, (e: UnitEntry) => boolean>();
  return (doc) => {
    let tested = byLevel.get(doc.level ?? '');
    if (!tested) {
      // By id: 0 not read yet, 1 passes, 2 does not. Ids grow as plans are read.
      let seen = new Uint8Array(1024);
      tested = (e) => {
        if (e.id >= seen.length) {
          const grown = new Uint8Array(Math.max(e.id + 1, seen.length * 2));
          grown.set(seen);
          seen = grown;
        }
        if (!seen[e.id]) seen[e.id] = test(e.unit, doc) ? 1 : 2;
        return seen[e.id] === 1;
      };
      byLevel.set(doc.level ?? '', tested);
    }
    return tested;
  };
}

/** True when a task's unit is the unit asked for, by name, alias, or (partial) function word. */
function namesUnit(u: UnitName, ref: UnitRef, doc: DocumentMeta): boolean {
  if (ref.partial) {
    // 区数据局等相关部门 names 区数据局, so holds 数据; another collective names no department.
    if (u.collective) return u.heads.some((h) => h.includes(ref.text));
    return (u.core.includes(ref.text) || u.keys.some((k) => k.includes(ref.text)) || abbreviates(ref.text, functionOf(u.core)?.func ?? ''));
  }
  // 区数据局等相关部门 names 区数据局.
  if (u.heads.length && ref.key && u.heads.includes(ref.key)) return !ref.level || !u.level || ref.level === u.level;
  if (u.collective) {
    // 区各街镇 (the district's level kept before it) is 各街镇; 各县区政府 is 各县(区)人民政府(管委会).
    const typed = looseName(canonicalUnit(ref.text).replace(/^[省市县区](?=各|乡|镇|街)/, ''));
    if (typed === looseName(u.canonical) || typed === looseName(u.core)) return true;
    // 各镇, 乡镇政府: the governments named as a class, with or without 各 and 人民政府 (各镇人民政府, 各乡镇政府).
    if (u.collective === 'departments') return departmentsOf(typed) === departmentsOf(looseName(u.canonical));
    return u.collective === 'governments' && governmentsOf(typed) !== '' && governmentsOf(typed) === governmentsOf(looseName(u.canonical));
  }
  // 审计局 also names 监察和审计局: a bureau merged into another keeps its name at the end.
  if (!ref.key || !u.keys.some((k) => k === ref.key || (k.length > ref.key!.length && k.endsWith(`和${ref.key}`)))) return false;
  if (u.scope.length) return !ref.level || u.scope.includes(ref.level);
  const level = u.level || (doc.level as UnitLevel);
  return !ref.level || level === ref.level || (ref.level === '县' && level === '区') || (ref.level === '区' && level === '县');
}

/** A level's departments as a class: 市直各单位, 市直其他单位, 市有关单位, 市各有关部门 → 市直单位. */
function departmentsOf(loose: string): string {
  const m = /^([省市县区])(直属?)?(各)?(其他|其它|有关|相关)?(?:单位|部门)$/.exec(loose);
  return m && (m[2] || m[3] || m[4]) ? `${m[1]}直单位` : loose;
}

/** A class of governments without 各 and 政府: 各镇人民政府, 各镇 → 镇; 乡镇政府, 各乡镇 → 乡镇. */
function governmentsOf(loose: string): string {
  return loose.replace(/^各/, '').replace(/政府$/, '');
}

function reachesDepartment(ref: UnitRef): boolean {
  return !/(政府|管委会?|镇|乡|街道|办事处|社区|村)$/.test(ref.text) && !/^各/.test(ref.text);
}

/** True when a collective of departments covers the unit: 各部门, 县直有关单位, or a function list holding its function. */
function reaches(u: UnitName, ref: UnitRef, doc: DocumentMeta): boolean {
  // 各处室, 各科室, 各股室: a body's internal units of those kinds (a 处, 科, 股 or 室 such as 办公室), which its plan names — not its 中心 or an outside body's 部.
  if (u.collective === 'internal') {
    const kinds = /各(?:有关|相关|业务)?(处室|科室|股室|处|科|股|室)/.exec(u.canonical)?.[1] ?? '处科股室';
    const kind = /(处|科|股|室)$/.exec(ref.text)?.[1];
    return kind !== undefined && kinds.includes(kind);
  }
  if (u.collective !== 'departments') return false;
  // 局属各单位, 厅属单位: the bodies under a bureau, not its own 科, 股, 处 or 室.
  if (/^[局厅委办]属/.test(u.canonical) && /(处|科|股|室)$/.test(ref.text)) return false;
  const level = ref.level || (doc.level as UnitLevel);
  if (u.scope.length && level && !u.scope.includes(level)) return false;
  if (u.functions.length === 0) return true;
  if (ref.partial) return u.functions.some((f) => f.includes(ref.text));
  return u.functionKeys.includes(ref.key!) || (ref.key!.length >= 2 && u.functions.some((f) => f.includes(ref.key!) || ref.key!.includes(f)));
}

/**
 * Applies the window and kind filters. With a window, named dated tasks inside it come first by
 * date, the unit's undated tasks follow in their own section; collectives obey the same rules.
 */
function filterSections(query: Query, doc: DocumentMeta, named: IndexedTask[], collective: IndexedTask[]): ResultSection[] {
  const sections: ResultSection[] = [];
  const kindOk = (t: IndexedTask) => !query.kind || hasKind(t, query.kind);
  if (query.window) {
    const from = query.window.from ? resolveDate(query.window.from, doc.year) : null;
    const to = resolveDate(query.window.to, doc.year);
    const inside = (t: IndexedTask) => {
      const d = t.task.deadline;
      if (d.kind !== 'by' || !to) return false;
      return d.date <= to && (!from || d.date >= from);
    };
    const dated = named.filter((t) => inside(t) && kindOk(t)).sort((a, b) => byDate(a, b));
    const undated = named.filter((t) => t.task.deadline.kind !== 'by' && kindOk(t));
    const coll = collective.filter((t) => (inside(t) || t.task.deadline.kind !== 'by') && kindOk(t));
    if (dated.length) sections.push({ kind: 'named', tasks: dated });
    if (undated.length && (dated.length || query.unit)) sections.push({ kind: 'undated', tasks: undated });
    if (coll.length) sections.push({ kind: 'collective', tasks: coll });
    return sections;
  }
  const n = query.kind ? named.filter(kindOk) : named;
  const c = query.kind ? collective.filter(kindOk) : collective;
  if (n.length) sections.push({ kind: query.unit ? 'named' : 'matched', tasks: n });
  if (c.length) sections.push({ kind: 'collective', tasks: c });
  return sections;
}

/** The tasks of a list holding every topic word (or a synonym); where none does and the words are many, the nearest cover. */
function onTopic(corpus: Corpus, tasks: IndexedTask[], words: string[]): IndexedTask[] {
  const all = tasks.filter((t) => words.every((w) => variants(w).some((v) => t.text.includes(v))));
  if (all.length || words.length <= 2) return all;
  return nearestCover([listGroup(words.map(() => true), () => tasks)], words, corpus).map((h) => h.task);
}

/**
 * A topic word as the plans searched hold it: undefined when some task of theirs holds it (or a
 * synonym); else the longest pieces, left to right, that their tasks hold, when it is made of such
 * pieces only — 微博微信 (a word of other plans) for a plan printing 微博、微信. A word held nowhere in
 * its pieces is kept, and found in no task.
 */
function heldIn(corpus: Corpus, docs: DocumentMeta[], word: string): string[] | undefined {
  const holds = (w: string) => {
    const forms = variants(w);
    const may = corpus.plansHoldingAny(forms);
    return docs.some((d) => may[corpus.position(d.doc)] === 1 && forms.some((f) => corpus.tasksHolding(d.doc, f).length > 0));
  };
  if (word.length < 4 || holds(word)) return undefined;
  const pieces: string[] = [];
  for (let at = 0; at < word.length; ) {
    let len = word.length - at;
    while (len >= 2 && !(len < word.length && holds(word.slice(at, at + len)))) len--;
    if (len < 2) return undefined;
    pieces.push(word.slice(at, at + len));
    at += len;
  }
  return pieces;
}

/**
 * True when a task's deadline is of the kind asked (每季度: periodic, every quarter), or, for a
 * schedule, when its deadline is no schedule and its text states that one (每季度公开… beside a
 * 时限 of 全年工作): the column governs the deadline, the text still says what is done when.
 */
function hasKind(t: IndexedTask, kind: NonNullable<Query['kind']>): boolean {
  const d = t.task.deadline;
  if (d.kind === kind.kind && (!kind.every || (d.kind === 'periodic' && d.every === kind.every))) return true;
  if (kind.kind !== 'periodic' || d.kind === 'periodic') return false;
  const stated = statedPeriods(t.text);
  return kind.every ? stated.has(kind.every) : stated.size > 0;
}

/**
 * True when a printed 序号 is the one asked for: the number itself, or where numbering restarts
 * under each heading the path ((二)/1) — inside the heading named, else under any heading.
 */
function numbered(printed: string, seq: string, heading?: string): boolean {
  if (printed === seq && !heading) return true;
  const brackets = (s: string) => s.replace(/[（(]/g, '(').replace(/[）)]/g, ')');
  const path = brackets(printed).split('/');
  // A path asked (一（三）): the printed path ends with it, whichever brackets either prints.
  const asked = brackets(seq).split('/');
  if (asked.length > 1) return !heading && path.slice(-asked.length).join('/') === asked.join('/');
  if (path.length < 2 || path[path.length - 1] !== seq) return false;
  if (!heading) return true;
  const bare = (h: string) => h.replace(/[()]/g, '');
  return path.slice(0, -1).some((h) => bare(h) === bare(heading));
}

function byDate(a: IndexedTask, b: IndexedTask): number {
  const da = a.task.deadline.kind === 'by' ? a.task.deadline.date : '9999';
  const db = b.task.deadline.kind === 'by' ? b.task.deadline.date : '9999';
  return da.localeCompare(db);
}

function nextDeadlines(corpus: Corpus, docs: DocumentMeta[], query: Query): IndexedTask[] {
  const out: IndexedTask[] = [];
  for (const d of docs) {
    const to = query.window ? resolveDate(query.window.to, d.year) : null;
    for (const t of corpus.tasksOf(d.doc)) {
      if (t.task.deadline.kind !== 'by' || (to && t.task.deadline.date <= to)) continue;
      if (columns(t, query.role).some((u) => namesUnit(u, query.unit!, d))) out.push(t);
    }
  }
  return out.sort(byDate).slice(0, 3);
}

function closestUnits(corpus: Corpus, docs: DocumentMeta[], ref: UnitRef): string[] {
  const names = new Map<string, string>();
  for (const d of docs) {
    for (const t of corpus.tasksOf(d.doc)) {
      for (const u of [...t.lead, ...t.responsible]) if (!u.collective && !names.has(u.canonical)) names.set(u.canonical, u.keys[0] ?? u.core);
    }
  }
  // A character of the name asked weighs by its rarity among the library's unit names: 县税务局 is
  // closer to 县国税局 (税, rare) than to 县科工商务局 (务, in 商务, 政务, 服务 …).
  const key = analyzeUnit(ref.text).keys[0] ?? ref.text;
  // Its function, not its kind of office (人事 of 人事处: every 处 shares 处).
  const bare = key.replace(/(?:局|处|科|室|委|办|厅|中心)$/, '');
  const target = bare.length >= 2 ? bare : key;
  const chars = [...new Set(target)];
  const keys = corpus.unitForms.map((f) => f.key);
  const held = new Map(chars.map((c) => [c, keys.filter((k) => k.includes(c)).length]));
  const weight = (c: string) => Math.log(1 + keys.length / (1 + held.get(c)!));
  const total = chars.reduce((n, c) => n + weight(c), 0);
  const canonical = canonicalUnit(ref.text);
  return [...names]
    .map(([name, key]) => ({ name, score: chars.reduce((n, c) => n + (key.includes(c) ? weight(c) : 0), 0) / total, dice: dice(canonical, name) }))
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score || b.dice - a.dice)
    .slice(0, 5)
    .map((x) => x.name);
}

/** Dice coefficient over character bigrams. */
function dice(a: string, b: string): number {
  const grams = (s: string) => {
    const out = new Map<string, number>();
    for (let i = 0; i < s.length - 1; i++) out.set(s.slice(i, i + 2), (out.get(s.slice(i, i + 2)) ?? 0) + 1);
    return out;
  };
  const ga = grams(a);
  const gb = grams(b);
  let common = 0;
  for (const [g, n] of ga) common += Math.min(n, gb.get(g) ?? 0);
  const total = Math.max(1, a.length - 1 + b.length - 1);
  return (2 * common) / total;
}
