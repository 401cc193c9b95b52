import type lunr from 'lunr';
import type { DocumentMeta } from '../domain/document.js';
import type { Query } from '../domain/query.js';
import type { Task } from '../domain/task.js';
import { functionOf } from '../domain/unit-name.js';
import { todayIn } from '../domain/calendar.js';
import { parseQuery, parseUnitWords, type Vocabulary } from '../query/query-parser.js';
import { Corpus, type CorpusOptions, type IndexedTask } from './corpus.js';
import { memorySource, type PlanSource } from './plan-source.js';
import { buildLunr } from './lunr-index.js';
import { LunrRanker } from './lunr-ranker.js';
import { retrieve, type SearchResult } from './retrieve.js';
import { withStatus } from './status-filter.js';
import { Tokenizer } from './tokenizer.js';

/**
 * The read-only core a question is answered from: corpus, tokenizer (with the unit dictionary), the
 * plans' lunr indexes (each read or built on first use) and the vocabulary the query parser learns
 * from the documents.
 */
export class SearchEngine {
  readonly vocab: Vocabulary;
  private readonly ranker: LunrRanker;
  private readonly indexes = new Map<string, lunr.Index>();

  private constructor(
    readonly corpus: Corpus,
    readonly tokenizer: Tokenizer,
    private readonly saved: ReadonlyMap<string, () => lunr.Index>,
  ) {
    this.ranker = new LunrRanker((doc) => this.indexOf(doc), corpus);
    this.vocab = {
      regionForms: corpus.regionForms,
      regionsByForm: corpus.regionsByForm,
      unitForms: corpus.unitForms,
      unitsByForm: corpus.unitsByForm,
      unitsByHead: corpus.unitsByHead,
      bodiesByHead: corpus.bodiesByHead,
      bodyDocs: corpus.bodyDocs,
      placeOf: (doc) => corpus.placeOf(doc),
      docsInside: (place) => corpus.docsInside(place),
      inText: (word) => corpus.inText(word),
      docYears: corpus.docs.map((d) => ({ doc: d.doc, year: d.year })),
      tokenize: (t) => tokenizer.terms(t),
    };
  }

  /**
   * The engine over parsed records. `saved` reads a plan's saved lunr index (a shard's); a plan
   * without one, or whose saved index is damaged, has its index built from its tasks when first
   * needed. `replacing`: the engine a reload replaces, whose segmenter the new one extends.
   */
  static build(docs: DocumentMeta[], tasks: Task[], saved: ReadonlyMap<string, () => lunr.Index> = new Map(), replacing?: SearchEngine): SearchEngine {
    return SearchEngine.over(memorySource(docs, tasks), saved, replacing);
  }

  /** The engine over plans read when first needed (an index folder's shards); `opts` bounds the plans kept in memory. */
  static over(source: PlanSource, saved: ReadonlyMap<string, () => lunr.Index> = new Map(), replacing?: SearchEngine, opts: CorpusOptions = {}): SearchEngine {
    const corpus = new Corpus(source, opts);
    return new SearchEngine(corpus, new Tokenizer(dictionaryWords(corpus), replacing?.tokenizer), saved);
  }

  /** A plan's lunr index: its saved one, read on first use (only topic fallbacks need it), else built. */
  indexOf(doc: string): lunr.Index {
    let index = this.indexes.get(doc);
    if (!index) {
      const read = this.saved.get(doc);
      try {
        index = read ? read() : buildLunr(this.corpus.tasksOf(doc).map((t) => t.task));
      } catch {
        // A damaged saved index: build it again from the plan's tasks rather than fail the question.
        index = buildLunr(this.corpus.tasksOf(doc).map((t) => t.task));
      }
      this.indexes.set(doc, index);
    }
    return index;
  }

  /**
   * Understands and answers one question. `today` is YYYY-MM-DD (Asia/Shanghai today when absent);
   * `isDone` is the 办结 record that status questions (逾期的, 还有几项没完成) filter by.
   */
  ask(text: string, today?: string, isDone?: (taskId: string) => boolean): SearchResult {
    return this.answer(parseQuery(text, { today, vocab: this.vocab }), isDone);
  }

  /** Answers a query already understood (a follow-up merged with the question it replies to). */
  answer(query: Query, isDone?: (taskId: string) => boolean): SearchResult {
    return withStatus(retrieve(this.corpus, query, this.ranker), isDone);
  }

  /**
   * A unit's own tasks (bound words such as 蕉岭 县财政局): exactly those the answer to the same
   * words lists under the unit's name, as lead or responsible — not those that only reach it
   * through a collective (各部门); for a body (厦门市财政局), its whole plan. Read with only the
   * region, body and unit words (parseUnitWords), then the answers' own matcher. Empty when the
   * words name no unit.
   */
  ownTasks(unitWords: string, today: string = todayIn()): IndexedTask[] {
    const query = parseUnitWords(unitWords, this.vocab, today);
    if (!query.unit && !query.body) return [];
    const result = retrieve(this.corpus, query);
    return result.groups.flatMap((g) => g.sections.filter((s) => s.kind !== 'collective').flatMap((s) => s.tasks));
  }
}

/**
 * The library's vocabulary as jieba's user dictionary, so segmentation keeps its words whole: every
 * unit form (县财政局, 市发展改革委), its alias key and function (发改, 住建, 科工商务), every region
 * form (安居, 蕉岭县) and every body (厦门市财政局).
 */
function dictionaryWords(corpus: Corpus): string[] {
  const words = new Set<string>();
  for (const f of corpus.unitForms) {
    words.add(f.form);
    words.add(f.key);
    const func = functionOf(f.form)?.func;
    if (func && func.length >= 2) words.add(func);
  }
  for (const form of corpus.regionsByForm.keys()) words.add(form);
  for (const d of corpus.docs) words.add(d.issuer);
  return [...words];
}
