import lunr from 'lunr';
import type { Corpus, IndexedTask } from './corpus.js';
import type { TopicRanker } from './topic.js';
import type { Task } from '../domain/task.js';
import { textGroups } from './text-groups.js';
import { STOP_WORDS, Tokenizer } from './tokenizer.js';

const STOP_LABEL = 'zwgkStopWords';

function stopFilter(token: lunr.Token): lunr.Token | undefined {
  return STOP_WORDS.has(token.toString()) ? undefined : token;
}

let registered = false;
/** Registers the pipeline function by label, so a saved index loads back (lunr.Index.load). */
export function registerPipeline(): void {
  if (registered) return;
  lunr.Pipeline.registerFunction(stopFilter as lunr.PipelineFunction, STOP_LABEL);
  registered = true;
}

/**
 * Builds one plan's lean full-text index, the topic questions' fallback: category (boost 2),
 * requirement, units (boost 3) and deadline words, one entry per distinct text (textGroups). Words
 * are cut by jieba's own dictionary (`plain`), not the library's units, so a plan's index is the
 * same whichever plans are beside it — built once per file, in a worker. Unit, date and kind
 * questions are answered by structured filters, not by this index.
 */
export function buildLunr(tasks: Task[]): lunr.Index {
  registerPipeline();
  const builder = new lunr.Builder();
  builder.pipeline.add(stopFilter as lunr.PipelineFunction);
  builder.searchPipeline.add(stopFilter as lunr.PipelineFunction);
  builder.ref('id');
  builder.field('task', { boost: 2 });
  builder.field('requirement');
  builder.field('units', { boost: 3 });
  builder.field('deadline');
  builder.metadataWhitelist = [];
  (builder as unknown as { tokenizer: (obj: unknown) => lunr.Token[] }).tokenizer = (obj: unknown) =>
    plain.tokenize(String(obj ?? '')).map((w, i) => new lunr.Token(w, { position: [i, 1], index: i }));
  for (const [key, [i]] of textGroups(tasks)) {
    const t = tasks[i];
    builder.add({ id: key, task: t.task, requirement: t.requirement, units: [...t.lead, ...t.responsible].join(' '), deadline: t.deadline_raw });
  }
  return builder.build();
}

/** The tokenizer of the plans' lunr indexes and of the words looked up in them. */
const plain = new Tokenizer();

export function loadLunr(json: object): lunr.Index {
  registerPipeline();
  return lunr.Index.load(json);
}

/** Ranks tasks with the plans' lunr indexes; user words only reach lunr through `index.query`, never its parser. */
export class LunrRanker implements TopicRanker {
  constructor(
    private readonly indexOf: (doc: string) => lunr.Index,
    private readonly corpus: Corpus,
  ) {}

  /** Every task of the plans holding any of the words, best first (the candidates when no task holds them all). */
  rank(words: string[], docs: Set<string>): IndexedTask[] {
    const terms = words.flatMap((w) => plain.terms(w));
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
    const count = (text: string, w: string) => text.split(w).length - 1;
    const score = (t: IndexedTask) =>
      words.reduce((n, w) => n + 3 * count(t.task.task.toLowerCase(), w) + count(t.task.requirement.toLowerCase(), w), 0);
    return tasks
      .map((t, i) => ({ t, i, s: score(t) }))
      .sort((a, b) => b.s - a.s || a.i - b.i)
      .map((x) => x.t);
  }
}
