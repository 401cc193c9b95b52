import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadLunr } from './lunr-index.js';
import { SearchEngine } from './engine.js';
import { packCorpus, SavedCorpus, unpackCorpus } from './saved-corpus.js';

const CORPUS_FILE = 'corpus.json';
const LUNR_FILE = 'lunr.json';

/** Writes the corpus and the lunr index; each file is written whole, then renamed into place. */
export function saveIndex(dir: string, engine: SearchEngine, hash: string): void {
  mkdirSync(dir, { recursive: true });
  const corpus = packCorpus(engine.corpus.docs, engine.corpus.tasks.map((t) => t.task), hash);
  writeAtomic(join(dir, CORPUS_FILE), JSON.stringify(corpus));
  writeAtomic(join(dir, LUNR_FILE), JSON.stringify(engine.index));
}

export type LoadedIndex = { ok: true; engine: SearchEngine; saved: SavedCorpus } | { ok: false; reason: string };

/** Loads a saved index; a missing or damaged one gives a reason instead of throwing. */
export function loadIndex(dir: string): LoadedIndex {
  const cPath = join(dir, CORPUS_FILE);
  const lPath = join(dir, LUNR_FILE);
  if (!existsSync(cPath) || !existsSync(lPath)) return { ok: false, reason: `no index in ${dir}` };
  try {
    const parsed = SavedCorpus.safeParse(JSON.parse(readFileSync(cPath, 'utf8')));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return { ok: false, reason: `${cPath}: field ${issue.path.join('.')}: ${issue.message}` };
    }
    const unpacked = unpackCorpus(parsed.data);
    if ('error' in unpacked) return { ok: false, reason: `${cPath}: ${unpacked.error}` };
    const lunrJson = readFileSync(lPath, 'utf8');
    return { ok: true, engine: SearchEngine.withIndex(parsed.data.docs, unpacked.tasks, () => loadLunr(JSON.parse(lunrJson))), saved: parsed.data };
  } catch (e) {
    return { ok: false, reason: `${dir}: ${(e as Error).message}` };
  }
}

/** Write, fsync, rename: a crash leaves the old file or the new one, never a torn one. */
export function writeAtomic(path: string, data: string | Uint8Array): void {
  const tmp = `${path}.tmp-${process.pid}`;
  const fd = openSync(tmp, 'w');
  try {
    writeFileSync(fd, data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}
