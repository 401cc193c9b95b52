import lunr from 'lunr';
import type { Corpus, IndexedTask } from './corpus.js';
import { lunrTokenizer } from './lunr-index.js';
import type { TopicRanker } from './topic.js';

/** Ranks tasks with the plans' lunr indexes; user words only reach lunr through `index.query`, never its parser. */
export class LunrRanker implements TopicRanker {
  constructor(
    private readonly indexOf: (doc: string) => lunr.Index,
    private readonly corpus: Corpus,
  ) {}

  /** Every task of the plans holding any of the words, best first (the candidates when no task holds them all). */
  rank(words: string[], docs: Set<string>): IndexedTask[] {
    const terms = words.flatMap((w) => lunrTokenizer.terms(w));
    if (!terms.length) return [];
    const hits: Array<{ score: number; tasks: IndexedTask[] }> = [];
    for (const doc of docs) {
      const texts = this.corpus.textsOf(doc);
      const found = this.indexOf(doc).query((q) => {
        for (const term of terms) q.term(term, { presence: lunr.Query.presence.OPTIONAL });
      });
      for (const h of found) hits.push({ score: h.score, tasks: texts.get(h.ref) ?? [] });
    }
    return hits.sort((a, b) => b.score - a.score).flatMap((h) => h.tasks);
  }

  /** Orders a result list by how much of it is about the words: category hits weigh most. */
  order(tasks: IndexedTask[], words: string[]): IndexedTask[] {
    const score = (t: IndexedTask) => {
      const category = t.task.task.toLowerCase();
      const requirement = t.task.requirement.toLowerCase();
      return words.reduce((n, w) => n + 3 * occurrences(category, w) + occurrences(requirement, w), 0);
    };
    return tasks
      .map((t, i) => ({ t, i, s: score(t) }))
      .sort((a, b) => b.s - a.s || a.i - b.i)
      .map((x) => x.t);
  }
}

/** How many times a word occurs in a text, none overlapping. */
function occurrences(text: string, word: string): number {
  let n = 0;
  for (let at = text.indexOf(word); at >= 0 && word; at = text.indexOf(word, at + word.length)) n++;
  return n;
}
