import { describe, expect, it } from 'vitest';
import { decodeButton, encodeButton } from '../../src/conversation/callback-data.js';
import { MemoryStore } from '../../src/store/store.js';

describe('button data', () => {
  it('carries a short question inline, under 64 bytes', () => {
    const store = new MemoryStore();
    const data = encodeButton({ action: 'page', page: 2, today: '2016-06-15', question: '县财政局12月前要公开什么' }, store);
    expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
    expect(store.list('questions')).toEqual([]);
    expect(decodeButton(data, store)).toEqual({ action: 'page', page: 2, today: '2016-06-15', question: '县财政局12月前要公开什么' });
  });

  it('keeps a long question in the store and still decodes it after a reopen', () => {
    const store = new MemoryStore();
    const question = '六安市市场监督管理局作为落实单位在第三季度有哪些需要公开的任务，请列出来';
    const data = encodeButton({ action: 'region', page: 0, today: '2019-07-01', question }, store);
    expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
    expect(decodeButton(data, store)?.question).toBe(question);
  });

  it('rejects data it did not make', () => {
    expect(decodeButton('hello', new MemoryStore())).toBeUndefined();
    expect(decodeButton('p1:abc:sNOPE', new MemoryStore())).toBeUndefined();
  });
});
