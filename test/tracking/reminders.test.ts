import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { Library } from '../../src/library/library.js';
import { buildFromSeeds } from '../../src/library/open.js';
import { MemoryStore } from '../../src/store/store.js';
import { ChatSettingsStore } from '../../src/store/chat-settings.js';
import { StatusBook } from '../../src/tracking/task-status.js';
import { planFolder } from '../helpers/plan.js';
import { type MorningClock, morningClock } from './morning-clock.js';

const log = pino({ level: 'silent' });
const seeds = planFolder();
const engine = await buildFromSeeds(seeds, log);
const BUDGET = 'ceshi.txt#1#';

const setup = (store?: MemoryStore) => morningClock(engine, seeds, store);
const runDays = (s: MorningClock, from: string, to: string, scheduler = s.make()) => s.runDays(from, to, scheduler);
const budgetDays = (s: MorningClock) => s.daysOf('测试 1');

describe('reminders', () => {
  it('reminds 7 days and 1 day before, on the due day, then weekly while overdue, until done', async () => {
    const s = setup();
    await runDays(s, '2016-06-01', '2016-07-15');
    expect(budgetDays(s)).toEqual(['2016-06-23', '2016-06-29', '2016-06-30', '2016-07-07', '2016-07-14']);
    expect(s.sent.find((r) => r.day === '2016-07-14')!.text).toContain('【已逾期】\n• [测试 1] 公开县本级部门预算和“三公”经费预算。\n  时限：2016-06-30 前，已逾期 14 天');
    new StatusBook(s.store).set(BUDGET, 'done', { by: 'test', note: '' });
    await runDays(s, '2016-07-16', '2016-08-10');
    expect(budgetDays(s)).toHaveLength(5);
  });

  it('neither repeats nor drops a reminder across a restart', async () => {
    const s = setup();
    await runDays(s, '2016-06-01', '2016-06-25');
    await runDays(s, '2016-06-25', '2016-07-01', s.make()); // a new process, same store, same day again
    expect(budgetDays(s)).toEqual(['2016-06-23', '2016-06-29', '2016-06-30']);
  });

  it('sends the morning reminders when the bot comes back after 9:00, not before', async () => {
    const s = setup();
    const scheduler = s.make();
    s.at('2016-06-23', 8);
    expect(await scheduler.tick()).toBe(0);
    s.at('2016-06-23', 15);
    await scheduler.tick();
    expect(budgetDays(s)).toEqual(['2016-06-23']);
  });

  it('reminds a monthly task before each month ends', async () => {
    const s = setup();
    await runDays(s, '2016-06-01', '2016-07-31');
    const monthly = s.sent.filter((r) => r.text.includes('[测试 2]')).map((r) => r.day);
    expect(monthly).toEqual(['2016-06-23', '2016-06-29', '2016-06-30', '2016-07-24', '2016-07-30', '2016-07-31']);
  });

  it('obeys /remind off and custom days', async () => {
    const t = setup();
    new ChatSettingsStore(t.store).update(42, { remindDays: [3, 0] });
    await runDays(t, '2016-06-01', '2016-06-30');
    expect(budgetDays(t)).toEqual(['2016-06-27', '2016-06-30']);
    const u = setup();
    new ChatSettingsStore(u.store).update(42, { remind: false });
    await runDays(u, '2016-06-01', '2016-07-01');
    expect(u.sent).toEqual([]);
  });

  it('keeps every status across a reload that re-parses the same documents', async () => {
    const store = new MemoryStore();
    const book = new StatusBook(store);
    const lib = new Library(engine, seeds);
    for (const t of lib.current.corpus.tasks) book.set(t.id, 'done', { by: 'test', note: '' });
    await lib.reload();
    expect(lib.current.corpus.tasks.every((t) => book.isDone(t.id))).toBe(true);
  });
});

describe('a reminder run that fails', () => {
  it('is logged and run again at the next tick, never thrown', async () => {
    const store = new MemoryStore();
    const s = setup(store);
    const scheduler = s.make();
    const day = '2016-06-01';
    const write = store.write.bind(store);
    let failing = true;
    store.write = (ns, key, value) => {
      if (failing && ns === 'reminders') throw new Error('SQLITE_FULL: database or disk is full');
      write(ns, key, value);
    };
    s.at(day);
    await expect(scheduler.tick()).resolves.toBe(0);
    expect(store.read('reminders', 'lastRun')).toBeUndefined();
    failing = false;
    s.at(day, 10);
    await scheduler.tick();
    expect(store.read('reminders', 'lastRun')).toBe(day);
  });
});
