import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../src/store/store.js';
import { periodContaining } from '../../src/tracking/period.js';
import { StatusBook, whoDid } from '../../src/tracking/task-status.js';

const Q1 = periodContaining('quarter', '2016-02-01');
const Q2 = periodContaining('quarter', '2016-05-01');
const who = { by: '测试 县财政局', user: { id: 7, name: 'Li' } };

describe('the status book', () => {
  it('closes a periodic task one period at a time, keeping every period in its history', () => {
    const book = new StatusBook(new MemoryStore());
    book.set('t', 'done', { ...who, note: '一季度已公开', day: '2016-03-20', period: Q1 });
    expect(book.closure('t', Q1)).toMatchObject({ note: '一季度已公开', day: '2016-03-20', period: '2016-Q1' });
    expect(book.isDone('t', Q2)).toBe(false);
    book.set('t', 'done', { ...who, note: '', day: '2016-06-20', period: Q2 });
    book.set('t', 'open', { ...who, note: '', day: '2016-06-21', period: Q2 });
    expect(book.isDone('t', Q1)).toBe(true);
    expect(book.isDone('t', Q2)).toBe(false);
    expect(book.get('t')!.history.map((e) => `${e.period} ${e.state}`)).toEqual(['2016-Q1 done', '2016-Q2 done', '2016-Q2 open']);
  });

  it('reads an older record (state beside the history, entries without day or period) as it meant', () => {
    const store = new MemoryStore();
    const old = { state: 'done', history: [{ state: 'done', by: '测试 县财政局', at: '2016-03-10T02:00:00.000Z', note: '已公开' }] };
    store.write('status', 'dated', old);
    store.write('status', 'quarterly', old);
    const book = new StatusBook(store);
    expect(book.closure('dated')).toMatchObject({ note: '已公开', by: '测试 县财政局' });
    expect(whoDid(book.closure('dated')!)).toBe('测试 县财政局');
    // A periodic task's older 办结 closed the period it was made in, and only that one.
    expect(book.isDone('quarterly', Q1)).toBe(true);
    expect(book.isDone('quarterly', Q2)).toBe(false);
    expect(book.get('quarterly')!.history).toEqual(old.history);
  });
});
