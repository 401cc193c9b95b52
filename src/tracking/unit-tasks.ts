import type { IndexedTask } from '../search/corpus.js';
import type { SearchEngine } from '../search/engine.js';

/**
 * A unit's own tasks in the plans not archived, for many units at once (a day's reminders for
 * thousands of chats): a pure cache of `SearchEngine.ownTasks` — the answers' own definition, so
 * /mine, /done, /todo and the reminders cannot disagree — each unit's words asked once. A plan
 * whose year ended stays until it is archived: its overdue tasks are still followed up.
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
      tasks = this.engine.ownTasks(unitWords, this.today).filter((t) => !this.archived(t.doc.doc));
      this.cache.set(unitWords, tasks);
    }
    return tasks;
  }
}
