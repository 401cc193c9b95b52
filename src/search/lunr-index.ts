import lunr from 'lunr';
import type { Corpus, IndexedTask } from './corpus.js';
import type { TopicRanker } from './topic.js';
import { STOP_WORDS, type Tokenizer } from './tokenizer.js';

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
 * Builds the lean full-text index topic questions fall back on: category (boost 2), requirement,
 * units (boost 3) and deadline words, segmented by jieba, one entry per distinct text (plans copy
 * each other's wording, so a corpus of every county holds far fewer texts than tasks). Unit, date
 * and kind questions are answered by structured filters, not by this index.
 */
export function buildLunr(corpus: Corpus, tokenizer: Tokenizer): lunr.Index {
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
    tokenizer.tokenize(String(obj ?? '')).map((w, i) => new lunr.Token(w, { position: [i, 1], index: i }));
  for (const [key, [t]] of corpus.byText) {
    builder.add({ id: key, task: t.task.task, requirement: t.task.requirement, units: [...t.task.lead, ...t.task.responsible].join(' '), deadline: t.task.deadline_raw });
  }
  return builder.build();
}

export function loadLunr(json: object): lunr.Index {
  registerPipeline();
  return lunr.Index.load(json);
}

/** Ranks tasks with the lunr index; user words only reach lunr through `index.query`, never its parser. */
export class LunrRanker implements TopicRanker {
  constructor(
    private readonly index: () => lunr.Index,
    private readonly corpus: Corpus,
    private readonly tokenizer: Tokenizer,
  ) {}

  /** Every task holding any of the words, best first (the candidates when no task holds them all). */
  rank(words: string[], docs: Set<string>): IndexedTask[] {
    const terms = words.flatMap((w) => this.tokenizer.terms(w));
    if (!terms.length) return [];
    const hits = this.index().query((q) => {
      for (const term of terms) q.term(term, { presence: lunr.Query.presence.OPTIONAL });
    });
    return hits
      .flatMap((h) => this.corpus.byText.get(h.ref) ?? [])
      .filter((t) => docs.has(t.task.doc));
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
