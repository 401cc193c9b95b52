import type { IndexedTask } from '../search/corpus.js';
import type { SearchEngine } from '../search/engine.js';

/**
 * The tasks a unit owns (named as lead or responsible, not only reached through a collective),
 * in the plans still current on `today` (plan year not passed, not archived).
 */
export function ownTasks(engine: SearchEngine, unit: string, today: string, archived: (doc: string) => boolean): IndexedTask[] {
  const result = engine.ask(unit, today);
  if (!result.query.unit || result.reason) return [];
  const year = Number(today.slice(0, 4));
  return result.groups
    .filter((g) => !archived(g.doc.doc) && (g.doc.year === null || g.doc.year >= year))
    .flatMap((g) => g.sections.filter((s) => s.kind !== 'collective').flatMap((s) => s.tasks));
}

/** True when the task is one of the unit's own (what /done may close). */
export function ownsTask(engine: SearchEngine, unit: string, taskId: string, today: string): boolean {
  const result = engine.ask(unit, today);
  return result.groups.some((g) => g.sections.some((s) => s.kind !== 'collective' && s.tasks.some((t) => t.id === taskId)));
}
