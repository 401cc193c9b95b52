import lunr from 'lunr';
import { z } from 'zod';
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
 * A plan's lunr index as the index folder keeps it: lunr's field vectors alone, with the terms
 * they number and the texts they score. lunr's saved form adds an inverted index, every posting
 * the vectors already hold written again as objects (two thirds of its bytes); it is rebuilt from
 * the vectors when the index is loaded (`lunrJson`).
 */
export const SavedLunr = z.object({
  version: z.string(),
  /** The terms, by lunr's term index (the order of first use). */
  terms: z.array(z.string()),
  /** The texts' refs (textGroups), in order. */
  refs: z.array(z.string()),
  /** Per text, per field (FIELDS' order), lunr's field vector: term index and score, by ascending index. */
  vectors: z.array(z.array(z.number())),
});
export type SavedLunr = z.infer<typeof SavedLunr>;

/**
 * One plan's lean full-text index, the topic questions' fallback: category (boost 2), requirement,
 * units (boost 3) and deadline words, one entry per distinct text (textGroups). Words are cut by
 * jieba's own dictionary (`lunrTokenizer`), not the library's units, so a plan's index is the same
 * whichever plans are beside it — built once per file, in a worker. Unit, date and kind questions
 * are answered by structured filters, not by this index.
 *
 * The vectors are lunr.Builder's for these documents, and `lunrJson` of them is what the Builder
 * saves, byte for byte (a test compares the two): written straight, since the Builder's token
 * objects, token set and vectors, which a saved index does not hold, cost two thirds of a plan's build.
 */
export function lunrData(tasks: Task[]): SavedLunr {
  const terms = new Map<string, { index: number; holding: number }>();
  const fields: Array<{ field: number; counts: Map<string, number>; length: number }> = [];
  const totals = FIELDS.map(() => 0);
  const refs: string[] = [];
  const texts = [...textGroups(tasks)].map(([ref, [i]]) => {
    const t = tasks[i];
    refs.push(ref);
    return [t.task, t.requirement, [...t.lead, ...t.responsible].join(' '), t.deadline_raw ?? ''];
  });
  // Units and deadline words repeat from text to text: each distinct value is cut once, all in one call.
  const distinct = [...new Set(texts.flat())];
  const cutEach = lunrTokenizer.termsOfEach(distinct);
  const cut = new Map(distinct.map((v, i) => [v, cutEach[i]]));
  const docs = texts.length;
  for (const values of texts) {
    for (let field = 0; field < values.length; field++) {
      const words = cut.get(values[field])!;
      const counts = new Map<string, number>();
      for (const w of words) {
        const seen = counts.get(w);
        counts.set(w, (seen ?? 0) + 1);
        let term = terms.get(w);
        if (!term) terms.set(w, (term = { index: terms.size, holding: 0 }));
        // lunr counts a text once per field holding the word.
        if (seen === undefined) term.holding++;
      }
      totals[field] += words.length;
      fields.push({ field, counts, length: words.length });
    }
  }
  const idf = new Map<string, number>();
  for (const [w, { holding }] of terms) idf.set(w, Math.log(1 + Math.abs((docs - holding + 0.5) / (holding + 0.5))));
  const vectors = fields.map(({ field, counts, length }) => {
    const boost = FIELDS[field][1];
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
    return elements;
  });
  return { version: lunr.version, terms: [...terms.keys()], refs, vectors };
}

/**
 * A saved plan index in lunr's own saved form: the field vectors named, and the inverted index
 * rebuilt from them (each term's texts per field, in the texts' order, terms sorted as lunr sorts
 * them). Throws, naming what is wrong, for vectors that do not fit their terms and texts.
 */
export function lunrJson(saved: SavedLunr): SerializedLunr {
  const { terms, refs, vectors } = saved;
  if (vectors.length !== refs.length * FIELDS.length) throw new Error(`lunr index: ${vectors.length} vectors for ${refs.length} texts`);
  const postings = terms.map((_, index) => {
    const posting: Posting = { _index: index };
    for (const [name] of FIELDS) posting[name] = {};
    return posting;
  });
  const fieldVectors = vectors.map((elements, k): [string, number[]] => {
    const name = FIELDS[k % FIELDS.length][0];
    const ref = refs[Math.floor(k / FIELDS.length)];
    for (let e = 0; e < elements.length; e += 2) {
      const posting = postings[elements[e]];
      if (!posting) throw new Error(`lunr index: vector ${k} names term ${elements[e]} of ${terms.length}`);
      (posting[name] as Record<string, object>)[ref] = {};
    }
    return [`${name}/${ref}`, elements];
  });
  const order = terms.map((_, i) => i).sort((a, b) => (terms[a] < terms[b] ? -1 : terms[a] > terms[b] ? 1 : 0));
  const invertedIndex = order.map((i): [string, Posting] => [terms[i], postings[i]]);
  return { version: saved.version, fields: FIELDS.map(([name]) => name), fieldVectors, invertedIndex, pipeline: [STOP_LABEL] };
}

/** A plan's lunr index built in memory (a plan held without an index folder, or a saved index damaged). */
export function buildLunr(tasks: Task[]): lunr.Index {
  return openLunr(lunrData(tasks));
}

/** The tokenizer of the plans' lunr indexes and of the words looked up in them. */
export const lunrTokenizer = new Tokenizer();

/** A saved plan index read back for searching; throws, naming the field, for one that is damaged. */
export function loadLunr(json: unknown): lunr.Index {
  return openLunr(SavedLunr.parse(json));
}

function openLunr(saved: SavedLunr): lunr.Index {
  registerPipeline();
  return lunr.Index.load(lunrJson(saved));
}
