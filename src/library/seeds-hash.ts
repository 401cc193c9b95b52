import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CATALOG_FILE } from '../ingest/catalog.js';
import { SUPPORTED } from '../ingest/load-seeds.js';

/**
 * A fingerprint of what an index is built from: the names and bytes of every supported seed file
 * and of the folder's catalog.json, and the code that reads them (src/ingest, src/domain), so a
 * changed parser or catalog also means a rebuild.
 */
export function seedsHash(dir: string): string {
  const h = createHash('sha1');
  if (!existsSync(dir)) return 'missing';
  for (const name of readdirSync(dir).filter((n) => SUPPORTED.test(n) || n === CATALOG_FILE).sort()) {
    h.update(name);
    h.update(readFileSync(join(dir, name)));
  }
  for (const file of CODE.flatMap((d) => sourceFiles(d))) h.update(readFileSync(file));
  return h.digest('hex');
}

const CODE = [fileURLToPath(new URL('../ingest', import.meta.url)), fileURLToPath(new URL('../domain', import.meta.url))];

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) => (e.isDirectory() ? sourceFiles(join(dir, e.name)) : /\.[jt]s$/.test(e.name) ? [join(dir, e.name)] : []));
}
