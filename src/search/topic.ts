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
  const text = t.text.toLowerCase();
  return words.every((w) => variants(w).some((v) => text.includes(v)));
}

export function variants(word: string): string[] {
  const w = word.toLowerCase();
  const out = new Set([w]);
  for (const group of SYNONYMS) if (group.includes(w)) group.forEach((g) => out.add(g));
  // 预决算 / 预决算公开: either half of a contracted compound.
  if (w === '预决算') ['预算', '决算'].forEach((g) => out.add(g));
  return [...out];
}

/** Words officials use for one subject; each group is one topic. */
const SYNONYMS: string[][] = [
  ['ppp', '政府和社会资本合作'],
  ['户口迁移', '户籍', '落户', '户口'],
  ['扶贫', '脱贫', '贫困'],
  ['政府债务', '债务'],
  ['环评', '环境影响评价'],
  ['双随机', '双随机、一公开'],
  ['互联网+政务服务', '互联网＋政务服务', '一网通办'],
  ['热线', '热线电话'],
  ['舆情', '政务舆情'],
  ['三公', '“三公”', '三公经费'],
];
