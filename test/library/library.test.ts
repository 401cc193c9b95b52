import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Library } from '../../src/library/library.js';
import { seedEngine } from '../helpers/engine.js';

function seedsCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'zwgk-lib-'));
  cpSync('seeds', dir, { recursive: true });
  return dir;
}

describe('Library.reload', () => {
  it('answers from the old index while the new one is read, then swaps', async () => {
    const dir = seedsCopy();
    cpSync('test/fixtures/layouts/pipe_rows.txt', join(dir, 'pipe_rows.txt'));
    const lib = new Library(await seedEngine(), dir);
    const pending = lib.reload();
    await new Promise((r) => setImmediate(r));
    expect(lib.current.ask('澄源县财政局有哪些任务').reason).toBe('no-document');
    const report = await pending;
    expect(report).toMatchObject({ ok: true, added: 11, removed: 0 });
    expect(lib.current.ask('澄源县财政局有哪些任务').total).toBeGreaterThan(0);
  });

  it('reports a bad file by name and loads the rest', async () => {
    const dir = seedsCopy();
    writeFileSync(join(dir, 'broken.txt'), Buffer.from([0, 1, 2, 3, 0, 0, 9, 200, 201, 0]));
    const report = await new Library(await seedEngine(), dir).reload();
    expect(report.ok).toBe(true);
    expect(report.docs).toHaveLength(5);
    expect(report.warnings.map((w) => w.doc)).toEqual(['broken.txt']);
  });

  it('keeps the old index when nothing parses', async () => {
    const dir = seedsCopy();
    for (const f of ['000_8c36aaee05ee3aae.txt', '001_c67bee33ca5fc057.txt', '002_daf8c5972cb24576.txt', '003_6ea2951639ab2eff.txt', '004_2b4ee9c56e2324dc.txt']) {
      rmSync(join(dir, f));
    }
    writeFileSync(join(dir, 'empty.txt'), '');
    const old = await seedEngine();
    const lib = new Library(old, dir);
    const report = await lib.reload();
    expect(report.ok).toBe(false);
    expect(lib.current).toBe(old);
  });
});
