import type { DocumentMeta } from '../domain/document.js';
import type { Task } from '../domain/task.js';
import { aliasForms, analyzeUnit, type UnitLevel, type UnitName } from '../domain/unit-name.js';

/** A task with what matching needs precomputed: its id, its units read as names, its text. */
export interface IndexedTask {
  /** doc#seq#item, with ~2, ~3 … for repeats: stable across re-parsing the same file. */
  id: string;
  task: Task;
  doc: DocumentMeta;
  lead: UnitName[];
  responsible: UnitName[];
  /** Category and requirement, NFKC-normalized, for topic matching. */
  text: string;
}

/** A form of a unit name that may appear in a question, with the documents that name that unit. */
export interface UnitForm {
  form: string;
  key: string;
  level: UnitLevel;
  docs: Set<string>;
}

/**
 * The in-memory corpus questions are answered from: documents, tasks and a catalog of unit names.
 * Built once from parsed records; read-only afterwards.
 */
export class Corpus {
  readonly byDoc = new Map<string, IndexedTask[]>();
  readonly docByName = new Map<string, DocumentMeta>();
  /** Every unit name and alias form, longest first. */
  readonly unitForms: UnitForm[];
  /** Region aliases (蕉岭县, 蕉岭 …) → documents, longest first. */
  readonly regionForms: Array<{ form: string; docs: string[] }>;

  constructor(
    readonly docs: DocumentMeta[],
    readonly tasks: IndexedTask[],
  ) {
    for (const d of docs) {
      this.docByName.set(d.doc, d);
      this.byDoc.set(d.doc, []);
    }
    for (const t of tasks) this.byDoc.get(t.task.doc)?.push(t);
    this.unitForms = buildUnitForms(tasks);
    const regions = new Map<string, string[]>();
    for (const d of docs) for (const a of d.regionAliases) regions.set(a, [...(regions.get(a) ?? []), d.doc]);
    this.regionForms = [...regions].map(([form, ds]) => ({ form, docs: ds })).sort((a, b) => b.form.length - a.form.length);
  }

  static from(docs: DocumentMeta[], tasks: Task[]): Corpus {
    const levels = new Map(docs.map((d) => [d.doc, (d.level === '省' ? '省' : d.level) as UnitLevel]));
    const docMap = new Map(docs.map((d) => [d.doc, d]));
    const seen = new Map<string, number>();
    const indexed = tasks.flatMap((t) => {
      const doc = docMap.get(t.doc);
      if (!doc) return [];
      const base = `${t.doc}#${t.seq}#${t.item}`;
      const n = (seen.get(base) ?? 0) + 1;
      seen.set(base, n);
      const level = levels.get(t.doc) ?? '';
      return [{
        id: n === 1 ? base : `${base}~${n}`,
        task: t,
        doc,
        lead: t.lead.map((u) => analyzeUnit(u, level)),
        responsible: t.responsible.map((u) => analyzeUnit(u, level)),
        text: `${t.task} ${t.requirement}`.normalize('NFKC'),
      }];
    });
    return new Corpus(docs, indexed);
  }

  tasksOf(doc: string): IndexedTask[] {
    return this.byDoc.get(doc) ?? [];
  }
}

function buildUnitForms(tasks: IndexedTask[]): UnitForm[] {
  const forms = new Map<string, UnitForm>();
  const add = (form: string, key: string, level: UnitLevel, doc: string) => {
    if (form.length < 2) return;
    const id = `${form}|${key}|${level}`;
    const f = forms.get(id) ?? { form, key, level, docs: new Set<string>() };
    f.docs.add(doc);
    forms.set(id, f);
  };
  for (const t of tasks) {
    for (const u of [...t.lead, ...t.responsible]) {
      if (u.collective) {
        add(u.canonical, u.canonical, u.level, t.task.doc);
        continue;
      }
      for (const key of u.keys) {
        const cores = new Set([u.core, ...aliasForms(key)]);
        for (const c of cores) {
          add(c, key, '', t.task.doc);
          if (u.level) add(u.level + c, key, u.level, t.task.doc);
        }
      }
      add(u.canonical, u.keys[0], u.level, t.task.doc);
    }
  }
  return [...forms.values()].sort((a, b) => b.form.length - a.form.length);
}
