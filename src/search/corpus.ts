import type { DocumentMeta } from '../domain/document.js';
import type { Task } from '../domain/task.js';
import { placeOf, type Place } from '../domain/gazetteer.js';
import { aliasForms, analyzeUnit, functionOf, looseName, type UnitLevel, type UnitName } from '../domain/unit-name.js';
import { variants } from '../domain/topic-words.js';
import { textGroups } from './text-groups.js';
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
    return (this.normalized ??= `${this.task.task} ${this.task.requirement}`.normalize('NFKC').toLowerCase());
  }
}

/**
 * The in-memory corpus questions are answered from: documents, tasks and a catalog of unit names.
 * Built once from parsed records; read-only afterwards.
 */
export class Corpus {
  readonly byDoc = new Map<string, IndexedTask[]>();
  private readonly planTexts = new Map<string, Map<string, IndexedTask[]>>();
  readonly docByName = new Map<string, DocumentMeta>();
  private readonly positions = new Map<string, number>();
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
  /** Each document's division in the gazetteer (undefined when its region is none the gazetteer knows). */
  private readonly places = new Map<string, Place | undefined>();
  private inside?: Map<Place, string[]>;
  private readonly oneColumn = new Map<string, boolean>();
  private readonly unitIndexes = new Map<string, Array<{ unit: UnitName; lead: number[]; responsible: number[] }>>();
  /** Documents that are one body's own plan. */
  readonly bodyDocs = new Set<string>();
  private readonly holding = new Map<string, number>();
  private distinct?: string[];

  constructor(
    readonly docs: DocumentMeta[],
    readonly tasks: IndexedTask[],
  ) {
    docs.forEach((d, i) => {
      this.docByName.set(d.doc, d);
      this.positions.set(d.doc, i);
      this.byDoc.set(d.doc, []);
    });
    for (const t of tasks) this.byDoc.get(t.task.doc)?.push(t);
    this.unitForms = buildUnitForms(tasks);
    const regions = new Map<string, string[]>();
    for (const d of docs) for (const a of d.regionAliases) regions.set(a, [...(regions.get(a) ?? []), d.doc]);
    this.regionForms = [...regions].map(([form, ds]) => ({ form, docs: ds })).sort((a, b) => b.form.length - a.form.length);
    this.regionsByForm = regions;
    for (const f of this.unitForms) {
      push(this.unitsByForm, f.form, f);
      const parts = f.level ? undefined : functionOf(f.form);
      if (parts?.func) push(this.unitsByHead, parts.func[0] + parts.kind, f);
    }
    for (const d of docs) {
      const body = bodyOf(d);
      if (body) {
        push(this.bodiesByHead, body.func[0] + body.kind, body);
        this.bodyDocs.add(d.doc);
      }
      this.places.set(d.doc, placeOf(d.region)[0]);
    }
  }

  /** The document's division (蕉岭县 of 梅州市 of 广东省), when the gazetteer knows its region. */
  placeOf(doc: string): Place | undefined {
    return this.places.get(doc);
  }

  /** True when some task's category or requirement holds the word (or a synonym of it). */
  inText(word: string): boolean {
    return this.textsHolding(word) > 0;
  }

  /**
   * How many distinct task texts hold the word or a synonym (plans copy each other's wording, so
   * distinct texts are far fewer than tasks); remembered per word.
   */
  textsHolding(word: string): number {
    let n = this.holding.get(word);
    if (n === undefined) {
      const forms = variants(word);
      n = this.distinctTexts.filter((text) => forms.some((f) => text.includes(f))).length;
      if (this.holding.size > 10_000) this.holding.clear();
      this.holding.set(word, n);
    }
    return n;
  }

  /** The number of distinct task texts (the library's size for word rarity). */
  get textCount(): number {
    return this.distinctTexts.length;
  }

  private get distinctTexts(): string[] {
    return (this.distinct ??= [...new Set(this.tasks.map((t) => t.text))]);
  }

  /** Documents of regions inside a division (开平 inside 江门, 长宁 inside 上海), not the division's own. */
  docsInside(place: Place): string[] {
    if (!this.inside) {
      // Each document under every division above its own, in corpus order.
      this.inside = new Map();
      for (const d of this.docs) {
        for (let p = this.places.get(d.doc)?.parent; p; p = p.parent) push(this.inside, p, d.doc);
      }
    }
    return this.inside.get(place) ?? [];
  }

  static from(docs: DocumentMeta[], tasks: Task[]): Corpus {
    const levels = new Map(docs.map((d) => [d.doc, (d.level === '省' ? '省' : d.level) as UnitLevel]));
    const docMap = new Map(docs.map((d) => [d.doc, d]));
    const seen = new Map<string, number>();
    // Unit names repeat across tasks and plans: read each (name, level) once.
    const names = new Map<string, UnitName>();
    const prefixes = new Map(docs.map((d) => [d.doc, bodyPrefixes(d)]));
    const analyze = (u: string, level: UnitLevel, doc: string) => {
      // In a body's own plan, 局财务科 and 厦门市财政局预算处 are its 财务科 and 预算处.
      const own = prefixes.get(doc)!.find((p) => u.startsWith(p) && INTERNAL_UNIT.test(u.slice(p.length)));
      const k = `${level}|${own ? u.slice(own.length) : u}`;
      let a = names.get(k);
      if (!a) names.set(k, (a = own ? { ...analyzeUnit(u.slice(own.length), level), raw: u } : analyzeUnit(u, level)));
      return a;
    };
    const indexed = tasks.flatMap((t) => {
      const doc = docMap.get(t.doc);
      if (!doc) return [];
      const base = `${t.doc}#${t.seq}#${t.item}`;
      const n = (seen.get(base) ?? 0) + 1;
      seen.set(base, n);
      const level = levels.get(t.doc) ?? '';
      const read = (u: string) => analyze(u, level, t.doc);
      return [new Entry(n === 1 ? base : `${base}~${n}`, t, doc, t.lead.map(read), t.responsible.map(read))];
    });
    return new Corpus(docs, indexed);
  }

  /** A plan's tasks by distinct indexed text, keyed as its lunr refs (textGroups). Computed on first use (only topic fallbacks need it). */
  textsOf(doc: string): Map<string, IndexedTask[]> {
    let texts = this.planTexts.get(doc);
    if (!texts) {
      const tasks = this.tasksOf(doc);
      texts = new Map([...textGroups(tasks.map((t) => t.task))].map(([key, at]) => [key, at.map((i) => tasks[i])]));
      this.planTexts.set(doc, texts);
    }
    return texts;
  }

  /** A document's place in the corpus (answers list documents in this order). */
  position(doc: string): number {
    return this.positions.get(doc) ?? Infinity;
  }

  /**
   * A plan's distinct unit names, each with the positions (in `tasksOf(doc)`) of the tasks naming it
   * as lead and as responsible: a unit question reads each name once, not each task. Built on first use.
   */
  unitIndex(doc: string): Array<{ unit: UnitName; lead: number[]; responsible: number[] }> {
    let index = this.unitIndexes.get(doc);
    if (!index) {
      const by = new Map<UnitName, { unit: UnitName; lead: number[]; responsible: number[] }>();
      const entry = (u: UnitName) => by.get(u) ?? by.set(u, { unit: u, lead: [], responsible: [] }).get(u)!;
      this.tasksOf(doc).forEach((t, i) => {
        for (const u of new Set(t.lead)) entry(u).lead.push(i);
        for (const u of new Set(t.responsible)) entry(u).responsible.push(i);
      });
      this.unitIndexes.set(doc, (index = [...by.values()]));
    }
    return index;
  }

  /** True when a plan prints one unit column only (no task has a responsible unit): every unit is lead there. */
  singleColumn(doc: string): boolean {
    let one = this.oneColumn.get(doc);
    if (one === undefined) this.oneColumn.set(doc, (one = this.tasksOf(doc).every((t) => t.responsible.length === 0)));
    return one;
  }

  tasksOf(doc: string): IndexedTask[] {
    return this.byDoc.get(doc) ?? [];
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const same = map.get(key);
  if (same) same.push(value);
  else map.set(key, [value]);
}

/** The body a plan belongs to, when its issuer is a body rather than a government (人民政府, its 办公室/办公厅). */
function bodyOf(d: DocumentMeta): BodyForm | undefined {
  if (!d.issuer || GOVERNMENT_ISSUER.test(d.issuer)) return undefined;
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

const GOVERNMENT_ISSUER = /(人民政府|政府)(办公室|办公厅)?$|政府办$/;

function buildUnitForms(tasks: IndexedTask[]): UnitForm[] {
  const forms = new Map<string, UnitForm>();
  // The forms one unit name gives, computed once per name (names are shared objects, see
  // Corpus.from, and repeat across plans): each plan then only adds itself to them.
  const formsOfName = new Map<UnitName, UnitForm[]>();
  const formsOf = (u: UnitName): UnitForm[] => {
    let out = formsOfName.get(u);
    if (out) return out;
    const own = new Set<UnitForm>();
    const add = (form: string, key: string, level: UnitLevel) => {
      if (form.length < 2) return;
      const id = `${form}|${key}|${level}`;
      let f = forms.get(id);
      if (!f) forms.set(id, (f = { form, key, level, docs: new Set<string>() }));
      own.add(f);
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
    formsOfName.set(u, (out = [...own]));
    return out;
  };
  // Each distinct unit of each document once.
  const seen = new Set<UnitName>();
  let doc = '';
  for (const t of tasks) {
    if (t.task.doc !== doc) {
      doc = t.task.doc;
      seen.clear();
    }
    for (const units of [t.lead, t.responsible]) {
      for (const u of units) {
        if (seen.has(u)) continue;
        seen.add(u);
        for (const f of formsOf(u)) f.docs.add(doc);
      }
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
