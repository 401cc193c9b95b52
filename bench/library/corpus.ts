import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { CATALOG_FILE } from '../../src/ingest/catalog.js';
import { loadSeeds } from '../../src/ingest/load-seeds.js';
import type { DocumentHint } from '../../src/domain/document.js';
import { sampleQuestions } from '../questions.js';
import { copyPlan, locate, type OriginalPlan } from './plan-copy.js';
import { printedForms, RegionPlanner } from './regions.js';

/** A generated documents folder: where it is, and how it was made. */
export interface LibraryFolder {
  /** The documents folder (plan files and catalog.json). */
  docs: string;
  scale: number;
  files: number;
  /** True when it was written now (false: reused from an earlier run). */
  written: boolean;
  ms: number;
}

/**
 * A documents folder modelling a real library at `scale`× the public one: copy 0 is the 5 seeds
 * and the 13 real plans as they are (so the public question samples apply to it), then `scale − 1`
 * copies of the 5 seeds, and one copy of the 13 real plans every 20 copies — at 1000× 5,000 seed
 * plans and 650 real ones, 5,650 plans of ~355,000 tasks, near China's 3,000–5,000 yearly plans and
 * 350,000 tasks. Each copy is a real division of China in a year of its own, with its own wording
 * (plan-copy.ts). Written once under the system's temporary folder, keyed by the generator's version
 * and the originals' bytes, and reused by later runs.
 */
export async function libraryFolder(scale: number): Promise<LibraryFolder> {
  const started = performance.now();
  const inputs = [...SOURCES.flatMap((dir) => readdirSync(dir).filter((n) => n.endsWith('.txt')).sort().map((n) => join(dir, n))), join(REAL, CATALOG_FILE)];
  const hash = createHash('sha1');
  for (const f of inputs) hash.update(f).update(readFileSync(f));
  const key = `v${VERSION}-${hash.digest('hex').slice(0, 10)}`;
  const root = join(CACHE, `${key}-${scale}x`);
  const docs = join(root, 'docs');
  const done = join(root, 'complete.json');
  if (existsSync(done)) return { docs, scale, files: (JSON.parse(readFileSync(done, 'utf8')) as { files: number }).files, written: false, ms: Math.round(performance.now() - started) };

  const staging = `${root}.tmp-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(join(staging, 'docs'), { recursive: true });
  const out = join(staging, 'docs');
  for (const f of inputs) copyFileSync(f, join(out, basename(f)));
  const catalog = JSON.parse(readFileSync(join(REAL, CATALOG_FILE), 'utf8')) as Record<string, DocumentHint>;
  const originals = await readOriginals(out);
  const planner = new RegionPlanner(originals.map((o) => o.meta.region), sampleQuestions().map((q) => q.q));
  const used = new Map<string, Set<string>>();
  const usedFor = (o: OriginalPlan) => (task: number) => {
    const key = `${o.name}#${task}`;
    if (!used.has(key)) used.set(key, new Set(o.spans.filter((s) => s.task === task).map((s) => o.text.slice(s.start, s.end))));
    return used.get(key)!;
  };
  let files = originals.length;
  for (let copy = 1; copy < scale; copy++) {
    for (const o of originals) {
      if (!o.seed && copy % REAL_EVERY !== 0) continue;
      const body = !/人民政府/.test(o.meta.issuer);
      const region = planner.next(o.name, o.meta.region, body);
      const name = `${String(copy).padStart(4, '0')}_${o.name}`;
      writeFileSync(join(out, name), copyPlan(o, { copy, region, used: usedFor(o) }));
      files++;
      const hint = catalog[o.name];
      if (hint) catalog[name] = { region: region.name, ...(hint.issuer ? { issuer: hint.issuer.replace(o.forms, (f) => region.forms.get(f) ?? f) } : {}), ...(hint.year ? { year: region.year } : {}) };
    }
  }
  writeFileSync(join(out, CATALOG_FILE), JSON.stringify(catalog, null, 1));
  writeFileSync(join(staging, 'complete.json'), JSON.stringify({ version: VERSION, scale, files }));
  rmSync(root, { recursive: true, force: true });
  renameSync(staging, root);
  // Folders of other generator versions or originals are never read again.
  for (const old of readdirSync(CACHE).filter((n) => !n.startsWith(`${key}-`))) rmSync(join(CACHE, old), { recursive: true, force: true });
  return { docs, scale, files, written: true, ms: Math.round(performance.now() - started) };
}

/** The originals as the parser reads them, each with where its requirements are printed. */
async function readOriginals(dir: string): Promise<Array<OriginalPlan & { seed: boolean }>> {
  const corpus = await loadSeeds(dir);
  const seeds = new Set(readdirSync(SEEDS));
  return corpus.docs.map((meta) => {
    const text = readFileSync(join(dir, meta.doc), 'utf8');
    const tasks = corpus.tasks.filter((t) => t.doc === meta.doc);
    return { ...locate(meta.doc, text, meta, tasks, printedForms(meta.region)), seed: seeds.has(meta.doc) };
  });
}

/** Bump when the generated folder changes, so cached folders of older versions are not reused. */
const VERSION = 4;
const CACHE = join(tmpdir(), 'zwgk-bench-library');
const SEEDS = 'seeds';
const REAL = 'test/fixtures/real/docs';
const SOURCES = [SEEDS, REAL];
const REAL_EVERY = 20;
