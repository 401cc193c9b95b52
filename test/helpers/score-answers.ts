import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { readJsonl } from './records.js';
import { norm, SequenceMatcher } from './score-tasks.js';

/**
 * A TypeScript port of the reference answer scorer (`tools/eval_answers.py` of the shared
 * material): every object with a `requirement` in an answer (outside `suggestions`) is a returned
 * task, mapped to the gold record of the same document whose normalized requirement is most
 * similar (≥ 0.85); ids are `doc#seq#item`, repeats `~2`, `~3` in gold-file order.
 */
export interface Question {
  id: string;
  q: string;
  today: string;
  intent: string;
  must: string[];
  may: string[];
}

export interface QuestionScore {
  question: Question;
  found: number;
  /** Returned tasks outside must ∪ may (unmapped ones included). */
  wrong: number;
  returned: number;
  missing: string[];
  exact: boolean;
}

/** A task of an answer as the scorer reads it. */
interface ReturnedTask {
  id?: string;
  doc?: string;
  requirement?: string;
}

export interface GoldEntry {
  id: string;
  n: string;
}

/** The gold records of every `.jsonl` in the folders, with their ids, by document. */
export function readAnswerGold(dirs: string[]): Map<string, GoldEntry[]> {
  const byDoc = new Map<string, GoldEntry[]>();
  for (const dir of dirs) {
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort()) {
      for (const r of readJsonl<{ doc?: string; seq: string; item: string; requirement: string }>(join(dir, name))) {
        if (!r.doc) continue;
        const list = byDoc.get(r.doc) ?? [];
        const base = `${r.doc}#${r.seq}#${r.item}`;
        let id = base;
        for (let k = 2; list.some((g) => g.id === id); k++) id = `${base}~${k}`;
        list.push({ id, n: norm(r.requirement) });
        byDoc.set(r.doc, list);
      }
    }
  }
  return byDoc;
}

/** Scores one answer (the `ask --json` object) against a question's sets. */
export function scoreAnswer(question: Question, answer: unknown, gold: Map<string, GoldEntry[]>): QuestionScore {
  const ids = new Set<string>();
  let unmapped = 0;
  for (const t of returnedTasks(answer, [])) {
    // A plan without hand-read records is named by the task ids the answer gives (doc#seq#item).
    const id = gold.has(basename(t.doc ?? '')) ? mapTask(t, gold) : t.id;
    if (id) ids.add(id);
    else unmapped++;
  }
  const must = new Set(question.must);
  const ok = new Set([...question.must, ...question.may]);
  const returned = ids.size + unmapped;
  const right = [...ids].filter((i) => ok.has(i)).length;
  const found = [...ids].filter((i) => must.has(i)).length;
  return { question, found, wrong: returned - right, returned, missing: question.must.filter((i) => !ids.has(i)), exact: found === must.size && right === returned };
}

function returnedTasks(obj: unknown, out: ReturnedTask[]): ReturnedTask[] {
  if (Array.isArray(obj)) obj.forEach((v) => returnedTasks(v, out));
  else if (obj && typeof obj === 'object') {
    if ('requirement' in obj) out.push(obj as ReturnedTask);
    else for (const [k, v] of Object.entries(obj)) if (k !== 'suggestions') returnedTasks(v, out);
  }
  return out;
}

function mapTask(t: { doc?: string; requirement?: string }, gold: Map<string, GoldEntry[]>): string | undefined {
  const n = norm(t.requirement ?? '');
  let best = 0;
  let id: string | undefined;
  for (const g of gold.get(basename(t.doc ?? '')) ?? []) {
    if (g.n === n) return g.id;
    const q = new SequenceMatcher(g.n, n);
    if (q.realQuickRatio() < 0.85 || q.quickRatio() < 0.85) continue;
    const r = q.ratio();
    if (r > best) [best, id] = [r, g.id];
  }
  return best >= 0.85 ? id : undefined;
}

/** Precision and recall pooled over questions, as the reference scorer's SUMMARY gives them (fractions). */
export function pooled(scores: QuestionScore[]): { precision: number; recall: number } {
  const sum = (f: (s: QuestionScore) => number) => scores.reduce((n, s) => n + f(s), 0);
  const returned = sum((s) => s.returned);
  return { precision: (returned - sum((s) => s.wrong)) / returned, recall: sum((s) => s.found) / sum((s) => s.question.must.length) };
}
