import { readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DocumentMeta, Warning } from '../domain/document.js';
import type { Task } from '../domain/task.js';
import type { ParsedDocument } from './parse-document.js';
import { MAX_BINARY_BYTES, readDocument, SUPPORTED } from './read-document.js';

export interface Corpus {
  docs: DocumentMeta[];
  tasks: Task[];
  warnings: Warning[];
}

export { SUPPORTED };

/** The files of a seeds folder, in name order (throws when the folder cannot be read). */
export function seedFiles(dir: string): string[] {
  return readdirSync(dir).filter((n) => !n.startsWith('.')).sort();
}

/**
 * Reads one file of a seeds folder: unsupported, oversized or unreadable files give a warning
 * naming them; a sub-folder gives nothing. Never throws.
 */
export async function readSeedFile(dir: string, name: string): Promise<ParsedDocument> {
  const path = join(dir, name);
  try {
    const st = statSync(path);
    if (!st.isFile()) return { tasks: [], warnings: [] };
    if (!SUPPORTED.test(name)) return { tasks: [], warnings: [{ doc: name, message: '不支持的文件类型 (unsupported file type), skipped' }] };
    if (st.size > MAX_BINARY_BYTES) {
      return { tasks: [], warnings: [{ doc: name, message: `文件过大 (${(st.size / 1048576).toFixed(1)} MB > ${MAX_BINARY_BYTES / 1048576} MB), skipped` }] };
    }
    return await readDocument(await readFile(path), name);
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
 * Reads every supported document of a folder, in name order. One bad file gives a warning naming
 * it; the others still load. Throws only when the folder itself cannot be read.
 */
export async function loadSeeds(dir: string): Promise<Corpus> {
  const corpus: Corpus = { docs: [], tasks: [], warnings: [] };
  for (const name of seedFiles(dir)) addToCorpus(corpus, await readSeedFile(dir, name));
  return corpus;
}
