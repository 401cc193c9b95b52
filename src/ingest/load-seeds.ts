import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DocumentHint, DocumentMeta, Warning } from '../domain/document.js';
import type { Task } from '../domain/task.js';
import { readCatalog, seedFiles } from './catalog.js';
import type { ParsedDocument } from './parse-document.js';
import { readDocument } from './read-document.js';
import { MAX_BINARY_BYTES, SUPPORTED } from './supported.js';

export interface Corpus {
  docs: DocumentMeta[];
  tasks: Task[];
  warnings: Warning[];
}



/**
 * Reads one file of a seeds folder, with what the folder's catalog says about it (`hint`):
 * unsupported, oversized or unreadable files give a warning naming them; a sub-folder gives
 * nothing. Never throws.
 */
export async function readSeedFile(dir: string, name: string, hint: DocumentHint = {}): Promise<ParsedDocument> {
  const path = join(dir, name);
  try {
    const st = statSync(path);
    if (!st.isFile()) return { tasks: [], warnings: [] };
    if (!SUPPORTED.test(name)) return { tasks: [], warnings: [{ doc: name, message: '不支持的文件类型 (unsupported file type), skipped' }] };
    if (st.size > MAX_BINARY_BYTES) {
      return { tasks: [], warnings: [{ doc: name, message: `文件过大 (${(st.size / 1048576).toFixed(1)} MB > ${MAX_BINARY_BYTES / 1048576} MB), skipped` }] };
    }
    return await readDocument(await readFile(path), name, hint);
  } catch (e) {
    return { tasks: [], warnings: [{ doc: name, message: `无法读取 (${(e as Error).message})` }] };
  }
}

/** Adds one parsed file to a corpus. */
export function addToCorpus(corpus: Corpus, parsed: ParsedDocument): void {
  corpus.warnings.push(...parsed.warnings);
  if (parsed.meta) {
    corpus.docs.push(parsed.meta);
    corpus.tasks.push(...parsed.tasks);
  }
}

/**
 * Reads every supported document of a folder, in name order, each with its entry of the folder's
 * optional `catalog.json` (region, issuer, year, title that override the document's text). One bad
 * file or catalog entry gives a warning naming it; the others still load. Throws only when the
 * folder itself cannot be read.
 */
export async function loadSeeds(dir: string): Promise<Corpus> {
  const names = seedFiles(dir);
  const catalog = readCatalog(dir, names);
  const corpus: Corpus = { docs: [], tasks: [], warnings: [...catalog.warnings] };
  for (const name of names) {
    addToCorpus(corpus, await readSeedFile(dir, name, catalog.hints.get(name)));
  }
  return corpus;
}
