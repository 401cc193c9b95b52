import type { KeyValueStore } from './store.js';

/** Plans retired by hand (/archive): out of reminders, /todo and overdue counts, still answerable. */
export class ArchivedPlans {
  constructor(private readonly store: KeyValueStore) {}

  has(doc: string): boolean {
    return this.store.read(NS, doc) === true;
  }

  add(doc: string): void {
    this.store.write(NS, doc, true);
  }
}

const NS = 'archived';
