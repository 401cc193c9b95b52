import { variants } from '../domain/topic-words.js';
import type { IndexedTask } from './corpus.js';

/** Ranks tasks for topic words (the lunr index): orders a list, or finds the best matches. */
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

