import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { answerJson } from '../../src/answer/answer-json.js';
import { seedsHash } from '../../src/library/seeds-hash.js';
import { loadIndex, saveIndex } from '../../src/search/index-store.js';
import { buildFromSeeds, openEngine } from '../../src/library/open.js';
import { seedEngine } from '../helpers/engine.js';

const log = pino({ level: 'silent' });

describe('the saved index', () => {
  it('loads back and answers exactly as the index it was saved from', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zwgk-index-'));
    const built = await seedEngine();
    saveIndex(dir, built, seedsHash('seeds'));
    const loaded = loadIndex(dir);
    expect(loaded.ok).toBe(true);
    for (const q of ['县财政局12月前要公开什么', '六安政府债务信息怎么公开', '安居 三（五）', 'PPP']) {
      expect(answerJson(loaded.ok ? loaded.engine.ask(q, '2016-06-15') : built.ask(q))).toEqual(answerJson(built.ask(q, '2016-06-15')));
    }
  });

  it('names the file and field of a damaged index instead of crashing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zwgk-index-'));
    saveIndex(dir, await seedEngine(), 'x');
    const corpus = JSON.parse(readFileSync(join(dir, 'corpus.json'), 'utf8'));
    corpus.tasks[3][8] = { kind: 'soon' };
    writeFileSync(join(dir, 'corpus.json'), JSON.stringify(corpus));
    const loaded = loadIndex(dir);
    expect(loaded.ok).toBe(false);
    expect(loaded.ok ? '' : loaded.reason).toMatch(/corpus\.json: field tasks\.3\.8/);
  });

  it('rebuilds a damaged lunr index on first use instead of failing the question', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zwgk-index-'));
    saveIndex(dir, await seedEngine(), 'x');
    writeFileSync(join(dir, 'lunr.json'), '{ not json');
    const loaded = loadIndex(dir);
    expect(loaded.ok).toBe(true);
    if (loaded.ok) expect((loaded.engine.index as unknown as { fields: string[] }).fields).toEqual(['task', 'requirement', 'units', 'deadline']);
  });

  it('notices that the seeds changed since the build and answers from the seeds', async () => {
    const seeds = mkdtempSync(join(tmpdir(), 'zwgk-seeds-'));
    cpSync('seeds', seeds, { recursive: true });
    const index = mkdtempSync(join(tmpdir(), 'zwgk-index-'));
    await buildFromSeeds(seeds, log, index);
    cpSync('test/fixtures/layouts/pipe_rows.txt', join(seeds, 'pipe_rows.txt'));
    const warnings: string[] = [];
    const spy = pino({ level: 'warn' }, { write: (s: string) => warnings.push(s) });
    const engine = await openEngine({ seedsDir: seeds, indexDir: index, log: spy });
    expect(warnings.join('')).toContain('index.stale');
    expect(engine.corpus.docs.map((d) => d.doc)).toContain('pipe_rows.txt');
  });

  it("answers a question without a year from each region's latest plan, and an older plan when its year is named", async () => {
    const seeds = mkdtempSync(join(tmpdir(), 'zwgk-seeds-'));
    cpSync('test/fixtures/layouts/pipe_rows.txt', join(seeds, 'a.txt'));
    writeFileSync(join(seeds, 'b.txt'), readFileSync('test/fixtures/layouts/pipe_rows.txt', 'utf8').replaceAll('2021', '2022'));
    const engine = await buildFromSeeds(seeds, log);
    expect(engine.ask('澄源县财政局有哪些任务', '2022-03-01').groups.map((g) => g.doc.year)).toEqual([2022]);
    expect(engine.ask('澄源县财政局2021年有哪些任务', '2022-03-01').groups.map((g) => g.doc.year)).toEqual([2021]);
  });
});
