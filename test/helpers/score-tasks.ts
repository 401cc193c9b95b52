import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Task } from '../../src/domain/task.js';
import { readJsonl } from './records.js';

/**
 * A TypeScript port of the reference task scorer (`tools/eval_tasks.py` of the shared material),
 * so the suite scores parses without Python and without anything beside the clone. Same matching,
 * same counts, same rounding: on the same inputs it prints the same SUMMARY numbers.
 *
 * Each gold record is matched to the parsed task of the same document whose normalized
 * requirement is most similar (difflib's SequenceMatcher ratio, ported below); a match needs
 * similarity >= 0.85. A parsed task may match several gold records. Then per matched record:
 * lead (sorted, punctuation-insensitive), deadline kind, and for kind `by` the date.
 */

/** A gold record (the fields the scorer reads; hand-read expected records fit). */
export interface GoldRecord {
  doc?: string;
  seq?: string;
  item?: string;
  requirement: string;
  lead?: string[];
  deadline?: { kind?: string; date?: string } | null;
  deadline_raw?: string;
}

/** A parsed task as the scorer sees it (a Task fits; so does a task record read from JSON). */
export type ScoredTask = Partial<Pick<Task, 'doc' | 'requirement'>> & {
  source?: string;
  file?: string;
  lead?: string[] | null;
  deadline?: { kind?: string; date?: string } | null;
};

/** Percentages with one decimal, as the Python SUMMARY line prints them; `gold` is a count. */
export interface Scores {
  recall: number;
  precision: number;
  lead: number;
  kind: number;
  date: number;
  gold: number;
}

export interface TaskScores {
  perDoc: Record<string, Scores>;
  summary: Scores;
  /** One line per document, as the Python scorer prints it. */
  report: string[];
  /** What `--verbose` prints: every MISS, LEAD, KIND and DATE difference. */
  mismatches: string[];
}

// Python's `\s` on str (3.11): ASCII whitespace, the separators \x1c-\x1f, \x85 and Unicode Zs
// and line/paragraph separators. JavaScript's `\s` differs (no \x1c-\x1f or \x85, adds \ufeff).
const WS = '\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const PUNCT = new RegExp(`[${WS}\\u3000\\xa0，,。.、；;：:“”"'‘’（）()《》【】\\[\\]!！?？\\-—…·/]+`, 'gu');
// Python's `\d` on str is any Unicode decimal digit (category Nd).
const NUM = new RegExp(`^[${WS}]*(\\p{Nd}+|[一二三四五六七八九十]+)[.．、)][${WS}]*`, 'u');
const THRESHOLD = 0.85;

export function norm(s: string | null | undefined): string {
  return (s || '').normalize('NFKC').replace(NUM, '').replace(PUNCT, '');
}

export function unitNorm(u: string | null | undefined): string {
  return (u || '').normalize('NFKC').replace(PUNCT, '');
}

function codePoints(s: string): number[] {
  return Array.from(s, (c) => c.codePointAt(0)!);
}

/** Python str ordering: by code point (JavaScript's default sort compares UTF-16 units). */
function byCodePoint(a: string, b: string): number {
  const x = codePoints(a);
  const y = codePoints(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] - y[i];
  return x.length - y.length;
}

/**
 * difflib.SequenceMatcher(None, a, b, autojunk=False) over code points: ratio, quick_ratio and
 * real_quick_ratio. With no junk function and no autojunk every element of b is indexed, so
 * find_longest_match is the plain dynamic programme (its junk-extension loops never extend).
 */
export class SequenceMatcher {
  private readonly a: number[];
  private readonly b: number[];
  private b2jMap: Map<number, number[]> | undefined;

  /** Strings, or their code points (callers comparing one string with many pass them once). */
  constructor(a: string | number[], b: string | number[]) {
    this.a = typeof a === 'string' ? codePoints(a) : a;
    this.b = typeof b === 'string' ? codePoints(b) : b;
  }

  /** Where each element occurs in b, built on first use (the quick ratios do not need it). */
  private get b2j(): Map<number, number[]> {
    if (!this.b2jMap) {
      this.b2jMap = new Map();
      this.b.forEach((elt, j) => {
        const idx = this.b2jMap!.get(elt);
        if (idx) idx.push(j);
        else this.b2jMap!.set(elt, [j]);
      });
    }
    return this.b2jMap;
  }

  /** Longest matching block in a[alo:ahi] and b[blo:bhi]; ties as difflib breaks them. */
  findLongestMatch(alo: number, ahi: number, blo: number, bhi: number): [number, number, number] {
    const b2j = this.b2j;
    let besti = alo;
    let bestj = blo;
    let bestsize = 0;
    let j2len = new Map<number, number>();
    for (let i = alo; i < ahi; i++) {
      const newj2len = new Map<number, number>();
      for (const j of b2j.get(this.a[i]) ?? []) {
        if (j < blo) continue;
        if (j >= bhi) break;
        const k = (j2len.get(j - 1) ?? 0) + 1;
        newj2len.set(j, k);
        if (k > bestsize) {
          besti = i - k + 1;
          bestj = j - k + 1;
          bestsize = k;
        }
      }
      j2len = newj2len;
    }
    return [besti, bestj, bestsize];
  }

  /** Sum of the sizes of get_matching_blocks(). */
  matches(): number {
    const queue: Array<[number, number, number, number]> = [[0, this.a.length, 0, this.b.length]];
    let total = 0;
    while (queue.length) {
      const [alo, ahi, blo, bhi] = queue.pop()!;
      const [i, j, k] = this.findLongestMatch(alo, ahi, blo, bhi);
      if (k) {
        total += k;
        if (alo < i && blo < j) queue.push([alo, i, blo, j]);
        if (i + k < ahi && j + k < bhi) queue.push([i + k, ahi, j + k, bhi]);
      }
    }
    return total;
  }

  private calc(m: number): number {
    const length = this.a.length + this.b.length;
    return length ? (2.0 * m) / length : 1.0;
  }

  ratio(): number {
    return this.calc(this.matches());
  }

  quickRatio(): number {
    const fullbcount = new Map<number, number>();
    for (const elt of this.b) fullbcount.set(elt, (fullbcount.get(elt) ?? 0) + 1);
    const avail = new Map<number, number>();
    let m = 0;
    for (const elt of this.a) {
      const numb = avail.has(elt) ? avail.get(elt)! : (fullbcount.get(elt) ?? 0);
      avail.set(elt, numb - 1);
      if (numb > 0) m++;
    }
    return this.calc(m);
  }

  realQuickRatio(): number {
    return this.calc(Math.min(this.a.length, this.b.length));
  }
}

/** Python's round(x, 1): the nearest tenth of the double's exact value, exact ties to even. */
function round1(x: number): number {
  // An exact tie k + 0.05 is dyadic only when it is an odd multiple of 0.25 (…25 or …75).
  const q = x * 4; // exact: a power of two
  if (Number.isInteger(q) && q % 2 !== 0) {
    const lo = Math.floor(x * 10); // exact enough: x*10 = n + 0.5 is representable here
    return (lo % 2 === 0 ? lo : lo + 1) / 10;
  }
  return Number(x.toFixed(1)); // toFixed rounds the exact value; only ties differ from Python
}

function pct(a: number, b: number): number {
  return b ? (100.0 * a) / b : 100.0;
}

function docKey(d: unknown): string {
  const s = String(d || '');
  return s.slice(s.lastIndexOf('/') + 1);
}

/** The first n code points of s (Python's s[:n]). */
function head(s: string, n: number): string {
  return Array.from(s).slice(0, n).join('');
}

interface Counts {
  gold: number;
  found: number;
  lead_ok: number;
  kind_ok: number;
  dated: number;
  date_ok: number;
  mine: number;
  mine_matched: number;
}

function scoresOf(c: Counts): Scores {
  return {
    recall: round1(pct(c.found, c.gold)),
    precision: round1(pct(c.mine_matched, c.mine)),
    lead: round1(pct(c.lead_ok, c.found)),
    kind: round1(pct(c.kind_ok, c.found)),
    date: round1(pct(c.date_ok, c.dated)),
    gold: c.gold,
  };
}

/** Gold records of a folder's *.jsonl files, in file-name order; records without `doc` are skipped. */
export function readGold(dir: string, docs?: Set<string>): GoldRecord[] {
  return readdirSync(dir)
    .filter((n) => n.endsWith('.jsonl'))
    .sort(byCodePoint)
    .flatMap((n) => readJsonl<GoldRecord>(join(dir, n)))
    .filter((r) => 'doc' in r && (!docs || docs.has(r.doc!)));
}

/** Scores parsed tasks against gold records, per document of the gold and pooled. */
export function scoreTasks(gold: GoldRecord[], tasks: ScoredTask[]): TaskScores {
  const byDoc = new Map<string, GoldRecord[]>();
  for (const g of gold) {
    if (g.doc === undefined) continue;
    const list = byDoc.get(g.doc);
    if (list) list.push(g);
    else byDoc.set(g.doc, [g]);
  }
  const mine = new Map<string, ScoredTask[]>();
  for (const t of tasks) {
    const key = docKey(t.doc || t.source || t.file);
    const list = mine.get(key);
    if (list) list.push(t);
    else mine.set(key, [t]);
  }

  const totals: Counts = { gold: 0, found: 0, lead_ok: 0, kind_ok: 0, dated: 0, date_ok: 0, mine: 0, mine_matched: 0 };
  const perDoc: Record<string, Scores> = {};
  const report: string[] = [];
  const mismatches: string[] = [];
  for (const doc of [...byDoc.keys()].sort(byCodePoint)) {
    const cands = mine.get(doc) ?? [];
    const cnorm = cands.map((t) => norm(t.requirement ?? ''));
    const ccodes = cnorm.map(codePoints);
    const used = new Set<number>();
    const c: Counts = { gold: 0, found: 0, lead_ok: 0, kind_ok: 0, dated: 0, date_ok: 0, mine: 0, mine_matched: 0 };
    for (const g of byDoc.get(doc)!) {
      const at = `${doc} seq=${g.seq} item=${g.item}`;
      const gn = norm(g.requirement);
      const gcodes = codePoints(gn);
      let best = 0.0;
      let bi = -1;
      for (let i = 0; i < cnorm.length; i++) {
        const tn = cnorm[i];
        if (!tn || !gn) continue;
        if (tn === gn) {
          best = 1.0;
          bi = i;
          break;
        }
        const q = new SequenceMatcher(gcodes, ccodes[i]);
        if (q.realQuickRatio() < THRESHOLD || q.quickRatio() < THRESHOLD) continue;
        const r = q.ratio();
        if (r > best) {
          best = r;
          bi = i;
        }
      }
      c.gold++;
      if (best < THRESHOLD) {
        mismatches.push(`MISS ${at} ${head(g.requirement, 40)}`);
        continue;
      }
      used.add(bi);
      const t = cands[bi];
      c.found++;
      const glead = (g.lead ?? []).map(unitNorm).sort(byCodePoint);
      const tlead = (t.lead || []).map(unitNorm).sort(byCodePoint);
      if (glead.length === tlead.length && glead.every((u, i) => u === tlead[i])) c.lead_ok++;
      else mismatches.push(`LEAD ${at} gold=${JSON.stringify(g.lead)} got=${JSON.stringify(t.lead)}`);
      const gd = g.deadline || {};
      const td = t.deadline || {};
      if ((gd.kind ?? null) === (td.kind ?? null)) c.kind_ok++;
      else mismatches.push(`KIND ${at} gold=${JSON.stringify(gd)} got=${JSON.stringify(td)} raw=${JSON.stringify(g.deadline_raw)}`);
      if (gd.kind === 'by') {
        c.dated++;
        // str(td.get("date", ""))[:10] == gd.get("date")
        const tdate = td.date === undefined ? '' : td.date === null ? 'None' : String(td.date);
        if (td.kind === 'by' && head(tdate, 10) === gd.date) c.date_ok++;
        else mismatches.push(`DATE ${at} gold=${gd.date} got=${JSON.stringify(td)}`);
      }
    }
    c.mine = cands.length;
    c.mine_matched = used.size;
    for (const k of Object.keys(totals) as Array<keyof Counts>) totals[k] += c[k];
    const s = scoresOf(c);
    perDoc[doc] = s;
    report.push(
      `${doc}: gold ${c.gold} project ${c.mine} | recall ${s.recall.toFixed(1)}% precision ${s.precision.toFixed(1)}% | ` +
        `lead ${s.lead.toFixed(1)}% kind ${s.kind.toFixed(1)}% date ${s.date.toFixed(1)}% (${c.dated} dated)`,
    );
  }
  return { perDoc, summary: scoresOf(totals), report, mismatches };
}
