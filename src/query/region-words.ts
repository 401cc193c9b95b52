import { isAncestor, placesIn, placesNamed, regionName, shortName, type Place } from '../domain/gazetteer.js';
import type { Vocabulary } from './vocabulary.js';

export interface RegionReading {
  /** The text with the region words taken out (a 市/县/区 ending kept for the unit after it). */
  rest: string;
  /** Plans of the regions named, at their own level. */
  docs: Set<string>;
  /** Plans of regions inside the ones named (开平 inside 江门): shown after, marked, never for a unit. */
  inner: Set<string>;
  regionWords: string[];
  /** A division the gazetteer knows and the library has no plan for (广州市). */
  unknownRegion?: string;
  /** Library regions a mistyped place word is closest to (焦岭 → 蕉岭县), and that word as typed. */
  suggestions?: string[];
  mistyped?: string;
}

/**
 * Reads the region words of a question: first the library's own region forms (longest first), then
 * the divisions of China that the gazetteer knows — a division with plans inside it selects them as
 * inner plans, one with none is an unknown region, never a topic word — and last a word at the head
 * of the question one character away from a library region, which is offered as a suggestion.
 */
export function readRegions(text: string, vocab: Vocabulary): RegionReading {
  let rest = text;
  // Where region words are looked for: `rest`, with the ones found (and kept) blanked out.
  let scan = text;
  const docs = new Set<string>();
  const inner = new Set<string>();
  const regionWords: string[] = [];
  let first = Infinity;
  const hits: Array<{ form: string; index: number; places: Place[] }> = [];
  // Spans of unit names holding a region word, left as they are.
  const kept: Array<{ start: number; end: number }> = [];
  const inUnit = (at: number) => kept.some((k) => at >= k.start && at < k.end);
  for (let hit = longestForm(scan, vocab.regionsByForm); hit && regionWords.length < MAX_REGIONS; hit = longestForm(scan, vocab.regionsByForm)) {
    const { form, index } = hit[0];
    regionWords.push(form);
    scan = scan.slice(0, index) + ' '.repeat(form.length) + scan.slice(index + form.length);
    hits.push({ form, index, places: [...new Set(vocab.regionsByForm.get(form)!.flatMap((d) => vocab.placeOf(d) ?? []))] });
    // 谯城经开区管委会, 桂林市阳朔生态环境局: a unit whose printed name holds the region keeps it (and the division before it).
    const unit = unitSpan(rest, index, form.length, vocab);
    if (unit) {
      kept.push(unit);
      continue;
    }
    const keep = /[市县区]$/.test(form) ? form.slice(-1) : '';
    // Blanked to the same length, so `scan` and `rest` keep their positions.
    rest = rest.slice(0, index) + keep.padStart(form.length, ' ') + rest.slice(index + form.length);
  }
  // 安徽亳州谯城区: a library region printed just before a region inside it only says where that is.
  for (const h of hits) {
    if (hits.some((o) => qualifies(h, o, text))) continue;
    first = Math.min(first, h.index);
    for (const d of vocab.regionsByForm.get(h.form)!) docs.add(d);
    for (const place of h.places) vocab.docsInside(place).forEach((i) => inner.add(i));
  }
  docs.forEach((d) => inner.delete(d));
  if (regionWords.length) {
    // 梅州市蕉岭县, 广东省 深圳: a division above the region named, printed before it, says nothing more.
    const own = [...docs].flatMap((d) => vocab.placeOf(d) ?? []);
    for (const m of placesIn(rest.slice(0, first)).reverse()) {
      if (!m.places.some((p) => own.some((o) => isAncestor(p, o)))) continue;
      if (inUnit(m.index)) continue;
      rest = `${rest.slice(0, m.index)} ${rest.slice(m.end)}`;
      first -= m.end - m.index - 1;
      regionWords.push(m.name);
    }
    // 四川安居区, 安徽亳州谯城区: the same, printed without its level (四川 for 四川省).
    for (const p of new Set(own.flatMap((o) => ancestorsOf(o)))) {
      const short = shortName(p);
      const at = short ? rest.slice(0, first).lastIndexOf(short) : -1;
      if (!short || at < 0 || inUnit(at)) continue;
      rest = `${rest.slice(0, at)} ${rest.slice(at + short.length)}`;
      first -= short.length - 1;
      regionWords.push(p.name);
    }
    return { rest, docs, inner, regionWords };
  }

  const place = placeNamed(rest, vocab);
  if (place) {
    const inside = place.places.flatMap((p) => vocab.docsInside(p));
    const name = regionName(place.places[0]);
    const cut = rest.slice(0, place.index) + ' ' + (/[市县区]$/.test(place.word) ? place.word.slice(-1) : '') + rest.slice(place.index + place.word.length);
    if (inside.length) return { rest: cut, docs, inner: new Set(inside), regionWords: [name] };
    return { rest: cut, docs, inner, regionWords: [name], unknownRegion: name };
  }
  const close = closeRegions(rest, vocab);
  return { rest, docs, inner, regionWords, ...(close ? { suggestions: close.names, mistyped: close.word } : {}) };
}

/**
 * True when region `a`, printed before region `b` with nothing but the names of divisions above `b`
 * between them, is one of those divisions: 安徽 in 安徽亳州谯城区.
 */
function qualifies(a: { form: string; index: number; places: Place[] }, b: { index: number; places: Place[] }, text: string): boolean {
  if (a.index >= b.index || !a.places.length || !a.places.every((p) => b.places.some((o) => isAncestor(p, o) && p !== o))) return false;
  const above = b.places.flatMap((o) => ancestorsOf(o)).flatMap((p) => [p.name, shortName(p) ?? p.name]);
  let between = text.slice(a.index + a.form.length, b.index);
  for (const name of above.sort((x, y) => y.length - x.length)) between = between.split(name).join('');
  return between.trim() === '';
}

/** The divisions above a place, nearest first. */
function ancestorsOf(place: Place): Place[] {
  const out: Place[] = [];
  for (let p = place.parent; p; p = p.parent) out.push(p);
  return out;
}

/**
 * A division of China named in the text: a full name anywhere (成都市, 台山市), or at the head of the
 * question a name without its 市/县/区/省 (广州, 台山) that no unit word continues (公安局 is no 公安县).
 */
function placeNamed(text: string, vocab: Vocabulary): { index: number; word: string; places: Place[] } | undefined {
  const full = placesIn(text)[0];
  if (full) return { index: full.index, word: full.name, places: full.places };
  const head = HEAD.exec(text);
  if (!head) return undefined;
  const index = head.index + head[1].length;
  for (const len of [3, 2]) {
    const word = text.slice(index, index + len);
    if (!/^[\u4e00-\u9fff]+$/.test(word) || UNIT_NEXT.test(text.slice(index + len))) continue;
    const places = SUFFIXES.flatMap((s) => placesNamed(word + s));
    // 惠民 is 惠民县, but in 惠民惠农资金 a word the plans use (a place with plans inside it stays a place).
    if (places.length && (!vocab.inText(word) || places.some((p) => vocab.docsInside(p).length))) return { index, word, places };
  }
  return undefined;
}

/**
 * The span of a unit form printed with the region in its name, covering the region word at `index`:
 * at its head (谯城经开区管委会), or after the division above it (桂林市阳朔生态环境局, 潍坊市生态环境局青州分局).
 */
function unitSpan(text: string, index: number, regionLength: number, vocab: Vocabulary): { start: number; end: number } | undefined {
  for (let start = Math.max(0, index - 8); start <= index; start++) {
    for (let end = Math.min(text.length, start + 24); end > index + regionLength; end--) if (vocab.unitsByForm.has(text.slice(start, end))) return { start, end };
  }
  return undefined;
}

/** Library regions one character away from the word heading the question (焦岭, 陆安, 蕉领县). */
function closeRegions(text: string, vocab: Vocabulary): { names: string[]; word: string } | undefined {
  const head = HEAD.exec(text);
  if (!head) return undefined;
  const index = head.index + head[1].length;
  const out = new Set<string>();
  let typed = '';
  const masked = maskedForms(vocab.regionsByForm);
  for (const len of keyLengthsOf(vocab.regionsByForm)) {
    const word = text.slice(index, index + len);
    if (word.length !== len || UNIT_NEXT.test(text.slice(index + len))) continue;
    const close = Array.from({ length: len }, (_, i) => masked.get(mask(word, i)) ?? []).flat().filter((f) => f !== word);
    // A word the plans use (普法) is no mistyped place.
    if (!close.length || vocab.inText(word)) continue;
    for (const form of close) {
      const place = vocab.placeOf(vocab.regionsByForm.get(form)![0]);
      out.add(place ? regionName(place) : form);
    }
    if (word.length > typed.length) typed = word;
  }
  return out.size ? { names: [...out].slice(0, 5), word: typed } : undefined;
}

/** A form with its i-th character hidden: forms one character apart share one of these. */
function mask(form: string, i: number): string {
  return `${form.slice(0, i)}\u0000${form.slice(i + 1)}`;
}

/** Every region form under each of its masks, built once per dictionary: a typo is looked up, not compared with every form. */
function maskedForms(dict: Map<string, unknown>): Map<string, string[]> {
  let masked = masks.get(dict);
  if (!masked) {
    masked = new Map();
    for (const form of dict.keys()) {
      for (let i = 0; form.length >= 2 && i < form.length; i++) {
        const key = mask(form, i);
        const same = masked.get(key);
        if (same) same.push(form);
        else masked.set(key, [form]);
      }
    }
    masks.set(dict, masked);
  }
  return masked;
}

const masks = new WeakMap<Map<string, unknown>, Map<string, string[]>>();

/**
 * The longest forms of a dictionary found in a text (all occurrences of that length, leftmost
 * first), by looking up the text's substrings: the cost grows with the text, not the dictionary.
 */
export function longestForm(text: string, dict: Map<string, unknown>): Array<{ form: string; index: number }> | undefined {
  for (const len of keyLengthsOf(dict)) {
    if (len > text.length) continue;
    const hits: Array<{ form: string; index: number }> = [];
    for (let i = 0; i + len <= text.length; i++) {
      const s = text.slice(i, i + len);
      if (dict.has(s)) hits.push({ form: s, index: i });
    }
    if (hits.length) return hits;
  }
  return undefined;
}

/** The key lengths (2 and more) of a dictionary, longest first. */
function keyLengthsOf(dict: Map<string, unknown>): number[] {
  let lengths = keyLengths.get(dict);
  if (!lengths) {
    lengths = [...new Set([...dict.keys()].map((k) => k.length))].filter((n) => n >= 2).sort((a, b) => b - a);
    keyLengths.set(dict, lengths);
  }
  return lengths;
}

/** The key lengths of each dictionary, longest first (dictionaries are read-only once built). */
const keyLengths = new WeakMap<Map<string, unknown>, number[]>();

/** Region words read in one question (more are no question: 蕉岭蕉岭蕉岭…). */
const MAX_REGIONS = 6;

/** The head of a question: spaces and polite openings before its first word. */
const HEAD = /^(\s*(?:请问|请|麻烦|帮我查一下|帮我查|查一下|查查|看看|问一下)?\s*)[\u4e00-\u9fff]/;
/** What continues a word into a unit name, so the word is no place (公安局, 民政厅). */
const UNIT_NEXT = /^[局委办厅处科室所站院队]|^中心/;
const SUFFIXES = ['市', '县', '区', '省', '自治区', '自治州', '自治县', '旗', '盟'];
