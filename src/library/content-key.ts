import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DocumentHint } from '../domain/document.js';

/**
 * A shard's key: the file's name and bytes, what the catalog says of it, and the code that reads it
 * into records and a lunr index (src/ingest, src/domain, src/search) — a changed file, catalog
 * entry or parser means a new shard; nothing else does.
 */
export function contentKey(name: string, hint: DocumentHint | undefined, bytes: Uint8Array): string {
  return createHash('sha1').update(codeFingerprint()).update('\0').update(name).update('\0').update(hintKey(hint)).update('\0').update(bytes).digest('hex');
}

/** A catalog entry as the manifest compares it. */
export function hintKey(hint: DocumentHint | undefined): string {
  return hint ? JSON.stringify(Object.entries(hint).sort(([a], [b]) => a.localeCompare(b))) : '';
}

let fingerprint: string | undefined;

/** The reading code's own hash, computed once per process. */
export function codeFingerprint(): string {
  if (fingerprint) return fingerprint;
  const h = createHash('sha1');
  for (const file of CODE.flatMap((d) => sourceFiles(d))) h.update(readFileSync(file));
  return (fingerprint = h.digest('hex'));
}

const CODE = ['../ingest', '../domain', '../search'].map((d) => fileURLToPath(new URL(d, import.meta.url)));

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) => (e.isDirectory() ? sourceFiles(join(dir, e.name)) : /\.[jt]s$/.test(e.name) ? [join(dir, e.name)] : []));
}
