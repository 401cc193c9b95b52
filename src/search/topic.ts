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

/** Tasks a nearest cover may take, with which of the words they may hold at all (a plan, by the character index); read only when they can reach the cover. */
export interface CoverGroup {
  mayHold: boolean[];
  tasks: () => IndexedTask[];
}

/**
 * Where no task holds every topic word: the tasks that hold nearly as much of the question as the
 * best one does, each word weighing by its rarity in the library (a word most tasks share weighs
 * little). 人大代表建议和政协委员提案办理结果 finds the row that says 人大代表、政协委员 … 提案办理结果
 * without 建议; a row holding one common word of several is left out. Groups are read best bound
 * first, and a group whose words cannot weigh what the cover needs is never read. In the groups' order.
 */
export function nearestCover(groups: CoverGroup[], words: string[], library: { textCount: number; textsHolding(word: string): number }): IndexedTask[] {
  const forms = words.map((w) => variants(w));
  const weight = words.map((w) => Math.log((library.textCount + 1) / (1 + library.textsHolding(w))));
  const total = weight.reduce((a, b) => a + b, 0);
  const bounded = groups
    .map((g, at) => ({ g, at, max: g.mayHold.reduce((n, h, i) => n + (h ? weight[i] : 0), 0) }))
    // A task is kept at 3/4 of the best, and the best covers at least half the question's weight.
    .filter((x) => x.max > 0 && x.max >= total * 0.5 * COVER)
    .sort((a, b) => b.max - a.max || a.at - b.at);
  const scored: Array<{ t: IndexedTask; c: number; at: number; i: number }> = [];
  // Heaviest words first: a task is given up as soon as what it lacks already puts it below the cut.
  const heaviest = words.map((_, w) => w).sort((a, b) => weight[b] - weight[a]);
  let best = 0;
  for (const { g, at, max } of bounded) {
    const cut = () => Math.max(total * 0.5, best) * COVER;
    if (max < cut()) break;
    g.tasks().forEach((t, i) => {
      let c = 0;
      let rest = max;
      for (const w of heaviest) {
        if (!g.mayHold[w]) continue;
        rest -= weight[w];
        if (forms[w].some((v) => t.text.includes(v))) c += weight[w];
        else if (c + rest < cut()) return;
      }
      if (c <= 0) return;
      scored.push({ t, c, at, i });
      best = Math.max(best, c);
    });
  }
  // Nothing covers half the question's weight: no task is about it.
  if (best <= 0 || best < total * 0.5) return [];
  return scored
    .filter((x) => x.c >= best * COVER)
    .sort((a, b) => a.at - b.at || a.i - b.i)
    .map((x) => x.t);
}

/** Share of the best cover a task must reach. */
const COVER = 0.75;
