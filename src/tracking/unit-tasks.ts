import type { UnitRef } from '../domain/query.js';
import { parseUnitWords } from '../query/query-parser.js';
import type { IndexedTask } from '../search/corpus.js';
import type { SearchEngine } from '../search/engine.js';
import { namesUnit, scopeDocs } from '../search/retrieve.js';

/**
 * The tasks a unit owns (named as lead or responsible, not only reached through a collective),
 * in the plans still current on `today` (plan year not passed, not archived).
 */
export function ownTasks(engine: SearchEngine, unit: string, today: string, archived: (doc: string) => boolean): IndexedTask[] {
  return new OwnTaskIndex(engine, today, archived).tasksOf(unit);
}

/** True when the task is one of the unit's own (what /done may close), in any plan. */
export function ownsTask(engine: SearchEngine, unit: string, taskId: string, today: string): boolean {
  const result = engine.ask(unit, today);
  return result.groups.some((g) => g.sections.some((s) => s.kind !== 'collective' && s.tasks.some((t) => t.id === taskId)));
}

/**
 * Own tasks of many units at once (a day's reminders for thousands of chats): the current plans'
 * tasks indexed once by document and unit alias key, each unit's words parsed once.
 */
export class OwnTaskIndex {
  private readonly byDocKey = new Map<string, Map<string, IndexedTask[]>>();
  private readonly current: Set<string>;
  private readonly units = new Map<string, UnitRef | undefined>();

  constructor(
    private readonly engine: SearchEngine,
    private readonly today: string,
    archived: (doc: string) => boolean,
  ) {
    const year = Number(today.slice(0, 4));
    this.current = new Set(engine.corpus.docs.filter((d) => !archived(d.doc) && (d.year === null || d.year >= year)).map((d) => d.doc));
  }

  /** The (unit key → tasks) map of one current document, built when first asked for. */
  private keysOf(doc: string): Map<string, IndexedTask[]> {
    let keys = this.byDocKey.get(doc);
    if (keys) return keys;
    keys = new Map<string, IndexedTask[]>();
    for (const t of this.engine.corpus.tasksOf(doc)) {
      for (const units of [t.lead, t.responsible]) {
        for (const u of units) {
          for (const k of u.collective ? [u.canonical] : u.keys) {
            const list = keys.get(k);
            if (!list) keys.set(k, [t]);
            else if (list[list.length - 1] !== t) list.push(t);
          }
        }
      }
    }
    this.byDocKey.set(doc, keys);
    return keys;
  }

  tasksOf(unitWords: string): IndexedTask[] {
    const { docs, unit: ref } = parseUnitWords(unitWords, this.engine.vocab, this.units);
    if (!ref?.known) return [];
    const out: IndexedTask[] = [];
    for (const doc of scopeDocs(this.engine.corpus, { docs, unit: ref })) {
      if (!this.current.has(doc.doc)) continue;
      const keys = this.keysOf(doc.doc);
      const candidates = ref.partial ? this.engine.corpus.tasksOf(doc.doc) : (keys.get(ref.key ?? '') ?? keys.get(ref.text) ?? []);
      for (const t of candidates) if ([...t.lead, ...t.responsible].some((u) => namesUnit(u, ref, doc))) out.push(t);
    }
    return out;
  }
}
