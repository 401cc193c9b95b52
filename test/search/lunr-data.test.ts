import lunr from 'lunr';
import { describe, expect, it } from 'vitest';
import { loadSeeds } from '../../src/ingest/load-seeds.js';
import { buildLunr, loadLunr, lunrData, lunrJson, registerPipeline } from '../../src/search/lunr-index.js';
import { textGroups } from '../../src/search/text-groups.js';
import { Tokenizer } from '../../src/search/tokenizer.js';
import type { Task } from '../../src/domain/task.js';

// lunrData writes a plan's lunr index straight to its field vectors, lunrJson those to lunr's saved form. The oracle is lunr.Builder fed
// the same documents (the build the index used before), serialized by lunr itself: every saved
// index must be the same bytes, so scores, term order and postings cannot drift from lunr's.
const plain = new Tokenizer();

function builtByLunr(tasks: Task[]): string {
  registerPipeline();
  const builder = new lunr.Builder();
  // The stop filter as registered (under the label the saved indexes name).
  const stop = (lunr.Pipeline as unknown as { registeredFunctions: Record<string, lunr.PipelineFunction> }).registeredFunctions.zwgkStopWords;
  builder.pipeline.add(stop);
  builder.searchPipeline.add(stop);
  builder.ref('id');
  builder.field('task', { boost: 2 });
  builder.field('requirement');
  builder.field('units', { boost: 3 });
  builder.field('deadline');
  builder.metadataWhitelist = [];
  (builder as unknown as { tokenizer: (obj: unknown) => lunr.Token[] }).tokenizer = (obj: unknown) =>
    plain.tokenize(String(obj ?? '')).map((w, i) => new lunr.Token(w, { position: [i, 1], index: i }));
  for (const [key, [i]] of textGroups(tasks)) {
    const t = tasks[i];
    builder.add({ id: key, task: t.task, requirement: t.requirement, units: [...t.lead, ...t.responsible].join(' '), deadline: t.deadline_raw });
  }
  return JSON.stringify(builder.build());
}

const plans = [...(await loadSeeds('seeds')).tasks, ...(await loadSeeds('test/fixtures/real/docs')).tasks];
const byDoc = new Map<string, Task[]>();
for (const t of plans) byDoc.set(t.doc, [...(byDoc.get(t.doc) ?? []), t]);

describe("a plan's saved lunr index", () => {
  it.each([...byDoc.keys()])('%s: the same bytes as lunr.Builder writes', (doc) => {
    const tasks = byDoc.get(doc)!;
    expect(JSON.stringify(lunrJson(lunrData(tasks)))).toBe(builtByLunr(tasks));
  });

  it('loads into an index that finds a plan’s words', () => {
    const tasks = byDoc.get([...byDoc.keys()][0])!;
    const word = plain.terms(tasks[0].requirement)[0];
    const hits = buildLunr(tasks).query((q) => q.term(word, {}));
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.map((h) => h.ref)).toContain('t0');
  });

  it('reads back from its saved JSON to the same search, and names what is wrong in a damaged one', () => {
    const tasks = byDoc.get([...byDoc.keys()][1])!;
    const saved = JSON.parse(JSON.stringify(lunrData(tasks)));
    const word = plain.terms(tasks[0].requirement)[0];
    const search = (index: lunr.Index) => index.query((q) => q.term(word, {})).map((h) => [h.ref, h.score]);
    expect(search(loadLunr(saved))).toEqual(search(buildLunr(tasks)));
    expect(() => loadLunr({ ...saved, vectors: [[saved.terms.length, 1]] })).toThrow(/1 vectors for \d+ texts/);
    const vectors = saved.vectors.map((v: number[], k: number) => (k === 0 ? [saved.terms.length, 1] : v));
    expect(() => loadLunr({ ...saved, vectors })).toThrow(new RegExp(`vector 0 names term ${saved.terms.length} of ${saved.terms.length}`));
    expect(() => loadLunr({ ...saved, terms: 'x' })).toThrow(/terms/);
  });
});
