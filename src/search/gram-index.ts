import { z } from 'zod';
import { column, isCount, isString } from '../domain/column.js';

/**
 * A plan's characters and character pairs, each with how many of its distinct texts hold it. A gram
 * is a small integer (a map key the engine hashes fast, see `pair`) — two grams sharing a number
 * only widen the plans a word may be in, which are then read.
 */
export interface PlanGrams {
  grams: Int32Array;
  counts: Uint32Array;
}

/** One character or pair: the plans holding it (ascending positions, varint deltas) and the texts holding it over all plans. */
interface Posting {
  bytes: Uint8Array;
  last: number;
  texts: number;
}

/**
 * Which plans hold a word, without reading them: every character and character pair of each plan's
 * task texts (category and requirement, as `topicText` normalizes them), with the plans holding it.
 * A plan holding a word holds all of its pairs, so the plans holding every pair are a superset of
 * those holding the word — the few a question then reads. Plans keep their position for the index's
 * life: a removed plan is only marked gone, an added one is appended (`with`), so an update touches
 * the pairs of the plans it changes, never the rest. Immutable: a reload's index shares the old one's
 * unchanged postings.
 */
export class GramIndex {
  private constructor(
    /** Each position's plan key (a doc name in memory, a shard key on disk); null once removed. */
    readonly plans: ReadonlyArray<string | null>,
    /** The postings, or (an index read back) how to make them: made on first use, as a start-up's first question may search no word. */
    private source: ReadonlyMap<number, Posting> | (() => ReadonlyMap<number, Posting>),
  ) {}

  private get postings(): ReadonlyMap<number, Posting> {
    if (typeof this.source === 'function') this.source = this.source();
    return this.source;
  }

  static readonly empty = new GramIndex([], new Map());

  /**
   * This index with plans removed (their keys, with their grams when known, so their texts are no
   * longer counted) and plans added after the others. Rebuilt without the removed positions when
   * they are over a quarter of all.
   */
  with(removed: ReadonlyMap<string, PlanGrams | undefined>, added: ReadonlyArray<{ key: string; grams: PlanGrams }>): GramIndex {
    const plans = this.plans.map((k) => (k !== null && removed.has(k) ? null : k));
    const postings = new Map(this.postings);
    for (const r of removed.values()) {
      if (!r) continue;
      for (let i = 0; i < r.grams.length; i++) {
        const p = postings.get(r.grams[i]);
        if (p) postings.set(r.grams[i], { ...p, texts: Math.max(0, p.texts - r.counts[i]) });
      }
    }
    for (const [g, p] of appendPlans(plans, postings, added)) postings.set(g, p);
    const next = new GramIndex(plans, postings);
    const dead = plans.filter((k) => k === null).length;
    return dead > plans.length / 4 ? next.compacted() : next;
  }

  /** The same index without removed positions. */
  private compacted(): GramIndex {
    const to = new Int32Array(this.plans.length).fill(-1);
    const plans: string[] = [];
    this.plans.forEach((k, i) => {
      if (k !== null) to[i] = plans.push(k) - 1;
    });
    const postings = new Map<number, Posting>();
    for (const [g, p] of this.postings) {
      const at = decode(p.bytes).flatMap((i) => (to[i] >= 0 ? [to[i]] : []));
      if (at.length) postings.set(g, { ...appendPositions({ bytes: new Uint8Array(), last: -1 }, at), texts: p.texts });
    }
    return new GramIndex(plans, postings);
  }

  /** The positions of the live plans that may hold the word (every one of its characters or pairs), ascending. */
  candidates(word: string): number[] {
    const grams = gramsOf(word);
    if (!grams.length) return [];
    const lists: Posting[] = [];
    for (const g of grams) {
      const p = this.postings.get(g);
      if (!p) return [];
      lists.push(p);
    }
    lists.sort((a, b) => a.bytes.length - b.bytes.length);
    let out = decode(lists[0].bytes).filter((i) => this.plans[i] !== null);
    for (const p of lists.slice(1)) {
      if (!out.length) break;
      const has = new Set(decode(p.bytes));
      out = out.filter((i) => has.has(i));
    }
    return out;
  }

  /**
   * About how many distinct texts (counted per plan) hold the word: exact for one or two
   * characters, else the count of its rarest pair — a word's rarity, read without opening a plan.
   */
  textsHolding(word: string): number {
    const grams = gramsOf(word);
    if (!grams.length) return 0;
    return Math.min(...grams.map((g) => this.postings.get(g)?.texts ?? 0));
  }

  /** The index as a header (plans, pairs, counts, where each pair's plans are) and one buffer of positions. */
  serialize(): { header: GramHeader; body: Buffer } {
    const grams: number[] = [];
    const texts: number[] = [];
    const ends: number[] = [];
    const lasts: number[] = [];
    let size = 0;
    for (const [g, p] of this.postings) {
      grams.push(g);
      texts.push(p.texts);
      lasts.push(p.last);
      ends.push((size += p.bytes.length));
    }
    const body = Buffer.allocUnsafe(size);
    let at = 0;
    for (const p of this.postings.values()) {
      body.set(p.bytes, at);
      at += p.bytes.length;
    }
    return { header: { version: 1, plans: [...this.plans], grams, texts, ends, lasts }, body };
  }

  /** An index read back; an error says what does not fit. */
  static load(header: GramHeader, body: Uint8Array): GramIndex | { error: string } {
    const { grams, texts, ends, lasts } = header;
    if (texts.length !== grams.length || ends.length !== grams.length || lasts.length !== grams.length) return { error: 'grams, texts, ends and lasts differ in length' };
    if ((ends[ends.length - 1] ?? 0) !== body.length) return { error: `positions end at ${ends[ends.length - 1] ?? 0}, the file holds ${body.length} bytes` };
    for (let i = 0, start = 0; i < grams.length; start = ends[i++]) {
      if (ends[i] < start || lasts[i] >= header.plans.length) return { error: `grams.${i}: positions out of range` };
    }
    return new GramIndex(header.plans, () => {
      const postings = new Map<number, Posting>();
      for (let i = 0, start = 0; i < grams.length; start = ends[i++]) postings.set(grams[i], { bytes: body.subarray(start, ends[i]), last: lasts[i], texts: texts[i] });
      return postings;
    });
  }
}

const counts = column('an integer ≥ 0', isCount);
export const GramHeader = z.object({
  version: z.literal(1),
  plans: column('a plan key or null', (v): v is string | null => v === null || isString(v)),
  grams: counts,
  texts: counts,
  ends: counts,
  lasts: column('an integer ≥ -1', (v): v is number => v === -1 || isCount(v)),
});
export type GramHeader = z.infer<typeof GramHeader>;

/** Every character and pair of a plan's distinct texts, with how many texts hold it (an open-addressed table: a plan's texts run to some 10,000 characters). */
export function gramsOfTexts(texts: Iterable<string>): PlanGrams {
  let bits = 13;
  let size = 1 << bits;
  let keys = new Int32Array(size).fill(-1);
  let counts = new Uint32Array(size);
  let stamps = new Int32Array(size);
  let used = 0;
  let stamp = 0;
  const put = (g: number) => {
    // Fibonacci hashing: the product's top bits.
    let slot = Math.imul(g, 0x9e3779b1) >>> (32 - bits);
    for (;;) {
      slot &= size - 1;
      if (keys[slot] === g) break;
      if (keys[slot] === -1) {
        keys[slot] = g;
        used++;
        break;
      }
      slot++;
    }
    // Counted once per text.
    if (stamps[slot] !== stamp) {
      stamps[slot] = stamp;
      counts[slot]++;
    }
    if (used * 2 > size) {
      const old = { keys, counts, stamps };
      bits++;
      size = 1 << bits;
      keys = new Int32Array(size).fill(-1);
      counts = new Uint32Array(size);
      stamps = new Int32Array(size);
      used = 0;
      for (let i = 0; i < old.keys.length; i++) {
        if (old.keys[i] === -1) continue;
        let at = Math.imul(old.keys[i], 0x9e3779b1) >>> (32 - bits);
        for (;;) {
          at &= size - 1;
          if (keys[at] === -1) break;
          at++;
        }
        keys[at] = old.keys[i];
        counts[at] = old.counts[i];
        stamps[at] = old.stamps[i];
        used++;
      }
    }
  };
  for (const text of texts) {
    stamp++;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      put(pair(c, 0));
      if (i + 1 < text.length) put(pair(c, text.charCodeAt(i + 1)));
    }
  }
  const out: PlanGrams = { grams: new Int32Array(used), counts: new Uint32Array(used) };
  for (let i = 0, n = 0; i < size; i++) {
    if (keys[i] === -1) continue;
    out.grams[n] = keys[i];
    out.counts[n++] = counts[i];
  }
  return out;
}

/** A character pair as one gram below 2^30 (fast map keys): 15 bits of each UTF-16 unit; a character alone is its pair with nothing (no text holds U+0000). */
function pair(a: number, b: number): number {
  return ((a & 0x7fff) << 15) | (b & 0x7fff);
}

/** A word's characters and character pairs (a pair stands for its two characters). */
function gramsOf(word: string): number[] {
  if (word.length === 1) return [pair(word.charCodeAt(0), 0)];
  const out = new Set<number>();
  for (let i = 0; i + 1 < word.length; i++) out.add(pair(word.charCodeAt(i), word.charCodeAt(i + 1)));
  return [...out];
}

/**
 * Appends the plans' positions to the postings of their grams; returns the postings extended. In
 * two passes over flat arrays (count, then place), not one growing list per gram: a library's
 * millions of (plan, gram) pairs would each touch another gram's buffer.
 */
function appendPlans(plans: Array<string | null>, postings: ReadonlyMap<number, Posting>, added: ReadonlyArray<{ key: string; grams: PlanGrams }>): Map<number, Posting> {
  const slotOf = new Map<number, number>();
  const gramOf: number[] = [];
  let sizes = new Int32Array(1024);
  let texts = new Float64Array(1024);
  const slots = added.map(({ grams: { grams, counts } }) => {
    const own = new Int32Array(grams.length);
    for (let i = 0; i < grams.length; i++) {
      let slot = slotOf.get(grams[i]);
      if (slot === undefined) {
        slot = gramOf.push(grams[i]) - 1;
        slotOf.set(grams[i], slot);
        if (slot >= sizes.length) {
          sizes = grow(sizes, new Int32Array(sizes.length * 2));
          texts = grow(texts, new Float64Array(texts.length * 2));
        }
      }
      own[i] = slot;
      sizes[slot]++;
      texts[slot] += counts[i];
    }
    return own;
  });
  const starts = new Int32Array(gramOf.length + 1);
  for (let s = 0; s < gramOf.length; s++) starts[s + 1] = starts[s] + sizes[s];
  const at = new Int32Array(starts[gramOf.length]);
  const cursor = starts.slice(0, gramOf.length);
  added.forEach((a, n) => {
    const position = plans.push(a.key) - 1;
    for (const slot of slots[n]) at[cursor[slot]++] = position;
  });
  const out = new Map<number, Posting>();
  for (let s = 0; s < gramOf.length; s++) {
    const before = postings.get(gramOf[s]);
    out.set(gramOf[s], { ...appendPositions(before ?? { bytes: new Uint8Array(), last: -1 }, at.subarray(starts[s], starts[s + 1])), texts: (before?.texts ?? 0) + texts[s] });
  }
  return out;
}

function grow<T extends Int32Array | Float64Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

/** A posting with ascending positions appended after its last (varint deltas). */
function appendPositions(p: { bytes: Uint8Array; last: number }, at: ArrayLike<number>): { bytes: Uint8Array; last: number } {
  const out = new Uint8Array(p.bytes.length + at.length * 5);
  out.set(p.bytes);
  let n = p.bytes.length;
  let last = p.last;
  for (let k = 0; k < at.length; k++) {
    let d = at[k] - last;
    last = at[k];
    while (d >= 0x80) {
      out[n++] = (d & 0x7f) | 0x80;
      d >>>= 7;
    }
    out[n++] = d;
  }
  return { bytes: out.slice(0, n), last };
}

function decode(bytes: Uint8Array): number[] {
  const out: number[] = [];
  let last = -1;
  for (let i = 0; i < bytes.length; ) {
    let d = 0;
    let shift = 0;
    let b: number;
    do {
      b = bytes[i++];
      d |= (b & 0x7f) << shift;
      shift += 7;
    } while (b & 0x80);
    last += d;
    out.push(last);
  }
  return out;
}
