import { describe, expect, it } from 'vitest';
import { ButtonCodec, type ButtonData } from '../../src/conversation/buttons.js';
import { MemoryStore } from '../../src/store/store.js';

describe('the button codec', () => {
  it('carries a short question inline, under 64 bytes', () => {
    const store = new MemoryStore();
    const codec = new ButtonCodec(store);
    const b: ButtonData = { kind: 'page', page: 2, today: '2016-06-15', question: '县财政局12月前要公开什么' };
    const data = codec.encode(b);
    expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
    expect(store.list('buttons')).toEqual([]);
    expect(codec.decode(data)).toEqual(b);
  });

  it('keeps what does not fit in the store, and decodes it after a reopen of the same store', () => {
    const store = new MemoryStore();
    const question = '六安市市场监督管理局作为落实单位在第三季度有哪些需要公开的任务，请列出来';
    const data = new ButtonCodec(store).encode({ kind: 'choice', today: '2019-07-01', question });
    expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
    expect(new ButtonCodec(store).decode(data)).toEqual({ kind: 'choice', today: '2019-07-01', question });
  });

  it('round-trips every kind, free text holding the separator included', () => {
    const codec = new ButtonCodec(new MemoryStore());
    const all: ButtonData[] = [
      { kind: 'mine', page: 0, today: '2016-07-05', unit: '蕉岭 县财政局' },
      { kind: 'upload', op: 'region', id: 'AbC-12_x' },
      { kind: 'remove', op: 'del', chat: -1001234567890, user: 7, doc: 'plan:2016 version.docx' },
      { kind: 'grant', op: 'yes', id: 'AbC-12_x' },
      { kind: 'regions', page: 2, today: '2016-06-15', question: '县财政局有哪些任务' },
      { kind: 'page', page: 1, today: '2016-06-15', question: '问题: 县财政局 ' },
      { kind: 'more', page: 0, today: '2016-06-15', question: '蕉岭县财政局有哪些任务\n那配合的呢' },
    ];
    for (const b of all) expect(codec.decode(codec.encode(b))).toEqual(b);
  });

  it('reads buttons of an older format, or data it did not make, as expired', () => {
    const codec = new ButtonCodec(new MemoryStore());
    for (const old of ['p1:abc:t县财政局', 'u:add:AbC123', 'x:del:AbC123', 'hello', '2*:gone', '2p:zz:1:x', '1p:0:5xy:县财政局']) expect(codec.decode(old)).toBeUndefined();
  });
});
