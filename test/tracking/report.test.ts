import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { buildFromSeeds } from '../../src/library/open.js';
import { buildReport, reportText, STATUS_ORDER } from '../../src/tracking/report.js';
import { seedEngine } from '../helpers/engine.js';

/** A plan of 共享县 2016 whose first task has two lead units, and one task only for 各部门. */
function sharedPlan(): string {
  const dir = mkdtempSync(join(tmpdir(), 'zwgk-shared-'));
  writeFileSync(
    join(dir, 'gongxiang.txt'),
    [
      '共享县2016年政务公开工作要点分工方案',
      '',
      '序号|工作任务|具体要求|牵头单位|完成时限',
      '1|推进预算公开|公开部门预算和“三公”经费预算。|县财政局、县审计局|2016年6月30日前',
      '2|推进审计公开|公开年度审计工作报告。|县审计局|2016年8月31日前',
      '3|加强政策解读|做好政策解读工作。|县财政局|2016年7月8日前',
      '4|做好依申请公开|规范依申请公开答复。|各部门|全年工作',
    ].join('\n'),
  );
  return dir;
}

const shared = await buildFromSeeds(sharedPlan(), pino({ level: 'silent' }));

describe('buildReport', () => {
  it('counts a task with two lead units once in the total and once under each unit, and says so', async () => {
    const tasks = shared.corpus.tasks;
    const done = new Set([tasks[0].id]);
    const report = buildReport('共享 任务办理情况', tasks, (id) => done.has(id), '2016-07-05');
    expect(report.all).toMatchObject({ total: 4, 已办结: 1, 已逾期: 0, 即将到期: 1, 未到期: 2 });
    expect(report.shared).toBe(1);
    expect(report.unassigned).toBe(1);
    expect(reportText(report).split('\n')).toEqual([
      '共享 任务办理情况（截至 2016-07-05）',
      '方案：共享县2016年政务公开工作要点分工方案（共享县，2016年度）',
      '合计 4 项任务（每项只计一次）：已办结 1｜已逾期 0｜即将到期 1｜未到期 2',
      '各单位（2 个，牵头或责任）：有 1 项任务写了几个单位，在每个单位下各计一次，所以各单位之和大于合计；1 项只写了集体（如各部门）或没写单位，只计入合计。',
      '• 县财政局：2 项｜已办结 1｜已逾期 0｜即将到期 1｜未到期 0',
      '• 县审计局：2 项｜已办结 1｜已逾期 0｜即将到期 0｜未到期 1',
    ]);
  });

  it('counts a task listed twice once', async () => {
    const [first] = shared.corpus.tasks;
    expect(buildReport('x', [first, first], () => false, '2016-07-05').all.total).toBe(1);
  });

  it('sorts units by overdue, then open tasks', async () => {
    // On 2016-09-01 every dated task has passed: 县审计局 has two overdue, 县财政局 one (the other closed).
    const tasks = shared.corpus.tasks;
    const report = buildReport('x', tasks, (id) => id === tasks[2].id, '2016-09-01');
    expect(report.rows.map((r) => [r.unit, r.已逾期, r.已办结])).toEqual([
      ['县审计局', 2, 0],
      ['县财政局', 1, 1],
    ]);
  });

  it('totals the distinct tasks of every seed plan, the whole library, and their statuses', async () => {
    const engine = await seedEngine();
    for (const doc of engine.corpus.docs) {
      const report = buildReport(doc.doc, engine.corpus.tasksOf(doc.doc), () => false, '2016-09-01');
      expect(report.all.total, doc.doc).toBe(doc.taskCount);
      expect(STATUS_ORDER.reduce((n, s) => n + report.all[s], 0), doc.doc).toBe(doc.taskCount);
      for (const r of report.rows) expect(STATUS_ORDER.reduce((n, s) => n + r[s], 0), r.unit).toBe(r.total);
    }
    const all = buildReport('all', engine.corpus.tasks, () => false, '2016-09-01');
    expect(all.all.total).toBe(new Set(engine.corpus.tasks.map((t) => t.id)).size);
    // The rows count tasks once per unit: more than the total on these seeds, where tasks share units.
    expect(all.rows.reduce((n, r) => n + r.total, 0)).toBeGreaterThan(all.all.total - all.unassigned);
  });
});
