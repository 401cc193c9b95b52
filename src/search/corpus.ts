import { type DocumentMeta, issuedByBody } from '../domain/document.js';
import type { Task } from '../domain/task.js';
import { placeOf, type Place } from '../domain/gazetteer.js';
import { aliasForms, analyzeUnit, functionOf, looseName, type UnitLevel, type UnitName } from '../domain/unit-name.js';
import { variants } from '../domain/topic-words.js';
import { textGroups } from './text-groups.js';
import { taskIds } from '../domain/task-id.js';
import { memorySource, type PlanInfo, type PlanSource, topicText } from './plan-source.js';
import type { BodyForm, UnitForm } from '../query/vocabulary.js';

export type { BodyForm, UnitForm };

/** A task with what matching needs precomputed: its id, its units read as names, its text. */
export interface IndexedTask {
  /** doc#seq#item, with ~2, ~3 … for repeats: stable across re-parsing the same file. */
  id: string;
  task: Task;
  doc: DocumentMeta;
  lead: UnitName[];
  responsible: UnitName[];
  /** Category and requirement, NFKC-normalized and lower-cased, for topic matching. */
  readonly text: string;
}

/** An IndexedTask whose normalized text is computed on first use (most tasks are never searched by text). */
class Entry implements IndexedTask {
  private normalized?: string;
  constructor(
    readonly id: string,
    readonly task: Task,
    readonly doc: DocumentMeta,
    readonly lead: UnitName[],
    readonly responsible: UnitName[],
  ) {}

  get text(): string {
    return (this.normalized ??= topicText(this.task));
  }
}

/** A distinct unit name of a plan, its number in the corpus (the same name in every plan), and the positions of the tasks naming it as lead and as responsible. */
export interface UnitEntry {
  unit: UnitName;
  id: number;
  lead: number[];
  responsible: number[];
}

/** A plan read into memory: its tasks, and what questions computed of them (dropped with it). */
interface LoadedPlan {
  tasks: IndexedTask[];
  bytes: number;
  texts?: Map<string, IndexedTask[]>;
  units?: UnitEntry[];
  oneColumn?: boolean;
  /** Its tasks' texts end to end (NUL between), with where each starts: a word is searched in a plan at once. */
  joined?: { text: string; starts: number[] };
  /** The positions of the tasks holding a form, per form searched (questions repeat their words). */
  found?: Map<string, number[]>;
  /** When it was last used (Corpus.clock): the least recently used are dropped first. */
  used: number;
}

export interface CorpusOptions {
  /** About how much memory the plans read may hold (the least recently used are dropped first); unbounded when absent. */
  cacheBytes?: number;
}

/**
 * The corpus questions are answered from: documents, tasks and a catalog of unit names. The
 * documents and their vocabulary (regions, units, bodies, which plans hold which words) come from
 * the plans' infos; a plan's tasks are read when a question first needs them and kept in a bounded
 * cache. Read-only: a changed library is a new corpus.
 */
export class Corpus {
  readonly docs: DocumentMeta[];
  readonly docByName = new Map<string, DocumentMeta>();
  private readonly keyOf = new Map<string, string>();
  private readonly positionOfKey = new Map<string, number>();
  private readonly positions = new Map<string, number>();
  private gramAt?: Int32Array;
  /** Every unit name and alias form, longest first. */
  readonly unitForms: UnitForm[];
  /** Region aliases (蕉岭县, 蕉岭 …) → documents, longest first. */
  readonly regionForms: Array<{ form: string; docs: string[] }>;
  readonly regionsByForm: Map<string, string[]>;
  readonly unitsByForm = new Map<string, UnitForm[]>();
  /** Unit forms without level by the first character of their function and their kind (住|局), for short forms. */
  readonly unitsByHead = new Map<string, UnitForm[]>();
  /** The plans that are one body's own, by the first character of the body's function and its kind. */
  readonly bodiesByHead = new Map<string, BodyForm[]>();
  /** Documents that are one body's own plan. */
  readonly bodyDocs = new Set<string>();
  /** The number of distinct task texts, counted per plan (the library's size for word rarity). */
  readonly textCount: number;
  /** Plans whose tasks could not be read (their shard gone or damaged since start-up), with why. */
  readonly unreadable = new Map<string, string>();
  /** Each region's division in the gazetteer (undefined when it is none the gazetteer knows), read when a question first asks: plans share regions. */
  private readonly places = new Map<string, Place | undefined>();
  private inside?: Map<Place, string[]>;
  private readonly holding = new Map<string, boolean>();
  private readonly naming = new Map<string, Set<string> | undefined>();
  private byKey?: Map<string, UnitForm[]>;
  private readonly loaded = new Map<string, LoadedPlan>();
  /** Each unit name read (UnitReader: one object per name and level) with its number, for tests remembered in arrays. */
  private readonly unitIds = new Map<UnitName, number>();
  /** Counts plan uses (LoadedPlan.used). */
  private clock = 0;
  private loadedBytes = 0;
  private readonly units: UnitReader;

  constructor(
    private readonly source: PlanSource,
    private readonly opts: CorpusOptions = {},
  ) {
    this.docs = source.plans.map((p) => p.meta);
    this.units = new UnitReader(this.docs);
    source.plans.forEach((p, i) => {
      this.docByName.set(p.meta.doc, p.meta);
      this.positions.set(p.meta.doc, i);
      this.keyOf.set(p.meta.doc, p.key);
      this.positionOfKey.set(p.key, i);
    });
    this.textCount = source.plans.reduce((n, p) => n + p.texts, 0);
    this.unitForms = buildUnitForms(this.units.groups(source.plans));
    const regions = new Map<string, string[]>();
    for (const d of this.docs) for (const a of d.regionAliases) push(regions, a, d.doc);
    this.regionForms = [...regions].map(([form, ds]) => ({ form, docs: ds })).sort((a, b) => b.form.length - a.form.length);
    this.regionsByForm = regions;
    for (const f of this.unitForms) {
      push(this.unitsByForm, f.form, f);
      const parts = f.level ? undefined : functionOf(f.form);
      if (parts?.func) push(this.unitsByHead, parts.func[0] + parts.kind, f);
    }
    for (const d of this.docs) {
      const body = bodyOf(d);
      if (body) {
        push(this.bodiesByHead, body.func[0] + body.kind, body);
        this.bodyDocs.add(d.doc);
      }
    }
  }

  /** A corpus over records in memory (a folder parsed in this process, a test's plans). */
  static from(docs: DocumentMeta[], tasks: Task[]): Corpus {
    return new Corpus(memorySource(docs, tasks));
  }

  /** Every task of every plan, in corpus order: reads every plan (an export, a CLI listing — never a question). */
  get tasks(): IndexedTask[] {
    return this.docs.flatMap((d) => this.tasksOf(d.doc));
  }

  /** How many plans' tasks are in memory now (read for questions, not yet dropped). */
  get resident(): number {
    return this.loaded.size;
  }

  /** How many tasks the library holds, as the plans' infos say (no plan read). */
  get taskCount(): number {
    return this.docs.reduce((n, d) => n + d.taskCount, 0);
  }

  /** The document's division (蕉岭县 of 梅州市 of 广东省), when the gazetteer knows its region. */
  placeOf(doc: string): Place | undefined {
    const region = this.docByName.get(doc)?.region;
    if (region === undefined) return undefined;
    if (!this.places.has(region)) this.places.set(region, placeOf(region)[0]);
    return this.places.get(region);
  }

  /**
   * True when some task's category or requirement holds the word (or a synonym of it): the plans
   * holding its characters are read until one holds it; past the first few dozen such plans, a word
   * all of whose characters and pairs the library holds is taken as held (its answer then says which
   * tasks, if none, hold it). Remembered per word.
   */
  inText(word: string): boolean {
    let held = this.holding.get(word);
    if (held === undefined) {
      held = variants(word).some((form) => {
        const plans = this.plansHolding(form);
        return plans.slice(0, VERIFY).some((doc) => this.tasksOf(doc).some((t) => t.text.includes(form))) || plans.length > VERIFY;
      });
      if (this.holding.size > 10_000) this.holding.clear();
      this.holding.set(word, held);
    }
    return held;
  }

  /** The plans that may hold a word (all its characters and pairs), in the character index's order. */
  plansHolding(word: string): string[] {
    const at = this.gramPositions();
    return this.source.grams.candidates(word).flatMap((i) => (at[i] >= 0 ? [this.docs[at[i]].doc] : []));
  }

  /**
   * The plans that may hold any of the forms (all of one's characters and pairs), as a mask over
   * the documents' positions (`position(doc)`): a word of a library-wide question is held by
   * thousands of plans, tested per plan.
   */
  plansHoldingAny(forms: readonly string[]): Uint8Array {
    const at = this.gramPositions();
    const mask = new Uint8Array(this.docs.length);
    for (const form of forms) for (const i of this.source.grams.candidates(form)) if (at[i] >= 0) mask[at[i]] = 1;
    return mask;
  }

  /** Each of the character index's plans at its document's position (-1: none of this corpus), made on first use. */
  private gramPositions(): Int32Array {
    return (this.gramAt ??= Int32Array.from(this.source.grams.plans, (key) => this.positionOfKey.get(key ?? '') ?? -1));
  }

  /** About how many distinct texts (per plan) hold the word or a synonym, from the character index (no plan read). */
  textsHolding(word: string): number {
    return variants(word).reduce((n, form) => n + this.source.grams.textsHolding(form), 0);
  }

  /**
   * The plans printing a unit name of this alias key (or of a merged body whose key ends 和+key:
   * 监察和审计局 for 审计), from the unit forms; undefined when no form has the key (a word the
   * forms do not list, which any plan may then name). Remembered per key.
   */
  plansNamingKey(key: string): ReadonlySet<string> | undefined {
    if (this.naming.has(key)) return this.naming.get(key);
    let out: Set<string> | undefined;
    for (const f of this.formsOfKey().get(key) ?? []) {
      out ??= new Set();
      for (const d of f.docs) out.add(d);
    }
    if (this.naming.size > 1_000) this.naming.clear();
    this.naming.set(key, out);
    return out;
  }

  /** The unit forms by key, each also under what follows each 和 of its key (监察和审计局 under 审计局): built on first use. */
  private formsOfKey(): Map<string, UnitForm[]> {
    if (!this.byKey) {
      this.byKey = new Map();
      const add = (key: string, f: UnitForm) => {
        const forms = this.byKey!.get(key);
        if (forms) forms.push(f);
        else this.byKey!.set(key, [f]);
      };
      for (const f of this.unitForms) {
        add(f.key, f);
        for (let i = f.key.indexOf('和'); i >= 0; i = f.key.indexOf('和', i + 1)) add(f.key.slice(i + 1), f);
      }
    }
    return this.byKey;
  }

  /** Documents of regions inside a division (开平 inside 江门, 长宁 inside 上海), not the division's own. */
  docsInside(place: Place): string[] {
    if (!this.inside) {
      // Each document under every division above its own, in corpus order.
      this.inside = new Map();
      for (const d of this.docs) {
        for (let p = this.placeOf(d.doc)?.parent; p; p = p.parent) push(this.inside, p, d.doc);
      }
    }
    return this.inside.get(place) ?? [];
  }

  /** A plan's tasks by distinct indexed text, keyed as its lunr refs (textGroups). Computed on first use (only topic fallbacks need it). */
  textsOf(doc: string): Map<string, IndexedTask[]> {
    const plan = this.plan(doc);
    if (!plan) return new Map();
    if (!plan.texts) {
      const { tasks } = plan;
      plan.texts = new Map([...textGroups(tasks.map((t) => t.task))].map(([key, at]) => [key, at.map((i) => tasks[i])]));
    }
    return plan.texts;
  }

  /** A document's place in the corpus (answers list documents in this order). */
  position(doc: string): number {
    return this.positions.get(doc) ?? Infinity;
  }

  /**
   * A plan's distinct unit names, each with the positions (in `tasksOf(doc)`) of the tasks naming it
   * as lead and as responsible: a unit question reads each name once, not each task. Built on first use.
   */
  unitIndex(doc: string): UnitEntry[] {
    const plan = this.plan(doc);
    if (!plan) return [];
    if (!plan.units) {
      const by = new Map<UnitName, UnitEntry>();
      const entry = (u: UnitName) => {
        let e = by.get(u);
        if (!e) {
          let id = this.unitIds.get(u);
          if (id === undefined) this.unitIds.set(u, (id = this.unitIds.size));
          by.set(u, (e = { unit: u, id, lead: [], responsible: [] }));
        }
        return e;
      };
      plan.tasks.forEach((t, i) => {
        for (const u of new Set(t.lead)) entry(u).lead.push(i);
        for (const u of new Set(t.responsible)) entry(u).responsible.push(i);
      });
      plan.units = [...by.values()];
    }
    return plan.units;
  }

  /** True when a plan prints one unit column only (no task has a responsible unit): every unit is lead there. */
  singleColumn(doc: string): boolean {
    const plan = this.plan(doc);
    if (!plan) return true;
    return (plan.oneColumn ??= plan.tasks.every((t) => t.responsible.length === 0));
  }

  tasksOf(doc: string): IndexedTask[] {
    return this.plan(doc)?.tasks ?? [];
  }

  /** Positions (in `tasksOf(doc)`) of the tasks whose text holds a form, ascending: one search through the plan's texts. */
  tasksHolding(doc: string, form: string): number[] {
    const plan = this.plan(doc);
    if (!plan || !form || form.includes(JOINER)) return [];
    if (!plan.joined) {
      const starts: number[] = [];
      let at = 0;
      for (const t of plan.tasks) {
        starts.push(at);
        at += t.text.length + JOINER.length;
      }
      plan.joined = { text: plan.tasks.map((t) => t.text).join(JOINER), starts };
      plan.bytes += 2 * at;
      this.loadedBytes += 2 * at;
    }
    plan.found ??= new Map();
    let out = plan.found.get(form);
    if (out) return out;
    out = [];
    const { text, starts } = plan.joined;
    for (let hit = text.indexOf(form); hit >= 0; ) {
      const i = lastAtOrBefore(starts, hit);
      out.push(i);
      if (i + 1 >= starts.length) break;
      hit = text.indexOf(form, starts[i + 1]);
    }
    if (plan.found.size >= FORMS_KEPT) plan.found.clear();
    plan.found.set(form, out);
    return out;
  }

  /** A task by its id (doc#seq#item); undefined when no plan holds it. */
  taskById(id: string): IndexedTask | undefined {
    // The document is a prefix of the id before one of its # (a name may hold a # itself).
    for (let at = id.lastIndexOf('#'); at > 0; at = id.lastIndexOf('#', at - 1)) {
      const doc = id.slice(0, at);
      if (!this.docByName.has(doc)) continue;
      const found = this.tasksOf(doc).find((t) => t.id === id);
      if (found) return found;
    }
    return undefined;
  }

  /** A plan's tasks as read (and kept, the least recently used dropped first), or undefined for a document the corpus does not hold. */
  private plan(doc: string): LoadedPlan | undefined {
    const kept = this.loaded.get(doc);
    if (kept) {
      kept.used = ++this.clock;
      return kept;
    }
    const meta = this.docByName.get(doc);
    if (!meta) return undefined;
    const read = this.source.load(this.keyOf.get(doc)!);
    let tasks: IndexedTask[] = [];
    if ('error' in read) this.unreadable.set(doc, read.error);
    else tasks = this.index(meta, read);
    const plan: LoadedPlan = { tasks, bytes: planBytes(read), used: ++this.clock };
    this.loaded.set(doc, plan);
    this.loadedBytes += plan.bytes;
    if (this.loadedBytes > (this.opts.cacheBytes ?? Infinity)) this.evict(doc);
    return plan;
  }

  /**
   * Past the budget: the least recently used plans dropped (never `keep`, the one just read), down
   * to 7/8 of it — one sort for many plans read, not one per plan. A use only stamps the plan, so
   * a question touching thousands of plans does not reorder the cache thousands of times.
   */
  private evict(keep: string): void {
    const room = (this.opts.cacheBytes ?? Infinity) * (7 / 8);
    for (const [d, p] of [...this.loaded].sort((a, b) => a[1].used - b[1].used)) {
      if (this.loadedBytes <= room) break;
      if (d === keep) continue;
      this.loaded.delete(d);
      this.loadedBytes -= p.bytes;
    }
  }

  /** A plan's tasks with their ids and units read. */
  private index(doc: DocumentMeta, tasks: Task[]): IndexedTask[] {
    const read = this.units.of(doc.doc);
    const ids = taskIds(doc.doc, tasks);
    return tasks.map((t, i) => new Entry(ids[i], t, doc, t.lead.map(read), t.responsible.map(read)));
  }
}

/** Forms whose tasks a plan remembers (the memory of a few questions' words). */
const FORMS_KEPT = 32;

/** Between a plan's texts joined (no topic word holds it). */
const JOINER = '\u0000';

/** The index of the last of the ascending `starts` at or before `at`. */
function lastAtOrBefore(starts: number[], at: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Plans a word's presence is checked in before it is taken as held. */
const VERIFY = 32;

/** About what a plan's tasks hold in memory. */
function planBytes(read: Task[] | { error: string }): number {
  if ('error' in read) return 64;
  return read.reduce((n, t) => n + 400 + 2 * (t.task.length + t.requirement.length + t.deadline_raw.length) + 40 * (t.lead.length + t.responsible.length), 0);
}

/**
 * Unit names as printed, read once per (name, level): the plans of a library repeat them. In a body's
 * own plan, 局财务科 and 厦门市财政局预算处 are its 财务科 and 预算处.
 */
class UnitReader {
  /** By level, the names read (a body's internal unit under its name without the body). */
  private readonly names = new Map<UnitLevel, Map<string, UnitName>>();
  private readonly levels: Map<string, UnitLevel>;
  private readonly prefixes: Map<string, string[]>;

  constructor(docs: DocumentMeta[]) {
    this.levels = new Map(docs.map((d) => [d.doc, (d.level === '省' ? '省' : d.level) as UnitLevel]));
    this.prefixes = new Map(docs.map((d) => [d.doc, bodyPrefixes(d)]));
  }

  /** The reader of one plan's names: its level and its body's prefixes are looked up once, not per name. */
  of(doc: string): (u: string) => UnitName {
    const level = this.levels.get(doc) ?? '';
    const prefixes = this.prefixes.get(doc) ?? [];
    const known = this.names.get(level) ?? this.names.set(level, new Map()).get(level)!;
    return (u) => {
      const own = prefixes.find((p) => u.startsWith(p) && INTERNAL_UNIT.test(u.slice(p.length)));
      const name = own ? u.slice(own.length) : u;
      let a = known.get(name);
      if (!a) known.set(name, (a = own ? { ...analyzeUnit(name, level), raw: u } : analyzeUnit(u, level)));
      return a;
    };
  }

  /**
   * The plans' units read, in groups of plans naming the same units: plans printing one list (one
   * array: the manifest shares a list among its plans) at one level are read once, a body's own plan
   * (its internal units) alone.
   */
  groups(plans: readonly PlanInfo[]): UnitGroup[] {
    const out: UnitGroup[] = [];
    const shared = new Map<readonly string[], Map<UnitLevel, UnitGroup>>();
    for (const p of plans) {
      const doc = p.meta.doc;
      if (this.prefixes.get(doc)?.length) {
        out.push({ docs: [doc], units: p.units.map(this.of(doc)) });
        continue;
      }
      const level = this.levels.get(doc) ?? '';
      let atLevel = shared.get(p.units);
      if (!atLevel) shared.set(p.units, (atLevel = new Map()));
      let group = atLevel.get(level);
      if (!group) {
        atLevel.set(level, (group = { docs: [], units: p.units.map(this.of(doc)) }));
        out.push(group);
      }
      group.docs.push(doc);
    }
    return out;
  }
}

/** Plans naming the same units (read as names). */
interface UnitGroup {
  docs: string[];
  units: UnitName[];
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const same = map.get(key);
  if (same) same.push(value);
  else map.set(key, [value]);
}

/** The body a plan belongs to, when its issuer is a body rather than a government (人民政府, its 办公室/办公厅). */
function bodyOf(d: DocumentMeta): BodyForm | undefined {
  if (!issuedByBody(d)) return undefined;
  const prefix = [d.region, ...d.regionAliases].filter((r) => d.issuer.startsWith(r)).sort((a, b) => b.length - a.length)[0] ?? '';
  const name = d.issuer.slice(prefix.length).replace(/^[省市县区]/, '');
  const parts = functionOf(name);
  if (!parts?.func) return undefined;
  return { doc: d.doc, issuer: d.issuer, name, level: (d.level === '省' ? '省' : d.level) as UnitLevel, func: parts.func, kind: parts.kind };
}

/** How a body's own plan may print the body before one of its internal units: 厦门市财政局, 财政局, 局. */
function bodyPrefixes(d: DocumentMeta): string[] {
  const body = bodyOf(d);
  if (!body) return [];
  const kind = /(中心|[局厅委])$/.exec(d.issuer)?.[1];
  return [...new Set([d.issuer, body.name, kind ?? ''])].filter((p) => p.length > 0).sort((a, b) => b.length - a.length);
}

/** A body's internal unit after its prefix: 财务科, 预算处, 办公室, 信息中心. */
const INTERNAL_UNIT = /^[\u4e00-\u9fff]{2,10}(?:处|科|室|中心|股)$/;

/**
 * A form of one or more unit names: its plans (those naming any of its names) are gathered when a
 * question first asks which plans name it — a library names thousands of units in thousands of
 * plans, a question reads a few forms.
 */
class NameForm implements UnitForm {
  readonly names = new Set<UnitName>();
  private plans?: Set<string>;
  constructor(
    readonly form: string,
    readonly key: string,
    readonly level: UnitLevel,
    private readonly plansOf: ReadonlyMap<UnitName, string[][]>,
  ) {}

  get docs(): Set<string> {
    if (!this.plans) {
      this.plans = new Set();
      for (const u of this.names) for (const docs of this.plansOf.get(u) ?? []) for (const d of docs) this.plans.add(d);
    }
    return this.plans;
  }
}

/** Every form of the plans' unit names, with the plans naming each. */
function buildUnitForms(groups: UnitGroup[]): UnitForm[] {
  // Names are shared objects (UnitReader) repeated across plans: the plans of each name (the groups naming it), then its forms once.
  const plansOf = new Map<UnitName, string[][]>();
  for (const g of groups) {
    for (const u of g.units) {
      const lists = plansOf.get(u);
      if (!lists) plansOf.set(u, [g.docs]);
      else if (lists[lists.length - 1] !== g.docs) lists.push(g.docs);
    }
  }
  const forms = new Map<string, NameForm>();
  for (const u of plansOf.keys()) {
    const add = (form: string, key: string, level: UnitLevel) => {
      if (form.length < 2) return;
      const id = `${form}|${key}|${level}`;
      let f = forms.get(id);
      if (!f) forms.set(id, (f = new NameForm(form, key, level, plansOf)));
      f.names.add(u);
    };
    if (u.collective) {
      add(u.canonical, u.canonical, u.level);
      // 各县(区)人民政府(管委会) as typed: 各县区政府.
      add(looseName(u.canonical), u.canonical, u.level);
      // 机关党委办公室和各处室单位, 区数据局等相关部门: the unit named before the collective.
      for (const head of u.heads) {
        add(u.core, head, '');
        if (u.level) add(u.level + u.core, head, u.level);
      }
    } else {
      for (const key of u.keys) {
        for (const c of new Set([u.core, ...aliasFormsCached(key)])) {
          add(c, key, '');
          if (u.level) add(u.level + c, key, u.level);
        }
      }
      add(u.canonical, u.keys[0], u.level);
    }
  }
  return [...forms.values()].sort((a, b) => b.form.length - a.form.length);
}

const formsByKey = new Map<string, string[]>();
function aliasFormsCached(key: string): string[] {
  let f = formsByKey.get(key);
  if (!f) formsByKey.set(key, (f = aliasForms(key)));
  return f;
}
