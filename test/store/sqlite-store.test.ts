import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SqliteStore } from '../../src/store/sqlite-store.js';

describe('SqliteStore', () => {
  it('keeps values across a close and reopen', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zwgk-store-'));
    const a = new SqliteStore(dir);
    a.write('bindings', '42', { unit: '县财政局', region: '蕉岭', at: 'x' });
    a.write('bindings', '43', { unit: '市编办', at: 'y' });
    a.delete('bindings', '43');
    a.close();
    const b = new SqliteStore(dir);
    expect(b.read('bindings', '42')).toEqual({ unit: '县财政局', region: '蕉岭', at: 'x' });
    expect(b.read('bindings', '43')).toBeUndefined();
    expect(b.list('bindings').map((r) => r.key)).toEqual(['42']);
    b.close();
  });
});
