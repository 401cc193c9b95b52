import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { type App, compose } from '../../src/compose.js';
import { loadConfig } from '../../src/config.js';
import type { SearchEngine } from '../../src/search/engine.js';

/**
 * The app as `main` composes it, over a documents folder, with a fresh data folder (store, index)
 * and no Telegram token. `engine` skips reading the folder when a test already built it.
 */
export async function testApp(seedsDir: string, opts: { engine?: SearchEngine; env?: Record<string, string> } = {}): Promise<App> {
  const dataDir = mkdtempSync(join(tmpdir(), 'zwgk-data-'));
  const loaded = loadConfig({ SEEDS_DIR: seedsDir, DATA_DIR: dataDir, INDEX_DIR: join(dataDir, 'index'), INDEX_WORKERS: '0', ...opts.env });
  if (!loaded.ok) throw new Error(loaded.message);
  return compose(loaded.config, pino({ level: 'silent' }), { engine: opts.engine });
}
