import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { describe, expect, it, vi } from 'vitest';
import { answerJson } from '../../src/answer/answer-json.js';
import { IndexDir } from '../../src/library/index-dir.js';
import { Library } from '../../src/library/library.js';
import { openEngine } from '../../src/library/open.js';
import { ShardPool } from '../../src/library/shard-pool.js';
import { syncIndex } from '../../src/library/sync.js';
import { Shard } from '../../src/search/shard.js';
import { readDocument } from '../../src/ingest/read-document.js';
import { seedEngine } from '../helpers/engine.js';

const log = pino({ level: 'silent' });
const tmp = (p: string) => mkdtempSync(join(tmpdir(), p));

function seedsCopy(): string {
  const dir = tmp('zwgk-seeds-');
  cpSync('seeds', dir, { recursive: true });
  return dir;
}

/** The index the run's global setup built over seeds/ (its shards serve any copy of the seeds: keys are of names and bytes). */
function indexCopy(): string {
  const dir = tmp('zwgk-index-');
  cpSync(process.env.ZWGK_TEST_INDEX!, dir, { recursive: true });
  return dir;
}

const shardFiles = (index: string) => readdirSync(join(index, 'shards')).filter((f) => /^[0-9a-f]+\.json$/.test(f)).sort();
const manifestOf = (index: string) => {
  const read = new IndexDir(index).readManifest();
  if (!read.ok) throw new Error(read.reason);
  return read.value;
};

describe('the index folder: one shard per plan and a manifest', () => {
  it('reads back every shard and answers exactly as the engine built from the documents', async () => {
    const index = tmp('zwgk-index-');
    const built = await syncIndex({ seedsDir: 'seeds', indexDir: index });
    expect(built.report).toMatchObject({ built: 5, reused: 0, removed: 0 });
    expect(shardFiles(index)).toHaveLength(5);
    const again = await syncIndex({ seedsDir: 'seeds', indexDir: index });
    expect(again.report).toMatchObject({ built: 0, reused: 5, removed: 0 });
    const reference = await seedEngine();
    for (const q of ['县财政局12月前要公开什么', '六安政府债务信息怎么公开', '安居 三（五）', 'PPP', '人大代表建议和政协委员提案办理结果']) {
      expect(answerJson(again.engine.ask(q, '2016-06-15')), q).toEqual(answerJson(reference.ask(q, '2016-06-15')));
    }
  });

  it('round-trips the manifest and every shard through their schemas', async () => {
    const index = indexCopy();
    expect(manifestOf(index).files.map((f) => f.name)).toEqual(readdirSync('seeds').filter((f) => f.endsWith('.txt')).sort());
    for (const f of shardFiles(index)) {
      const shard = Shard.parse(JSON.parse(readFileSync(join(index, 'shards', f), 'utf8')));
      expect(`${shard.key}.json`).toBe(f);
      expect(shard.tasks.length).toBe(shard.meta?.taskCount);
    }
  });

  it('rebuilds only the shard of the plan that changed on reload, and the answers change', async () => {
    const seeds = seedsCopy();
    const index = indexCopy();
    const lib = new Library(await openEngine({ seedsDir: seeds, indexDir: index, log }), { seedsDir: seeds, indexDir: index });
    const before = shardFiles(index);
    const file = join(seeds, '000_8c36aaee05ee3aae.txt');
    writeFileSync(file, readFileSync(file, 'utf8').replace('县财政局', '县审计局'));
    const report = await lib.reload();
    expect(report).toMatchObject({ ok: true, rebuilt: 1, reused: 4 });
    const after = shardFiles(index);
    expect(after.filter((f) => !before.includes(f))).toHaveLength(1);
    expect(before.filter((f) => !after.includes(f))).toHaveLength(1);
    expect(lib.current.ask('蕉岭县审计局有哪些任务', '2016-06-15').total).toBeGreaterThan(0);
    // The new engine's segmenter extends the old one's with the new plan's units.
    expect(lib.current.tokenizer.tokenize('县审计局牵头')).toEqual(['县审计局', '牵头']);
  });

  it('starts the character index anew when every plan is built again, reading none of the old shards, and answers as a fresh index', async () => {
    const seeds = seedsCopy();
    const index = indexCopy();
    // Every file changed (as when new reading code gives every file a new key): the old shards are all leaving.
    for (const f of readdirSync(seeds).filter((n) => n.endsWith('.txt'))) writeFileSync(join(seeds, f), readFileSync(join(seeds, f), 'utf8') + '\n');
    const old = shardFiles(index).map((f) => f.replace(/\.json$/, ''));
    const reads = vi.spyOn(IndexDir.prototype, 'readRecords');
    try {
      const { engine, report } = await syncIndex({ seedsDir: seeds, indexDir: index });
      expect(report).toMatchObject({ built: 5, reused: 0, removed: 5 });
      expect(reads.mock.calls.length).toBeGreaterThan(0);
      expect(reads.mock.calls.filter(([key]) => old.includes(key))).toEqual([]);
      const reference = await syncIndex({ seedsDir: seeds, indexDir: tmp('zwgk-index-') });
      for (const q of ['人大代表建议和政协委员提案办理结果', '政府信息公开指南的修订更新由谁负责', 'PPP', '县财政局12月前要公开什么']) {
        expect(answerJson(engine.ask(q, '2016-06-15')), q).toEqual(answerJson(reference.engine.ask(q, '2016-06-15')));
      }
    } finally {
      reads.mockRestore();
    }
  });

  it('deletes the shard of a plan taken out of the folder', async () => {
    const seeds = seedsCopy();
    const index = indexCopy();
    const { rmSync } = await import('node:fs');
    rmSync(join(seeds, '003_6ea2951639ab2eff.txt'));
    const { engine, report } = await syncIndex({ seedsDir: seeds, indexDir: index });
    expect(report).toMatchObject({ built: 0, reused: 4, removed: 1 });
    expect(shardFiles(index)).toHaveLength(4);
    expect(engine.corpus.docs.map((d) => d.doc)).not.toContain('003_6ea2951639ab2eff.txt');
  });

  it('keeps the index when a sync finds no plan (a folder briefly empty), and never saves a file that gave none', async () => {
    const seeds = seedsCopy();
    const index = indexCopy();
    writeFileSync(join(seeds, 'broken.txt'), Buffer.from([0, 1, 2, 3, 0, 0, 9, 200, 201, 0]));
    const first = await syncIndex({ seedsDir: seeds, indexDir: index });
    expect(first.report.warnings.map((w) => w.doc)).toEqual(['broken.txt']);
    expect(shardFiles(index)).toHaveLength(5);
    // Read again (and said again) next time: an unreadable file is not cached under its key.
    expect((await syncIndex({ seedsDir: seeds, indexDir: index })).report).toMatchObject({ built: 1, warnings: [{ doc: 'broken.txt' }] });
    const { readdirSync: list, rmSync } = await import('node:fs');
    for (const f of list(seeds)) rmSync(join(seeds, f));
    await syncIndex({ seedsDir: seeds, indexDir: index });
    expect(shardFiles(index)).toHaveLength(5);
    expect(manifestOf(index).files).toHaveLength(6);
  });

  it('rebuilds a damaged shard from its document with a warning naming the file and field; the others load', async () => {
    const index = indexCopy();
    const victim = manifestOf(index).files.find((f) => f.name === '002_daf8c5972cb24576.txt')!;
    const path = join(index, 'shards', `${victim.key}.json`);
    const shard = JSON.parse(readFileSync(path, 'utf8'));
    shard.tasks[3][7] = { kind: 'soon' };
    writeFileSync(path, JSON.stringify(shard));
    const { engine, report } = await syncIndex({ seedsDir: 'seeds', indexDir: index });
    expect(report).toMatchObject({ built: 1, reused: 4 });
    expect(report.warnings).toEqual([{ doc: '002_daf8c5972cb24576.txt', message: expect.stringMatching(/索引分片已损坏.*field tasks\.3\.7/) }]);
    expect(engine.corpus.docs).toHaveLength(5);
    expect(Shard.safeParse(JSON.parse(readFileSync(path, 'utf8'))).success).toBe(true);
  });

  it('starts from the manifest and the character index alone, and a question reads only the plans it needs', async () => {
    const index = indexCopy();
    const { engine } = await syncIndex({ seedsDir: 'seeds', indexDir: index });
    expect(engine.corpus.resident).toBe(0);
    expect(engine.corpus.docs).toHaveLength(5);
    expect(engine.corpus.taskCount).toBe((await seedEngine()).corpus.tasks.length);
    const reference = await seedEngine();
    const q = '蕉岭县财政局12月前要公开什么';
    expect(answerJson(engine.ask(q, '2016-06-15'))).toEqual(answerJson(reference.ask(q, '2016-06-15')));
    expect(engine.corpus.resident).toBe(1);
  });

  it('answers the same with a cache that holds one plan at a time (the least recently used dropped)', async () => {
    const index = indexCopy();
    const { engine } = await syncIndex({ seedsDir: 'seeds', indexDir: index, cacheBytes: 1 });
    const reference = await seedEngine();
    for (const q of ['县财政局12月前要公开什么', 'PPP', '人大代表建议和政协委员提案办理结果', '政府信息公开年度报告']) {
      expect(answerJson(engine.ask(q, '2016-06-15')), q).toEqual(answerJson(reference.ask(q, '2016-06-15')));
      expect(engine.corpus.resident).toBe(1);
    }
  });

  it('says a word no plan holds is unplaced without reading a plan', async () => {
    const index = indexCopy();
    const { engine } = await syncIndex({ seedsDir: 'seeds', indexDir: index });
    expect(engine.ask('蕉岭 量子纠缠', '2016-06-15').reason).toBe('unplaced');
    expect(engine.corpus.resident).toBe(0);
  });

  it('lets two processes update one index folder one after the other, and takes over a lock its process left', async () => {
    const seeds = seedsCopy();
    const index = indexCopy();
    const file = join(seeds, '000_8c36aaee05ee3aae.txt');
    writeFileSync(file, readFileSync(file, 'utf8').replace('县财政局', '县审计局'));
    // A lock left by a process that is gone (no pid is that high).
    writeFileSync(join(index, 'index.lock'), JSON.stringify({ pid: 2 ** 22 + 12345, at: Date.now() }));
    const [a, b] = await Promise.all([syncIndex({ seedsDir: seeds, indexDir: index }), syncIndex({ seedsDir: seeds, indexDir: index })]);
    expect([a.report, b.report]).toMatchObject([{ built: 1, warnings: [] }, { built: 1, warnings: [] }]);
    expect(readdirSync(index)).not.toContain('index.lock');
    const again = await syncIndex({ seedsDir: seeds, indexDir: index });
    expect(again.report).toMatchObject({ built: 0, reused: 5 });
    expect(again.engine.ask('蕉岭县审计局有哪些任务', '2016-06-15').total).toBeGreaterThan(0);
  });

  it('fails a write, naming the lock, while another live process holds the index folder', async () => {
    const index = indexCopy();
    // This very process is alive: its lock is not stale.
    writeFileSync(join(index, 'index.lock'), JSON.stringify({ pid: process.pid, at: Date.now() }));
    let wrote = false;
    await expect(new IndexDir(index).locked(() => (wrote = true), 200)).rejects.toThrow(/index\.lock: held by another process/);
    expect(wrote).toBe(false);
  });

  it('answers a topic question from a damaged lunr file by building that plan’s index again', async () => {
    const index = indexCopy();
    for (const f of readdirSync(join(index, 'shards')).filter((n) => n.endsWith('.lunr.json'))) writeFileSync(join(index, 'shards', f), '{ not json');
    const { engine } = await syncIndex({ seedsDir: 'seeds', indexDir: index });
    const q = '人大代表建议和政协委员提案办理结果';
    expect(answerJson(engine.ask(q, '2016-06-15'))).toEqual(answerJson((await seedEngine()).ask(q, '2016-06-15')));
  });

  it('notices at start-up that the folder changed since the build, says so, and answers from it', async () => {
    const seeds = seedsCopy();
    const index = indexCopy();
    cpSync('test/fixtures/layouts/pipe_rows.txt', join(seeds, 'pipe_rows.txt'));
    const lines: string[] = [];
    const spy = pino({ level: 'warn' }, { write: (s: string) => lines.push(s) });
    const engine = await openEngine({ seedsDir: seeds, indexDir: index, log: spy });
    expect(lines.join('')).toContain('index.stale');
    expect(engine.corpus.docs.map((d) => d.doc)).toContain('pipe_rows.txt');
  });

  it('builds shards in worker threads; a file that runs its worker out of memory fails alone, with a warning', async () => {
    const seeds = tmp('zwgk-seeds-');
    cpSync('test/fixtures/layouts/pipe_rows.txt', join(seeds, 'a.txt'));
    const rows = readFileSync('test/fixtures/layouts/pipe_rows.txt', 'utf8').split('\n');
    // A plan of 60 000 table rows (6 MB, under the size limit): beyond what a worker limited to 24 MB of heap can hold.
    writeFileSync(join(seeds, 'huge.txt'), [...rows.slice(0, 4), ...Array.from({ length: 60_000 }, (_, i) => `| ${i + 1} | 公开第${i}项财政预算决算信息并及时更新 | 县财政局 | 2021年12月底前 |`)].join('\n'));
    const pool = new ShardPool({ workers: 2, memoryMb: 24 });
    try {
      const { engine, report } = await syncIndex({ seedsDir: seeds, pool });
      expect(engine.corpus.docs.map((d) => d.doc)).toEqual(['a.txt']);
      expect(report.warnings).toEqual([{ doc: 'huge.txt', message: expect.stringContaining('内存') }]);
      // An upload's preview is read the same way: the small plan as in this thread, the huge one refused.
      const small = readFileSync(join(seeds, 'a.txt'));
      expect(await pool.parse(small, 'a.txt', {})).toEqual(await readDocument(small, 'a.txt', {}));
      expect(await pool.parse(readFileSync(join(seeds, 'huge.txt')), 'huge.txt', {})).toEqual({ tasks: [], warnings: [{ doc: 'huge.txt', message: expect.stringContaining('内存') }] });
    } finally {
      await pool.close();
    }
  }, 30_000);
});

describe('a plan with a year', () => {
  it('answers a question without a year from every plan of the region, one year from its plan, 今年 from today’s', async () => {
    const seeds = tmp('zwgk-seeds-');
    cpSync('test/fixtures/layouts/pipe_rows.txt', join(seeds, 'a.txt'));
    writeFileSync(join(seeds, 'b.txt'), readFileSync('test/fixtures/layouts/pipe_rows.txt', 'utf8').replaceAll('2021', '2022'));
    const { engine } = await syncIndex({ seedsDir: seeds });
    expect(engine.ask('澄源县财政局有哪些任务', '2022-03-01').groups.map((g) => g.doc.year)).toEqual([2021, 2022]);
    expect(engine.ask('澄源县财政局2021年有哪些任务', '2022-03-01').groups.map((g) => g.doc.year)).toEqual([2021]);
    expect(engine.ask('澄源县财政局今年有哪些任务', '2022-03-01').groups.map((g) => g.doc.year)).toEqual([2022]);
  });
});
