import { z } from 'zod';
import { column, isCount, isString } from '../domain/column.js';
import { type DocumentMeta, Level, Warning } from '../domain/document.js';
import type { PlanInfo } from '../search/plan-source.js';

/**
 * What the manifest remembers of a file: enough to know it unchanged (size, mtime, hint) without
 * reading it, and for a plan what start-up needs of it without reading its shard (its info, and
 * its shard's size, a cheap check that the shard is the one written). A plan's key and document
 * are its file's key and name.
 */
export interface ManifestFile {
  name: string;
  size: number;
  mtimeMs: number;
  hint: string;
  key: string;
  plan?: PlanInfo;
  shardBytes?: number;
}

/** The index folder's table of contents: each document file of the folder, the key of its shard and its plan's info. */
export interface Manifest {
  builtAt: string;
  /** The fingerprint of the code that built the shards (codeFingerprint). */
  code: string;
  files: ManifestFile[];
}

const strings = column('a string', isString);
const counts = column('an integer ≥ 0', isCount);
/** Positions in a table, comma-separated. */
const POSITIONS = /^(?:\d+(?:,\d+)*)?$/;

/**
 * manifest.json as written: the files and the plans as columns (the i-th value of each is the i-th
 * file's, or plan's), not one object per file, and each plan's units as one of a table of unit
 * lists (at 1000x, 5,650 plans print ~300,000 names between them, in 288 distinct lists of 634
 * names). Start-up reads it whole: 5,650 objects and 300,000 strings were most of a 12 MB
 * manifest's ~400 ms; plans printing the same list share one array, which the corpus reads once
 * (UnitReader.groups). The plans' columns are DocumentMeta's fields but `doc` (the file's name).
 */
export const StoredManifest = z.object({
  version: z.literal(5),
  builtAt: z.string(),
  code: z.string(),
  files: z.object({
    name: strings,
    size: column('a number', (v): v is number => Number.isFinite(v)),
    mtimeMs: column('a number', (v): v is number => Number.isFinite(v)),
    hint: strings,
    key: strings,
    /** The file's row in `plans`; -1 for a file that gave no plan. */
    plan: column('a plan row or -1', (v): v is number => v === -1 || isCount(v)),
  }),
  /** Every unit name the plans print, once. */
  unitNames: strings,
  /** Every list of units a plan prints, once: positions in `unitNames`, comma-separated. */
  unitLists: column('positions in unitNames, comma-separated', (v): v is string => isString(v) && POSITIONS.test(v)),
  plans: z.object({
    title: strings,
    issuer: strings,
    region: strings,
    regionAliases: column('a list of strings', (v): v is string[] => Array.isArray(v) && v.every(isString)),
    level: column(`one of ${Level.options.join(' ')}`, (v): v is Level => Level.options.includes(v as Level)),
    year: column('an integer or null', (v): v is number | null => v === null || Number.isInteger(v)),
    layout: strings,
    format: strings,
    taskCount: counts,
    hash: strings,
    /** Its units: a position in `unitLists`. */
    units: counts,
    texts: counts,
    shardBytes: column('an integer ≥ 0 or null', (v): v is number | null => v === null || isCount(v)),
  }),
  /** The plans' warnings (few plans have any), each with its plan's row. */
  warnings: z.array(z.object({ plan: z.number().int().nonnegative(), ...Warning.shape })),
});
export type StoredManifest = z.infer<typeof StoredManifest>;

/** The manifest as written. */
export function packManifest(m: Manifest): StoredManifest {
  const names = new Map<string, number>();
  const lists = new Map<string, number>();
  const position = <K>(table: Map<K, number>, k: K) => table.get(k) ?? table.set(k, table.size).get(k)!;
  const files: StoredManifest['files'] = { name: [], size: [], mtimeMs: [], hint: [], key: [], plan: [] };
  const plans: StoredManifest['plans'] = { title: [], issuer: [], region: [], regionAliases: [], level: [], year: [], layout: [], format: [], taskCount: [], hash: [], units: [], texts: [], shardBytes: [] };
  const warnings: StoredManifest['warnings'] = [];
  for (const f of m.files) {
    files.name.push(f.name);
    files.size.push(f.size);
    files.mtimeMs.push(f.mtimeMs);
    files.hint.push(f.hint);
    files.key.push(f.key);
    const p = f.plan;
    if (!p) {
      files.plan.push(-1);
      continue;
    }
    if (p.key !== f.key || p.meta.doc !== f.name) throw new Error(`manifest: the plan of ${f.name} is ${p.meta.doc} under ${p.key}, not its file's`);
    const row = plans.units.length;
    files.plan.push(row);
    const { meta } = p;
    plans.title.push(meta.title);
    plans.issuer.push(meta.issuer);
    plans.region.push(meta.region);
    plans.regionAliases.push(meta.regionAliases);
    plans.level.push(meta.level);
    plans.year.push(meta.year);
    plans.layout.push(meta.layout);
    plans.format.push(meta.format);
    plans.taskCount.push(meta.taskCount);
    plans.hash.push(meta.hash);
    plans.units.push(position(lists, p.units.map((u) => position(names, u)).join(',')));
    plans.texts.push(p.texts);
    plans.shardBytes.push(f.shardBytes ?? null);
    for (const w of p.warnings) warnings.push({ plan: row, ...w });
  }
  return { version: 5, builtAt: m.builtAt, code: m.code, files, unitNames: [...names.keys()], unitLists: [...lists.keys()], plans, warnings };
}

/** The manifest read back from its columns; an error names the field (and row) that does not fit. */
export function unpackManifest(s: StoredManifest): Manifest | { error: string } {
  const { files: f, plans: p, unitNames } = s;
  const lists = s.unitLists.map((list) => (list ? list.split(',').map((n) => unitNames[Number(n)]) : []));
  const past = lists.findIndex((units) => units.some((u) => u === undefined));
  if (past >= 0) return { error: `field unitLists.${past}: a position past unitNames (${unitNames.length})` };
  const count = (cols: Record<string, unknown[]>, at: string) => {
    const [first, ...rest] = Object.entries(cols);
    const odd = rest.find(([, v]) => v.length !== first[1].length);
    return odd ? { error: `field ${at}.${odd[0]}: ${odd[1].length} rows, ${at}.${first[0]} has ${first[1].length}` } : first[1].length;
  };
  const nFiles = count(f, 'files');
  const nPlans = count(p, 'plans');
  if (typeof nFiles !== 'number') return nFiles;
  if (typeof nPlans !== 'number') return nPlans;
  const warnings = new Map<number, Warning[]>();
  for (const [i, { plan, doc, message }] of s.warnings.entries()) {
    if (plan >= nPlans) return { error: `field warnings.${i}.plan: no plan row ${plan}` };
    warnings.set(plan, [...(warnings.get(plan) ?? []), { doc, message }]);
  }
  const taken = new Uint8Array(nPlans);
  const files: ManifestFile[] = new Array(nFiles);
  for (let i = 0; i < nFiles; i++) {
    const file: ManifestFile = { name: f.name[i], size: f.size[i], mtimeMs: f.mtimeMs[i], hint: f.hint[i], key: f.key[i] };
    const row = f.plan[i];
    if (row >= 0) {
      if (row >= nPlans) return { error: `field files.plan.${i}: no plan row ${row}` };
      if (taken[row]++) return { error: `field files.plan.${i}: plan row ${row} is another file's` };
      const units = lists[p.units[row]];
      if (!units) return { error: `field plans.units.${row}: no unit list ${p.units[row]}` };
      const meta: DocumentMeta = {
        doc: file.name,
        title: p.title[row],
        issuer: p.issuer[row],
        region: p.region[row],
        regionAliases: p.regionAliases[row],
        level: p.level[row],
        year: p.year[row],
        layout: p.layout[row],
        format: p.format[row],
        taskCount: p.taskCount[row],
        hash: p.hash[row],
      };
      file.plan = { key: file.key, meta, units, texts: p.texts[row], warnings: warnings.get(row) ?? [] };
      if (p.shardBytes[row] !== null) file.shardBytes = p.shardBytes[row];
    }
    files[i] = file;
  }
  return { builtAt: s.builtAt, code: s.code, files };
}
