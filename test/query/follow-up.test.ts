import { describe, expect, it } from 'vitest';
import { followUp } from '../../src/query/follow-up.js';
import { parseQuery } from '../../src/query/query-parser.js';
import { seedEngine } from '../helpers/engine.js';

const engine = await seedEngine();
const parse = (text: string) => parseQuery(text, { today: '2016-06-15', vocab: engine.vocab });

describe('followUp', () => {
  it('keeps the region and unit of the answer replied to, and takes the role the reply gives', () => {
    const q = followUp(parse('蕉岭县财政局有哪些任务'), parse('那配合的呢'));
    expect({ docs: q.docs, unit: q.unit?.text, role: q.role, window: q.window }).toEqual({ docs: ['000_8c36aaee05ee3aae.txt'], unit: '县财政局', role: 'responsible', window: undefined });
  });

  it('replaces the time window and keeps the role', () => {
    const q = followUp(parse('开平市编办牵头哪些工作'), parse('年底前的呢'));
    expect({ unit: q.unit?.text, role: q.role, label: q.window?.label, regionWords: q.regionWords }).toEqual({ unit: '市编办', role: 'lead', label: '年底前', regionWords: ['开平市'] });
  });

  it('reads 第3项详细说说 as task 3 of the plans answered, 详细 being no topic word', () => {
    const q = followUp(parse('蕉岭县财政局有哪些任务'), parse('第3项详细说说'));
    expect({ detail: q.detail, intent: q.intent, docs: q.docs, topic: q.topic, unplaced: q.unplaced }).toEqual({
      detail: { seq: '3' },
      intent: 'detail',
      docs: ['000_8c36aaee05ee3aae.txt'],
      topic: [],
      unplaced: [],
    });
  });

  it('takes every place field of a reply that names a place, the unit staying', () => {
    const q = followUp(parse('蕉岭县财政局有哪些任务'), parse('那开平的呢'));
    expect({ docs: q.docs, regionWords: q.regionWords, unit: q.unit?.text }).toEqual({ docs: ['004_2b4ee9c56e2324dc.txt'], regionWords: ['开平'], unit: '县财政局' });
  });

  it('changes neither query', () => {
    const previous = parse('县财政局12月前要公开什么');
    const reply = parse('那配合的呢');
    const before = JSON.stringify([previous, reply]);
    followUp(previous, reply);
    expect(JSON.stringify([previous, reply])).toBe(before);
  });
});
