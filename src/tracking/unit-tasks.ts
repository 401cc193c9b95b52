import type { IndexedTask } from '../search/corpus.js';
import type { SearchEngine } from '../search/engine.js';
import { planEnded } from '../domain/status-label.js';

/**
 * A unit's own tasks in the plans current on a day, for many units at once (a day's reminders for
 * thousands of chats, /todo): a pure cache of `SearchEngine.ownTasks` — the answers' own definition,
 * so /mine, /done, /todo and the reminders cannot disagree — kept to current plans, each unit's
 * words asked once.
 */
export class OwnTaskCache {
  private readonly cache = new Map<string, IndexedTask[]>();

  constructor(
    private readonly engine: SearchEngine,
    private readonly today: string,
    private readonly archived: (doc: string) => boolean,
  ) {}

  tasksOf(unitWords: string): IndexedTask[] {
    let tasks = this.cache.get(unitWords);
    if (!tasks) {
      tasks = this.engine.ownTasks(unitWords, this.today).filter((t) => isCurrentPlan(t.doc, this.today, this.archived));
      this.cache.set(unitWords, tasks);
    }
    return tasks;
  }
}

/** A plan still current on `today`: its year not passed (or unknown), not archived. */
export function isCurrentPlan(doc: { doc: string; year: number | null }, today: string, archived: (doc: string) => boolean): boolean {
  return !archived(doc.doc) && !planEnded(doc.year, today);
}
