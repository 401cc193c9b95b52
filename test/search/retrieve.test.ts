import { describe, expect, it } from 'vitest';
import { seedEngine } from '../helpers/engine.js';

const engine = await seedEngine();
const ids = (q: string, today = '2016-06-15') => engine.ask(q, today).groups.flatMap((g) => g.sections.filter((s) => s.kind !== 'collective').flatMap((s) => s.tasks.map((t) => t.id)));

describe('retrieve', () => {
  it('finds a merged bureau by the name of the bureau merged into it (审计局 → 监察和审计局)', () => {
    expect(ids('蕉岭县审计局有哪些任务')).toEqual(ids('蕉岭县监察和审计局有哪些任务'));
    // 4.1/4.2 name 县政务服务管理办公室、县编办，县监察和审计局; 20.3–20.5 name 县监察和审计局.
    expect(ids('蕉岭县审计局有哪些任务')).toEqual(['4#1', '4#2', '20#3', '20#4', '20#5'].map((s) => `000_8c36aaee05ee3aae.txt#${s}`));
  });

  it('keeps a county unit out of city plans, and answers a short form per document', () => {
    expect(new Set(engine.ask('县财政局有哪些任务').groups.map((g) => g.doc.region))).toEqual(new Set(['蕉岭县']));
    expect(engine.ask('财政局有哪些任务').groups.map((g) => g.doc.region)).toEqual(['蕉岭县', '深圳市', '六安市', '遂宁市安居区', '开平市']);
  });

  it('says so for a place no plan covers instead of answering another county', () => {
    expect(engine.ask('澄源县财政局有哪些任务').reason).toBe('no-document');
  });
});
