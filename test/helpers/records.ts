import { readFileSync } from 'node:fs';

/** Hand-read expected records (gold format), one JSON object per line. */
export interface ExpectedRecord {
  doc: string;
  seq: string;
  item: string;
  task: string;
  requirement: string;
  lead: string[];
  responsible: string[];
  deadline_raw: string;
  deadline: { kind: string; date?: string; every?: string; milestones?: string[] };
}

export function readJsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}

/** The deadline without its free text, for comparing kinds, dates and intervals. */
export function deadlineKey(d: { kind: string; date?: string; every?: string }): string {
  return [d.kind, d.date ?? '', d.every ?? ''].join('|');
}
