/**
 * Persistence behind a small key-value interface, so another backend (Redis, Postgres) could take
 * SQLite's place. Values are JSON; readers validate them with their own zod schema.
 */
export interface KeyValueStore {
  read(ns: string, key: string): unknown;
  write(ns: string, key: string, value: unknown): void;
  delete(ns: string, key: string): void;
  /** Every key and value of a namespace. */
  list(ns: string): Array<{ key: string; value: unknown }>;
  close(): void;
}

/**
 * Gives a chat's entries of a namespace the chat's new id (a group that became a supergroup): every
 * key that is the chat id, or starts with it before a separator (`-500`, `-500:7`, `-500|key`).
 */
export function moveChat(store: KeyValueStore, ns: string, from: number, to: number): void {
  const head = new RegExp(`^${from}(?=$|\\D)`);
  for (const { key, value } of store.list(ns)) {
    if (!head.test(key)) continue;
    store.write(ns, key.replace(head, String(to)), value);
    store.delete(ns, key);
  }
}

/** An in-memory store, for the terminal chat when no data folder is wanted, and for tests. */
export class MemoryStore implements KeyValueStore {
  private readonly data = new Map<string, Map<string, string>>();
  read(ns: string, key: string): unknown {
    const v = this.data.get(ns)?.get(key);
    return v === undefined ? undefined : JSON.parse(v);
  }
  write(ns: string, key: string, value: unknown): void {
    if (!this.data.has(ns)) this.data.set(ns, new Map());
    this.data.get(ns)!.set(key, JSON.stringify(value));
  }
  delete(ns: string, key: string): void {
    this.data.get(ns)?.delete(key);
  }
  list(ns: string): Array<{ key: string; value: unknown }> {
    return [...(this.data.get(ns) ?? [])].map(([key, v]) => ({ key, value: JSON.parse(v) }));
  }
  close(): void {}
}
