import { variants } from '../domain/topic-words.js';
import type { IndexedTask } from './corpus.js';

/** Ranks tasks for topic words (the lunr index): orders a list, or finds every task holding any word. */
export interface TopicRanker {
  rank(words: string[], docs: Set<string>): IndexedTask[];
  order(tasks: IndexedTask[], words: string[]): IndexedTask[];
}

/**
 * True when a task's category or requirement holds every topic word, or a synonym of it
 * (PPP = 政府和社会资本合作, 预决算 = 预算 or 决算 …).
 */
export function matchesTopic(t: IndexedTask, words: string[]): boolean {
  return words.every((w) => variants(w).some((v) => t.text.includes(v)));
}


/**
 * Where no task holds every topic word: the tasks that hold nearly as much of the question as the
 * best one does, each word weighing by its rarity in the library (a word most tasks share weighs
 * little). 人大代表建议和政协委员提案办理结果 finds the row that says 人大代表、政协委员 … 提案办理结果
 * without 建议; a row holding one common word of several is left out.
 */
export function nearestCover(candidates: IndexedTask[], words: string[], library: { textCount: number; textsHolding(word: string): number }): IndexedTask[] {
  const holds = (t: IndexedTask, w: string) => variants(w).some((v) => t.text.includes(v));
  const weight = new Map(words.map((w) => [w, Math.log((library.textCount + 1) / (1 + library.textsHolding(w)))]));
  const cover = (t: IndexedTask) => words.reduce((n, w) => n + (holds(t, w) ? weight.get(w)! : 0), 0);
  const scored = candidates.map((t) => ({ t, c: cover(t) })).filter((x) => x.c > 0);
  const best = Math.max(0, ...scored.map((x) => x.c));
  const total = [...weight.values()].reduce((a, b) => a + b, 0);
  // Nothing covers half the question's weight: no task is about it.
  if (best <= 0 || best < total * 0.5) return [];
  return scored.filter((x) => x.c >= best * COVER).map((x) => x.t);
}

/** Share of the best cover a task must reach. */
const COVER = 0.75;
