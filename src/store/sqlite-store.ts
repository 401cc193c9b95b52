import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { KeyValueStore } from './store.js';

/**
 * The default store: one SQLite file (better-sqlite3, synchronous and durable) in the data folder,
 * in WAL mode so a crash never loses an acknowledged write.
 */
export class SqliteStore implements KeyValueStore {
  private readonly db: Database.Database;
  private readonly stmts;

  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
    this.db = new Database(join(dataDir, 'zwgk-bot.sqlite'));
    this.db.pragma('journal_mode = WAL');
    this.db.exec(`CREATE TABLE IF NOT EXISTS kv (
      ns TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL, updated_at TEXT NOT NULL,
      PRIMARY KEY (ns, key))`);
    this.stmts = {
      read: this.db.prepare<[string, string], { value: string }>('SELECT value FROM kv WHERE ns = ? AND key = ?'),
      write: this.db.prepare('INSERT INTO kv (ns, key, value, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (ns, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at'),
      delete: this.db.prepare('DELETE FROM kv WHERE ns = ? AND key = ?'),
      list: this.db.prepare<[string], { key: string; value: string }>('SELECT key, value FROM kv WHERE ns = ? ORDER BY key'),
    };
  }

  read(ns: string, key: string): unknown {
    const row = this.stmts.read.get(ns, key);
    return row ? JSON.parse(row.value) : undefined;
  }

  write(ns: string, key: string, value: unknown): void {
    this.stmts.write.run(ns, key, JSON.stringify(value), new Date().toISOString());
  }

  delete(ns: string, key: string): void {
    this.stmts.delete.run(ns, key);
  }

  list(ns: string): Array<{ key: string; value: unknown }> {
    return this.stmts.list.all(ns).map((r) => ({ key: r.key, value: JSON.parse(r.value) }));
  }

  close(): void {
    this.db.close();
  }
}
