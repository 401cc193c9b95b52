import lunr from 'lunr';
import type { Task } from '../domain/task.js';
import { textGroups } from './text-groups.js';
import { STOP_WORDS, Tokenizer } from './tokenizer.js';

const STOP_LABEL = 'zwgkStopWords';

/** The search pipeline of the saved indexes: question words that are stop words are dropped. */
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

/** The fields of a plan's lunr index with their boosts: units weigh most, then the category. */
const FIELDS = [
  ['task', 2],
  ['requirement', 1],
  ['units', 3],
  ['deadline', 1],
] as const;
/** lunr's BM25 constants (lunr.Builder's defaults). */
const K1 = 1.2;
const B = 0.75;

/** A term's posting in lunr's saved form: its `_index`, then per field the texts holding it. */
type Posting = Record<string, number | Record<string, object>>;

/** A lunr index as lunr.Index.toJSON writes it and lunr.Index.load reads it. */
export interface SerializedLunr {
  version: string;
  fields: string[];
  fieldVectors: Array<[string, number[]]>;
  invertedIndex: Array<[string, Posting]>;
  pipeline: string[];
}

/**
 * One plan's lean full-text index, the topic questions' fallback, in lunr's saved form: category
 * (boost 2), requirement, units (boost 3) and deadline words, one entry per distinct text
 * (textGroups). Words are cut by jieba's own dictionary (`lunrTokenizer`), not the library's units, so a
 * plan's index is the same whichever plans are beside it — built once per file, in a worker. Unit,
 * date and kind questions are answered by structured filters, not by this index.
 *
 * This is what lunr.Builder gives for these documents, byte for byte (a test compares the two),
 * written straight to the saved form: the Builder's token objects, token set and vectors, which a
 * saved index does not hold, cost two thirds of a plan's build.
 */
export function lunrData(tasks: Task[]): SerializedLunr {
  const terms = new Map<string, { index: number; refs: string[][] }>();
  const fields: Array<{ ref: string; field: number; counts: Map<string, number>; length: number }> = [];
  const totals = FIELDS.map(() => 0);
  const texts = [...textGroups(tasks)].map(([ref, [i]]) => {
    const t = tasks[i];
    return { ref, values: [t.task, t.requirement, [...t.lead, ...t.responsible].join(' '), t.deadline_raw ?? ''] };
  });
  // Units and deadline words repeat from text to text: each distinct value is cut once, all in one call.
  const distinct = [...new Set(texts.flatMap((t) => t.values))];
  const cutEach = lunrTokenizer.termsOfEach(distinct);
  const cut = new Map(distinct.map((v, i) => [v, cutEach[i]]));
  const docs = texts.length;
  for (const { ref, values } of texts) {
    for (let field = 0; field < values.length; field++) {
      const words = cut.get(values[field])!;
      const counts = new Map<string, number>();
      for (const w of words) {
        counts.set(w, (counts.get(w) ?? 0) + 1);
        let term = terms.get(w);
        if (!term) terms.set(w, (term = { index: terms.size, refs: FIELDS.map(() => []) }));
        const refs = term.refs[field];
        if (refs[refs.length - 1] !== ref) refs.push(ref);
      }
      totals[field] += words.length;
      fields.push({ ref, field, counts, length: words.length });
    }
  }
  const idf = new Map<string, number>();
  for (const [w, term] of terms) {
    // lunr counts a text once per field holding the word.
    const holding = term.refs.reduce((n, refs) => n + refs.length, 0);
    idf.set(w, Math.log(1 + Math.abs((docs - holding + 0.5) / (holding + 0.5))));
  }
  const fieldVectors = fields.map(({ ref, field, counts, length }): [string, number[]] => {
    const [name, boost] = FIELDS[field];
    const average = totals[field] / docs;
    const scored: Array<[number, number]> = [];
    for (const [w, tf] of counts) {
      // lunr.Builder#createFieldVectors, operation for operation (the saved scores are compared byte for byte).
      let score = (idf.get(w)! * ((K1 + 1) * tf)) / (K1 * (1 - B + B * (length / average)) + tf);
      score *= boost;
      scored.push([terms.get(w)!.index, Math.round(score * 1000) / 1000]);
    }
    scored.sort((a, b) => a[0] - b[0]);
    const elements: number[] = [];
    for (const [index, score] of scored) elements.push(index, score);
    return [`${name}/${ref}`, elements];
  });
  const invertedIndex = [...terms.keys()].sort().map((w): [string, Posting] => {
    const term = terms.get(w)!;
    const posting: Posting = { _index: term.index };
    FIELDS.forEach(([name], field) => {
      const byRef: Record<string, object> = {};
      for (const ref of term.refs[field]) byRef[ref] = {};
      posting[name] = byRef;
    });
    return [w, posting];
  });
  return { version: lunr.version, fields: FIELDS.map(([name]) => name), fieldVectors, invertedIndex, pipeline: [STOP_LABEL] };
}

/** A plan's lunr index built in memory (a plan held without an index folder, or a saved index damaged). */
export function buildLunr(tasks: Task[]): lunr.Index {
  return loadLunr(lunrData(tasks));
}

/** The tokenizer of the plans' lunr indexes and of the words looked up in them. */
export const lunrTokenizer = new Tokenizer();

export function loadLunr(json: object): lunr.Index {
  registerPipeline();
  return lunr.Index.load(json);
}
