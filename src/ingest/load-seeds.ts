import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { DocumentMeta, Warning } from '../domain/document.js';
import type { Task } from '../domain/task.js';
import { MAX_BYTES } from './decode.js';
import { parseDocument } from './parse-document.js';

export interface Corpus {
  docs: DocumentMeta[];
  tasks: Task[];
  warnings: Warning[];
}

/** File names the ingest reads; others in the folder are reported and skipped. */
export const SUPPORTED = /\.(txt|text|csv|tsv|md)$/i;

/**
 * Reads every supported document of a folder, in name order. One bad file gives a warning naming
 * it; the others still load. Throws only when the folder itself cannot be read.
 */
export function loadSeeds(dir: string): Corpus {
  const corpus: Corpus = { docs: [], tasks: [], warnings: [] };
  const names = readdirSync(dir).filter((n) => !n.startsWith('.')).sort();
  for (const name of names) {
    const path = join(dir, name);
    const st = statSync(path);
    if (!st.isFile()) continue;
    if (!SUPPORTED.test(name)) {
      corpus.warnings.push({ doc: name, message: '不支持的文件类型 (unsupported file type), skipped' });
      continue;
    }
    if (st.size > MAX_BYTES) {
      corpus.warnings.push({ doc: name, message: `文件过大 (${(st.size / 1048576).toFixed(1)} MB > ${MAX_BYTES / 1048576} MB), skipped` });
      continue;
    }
    const parsed = parseDocument(readFileSync(path), name);
    corpus.warnings.push(...parsed.warnings);
    if (parsed.meta) {
      corpus.docs.push(parsed.meta);
      corpus.tasks.push(...parsed.tasks);
    }
  }
  return corpus;
}
