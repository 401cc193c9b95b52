import { describe, expect, it } from 'vitest';
import { statusLabel } from '../../src/domain/status-label.js';
import type { Task } from '../../src/domain/task.js';

const task = (deadline: Task['deadline'], year: number | null = 2016): Task => ({
  doc: 'd', seq: '1', item: '', task: '', requirement: 'r', lead: [], responsible: [], deadline_raw: '', deadline, region: '测试县', year, line: 1,
});

describe('statusLabel', () => {
  it('labels an open undated task 未到期 in its plan’s year and 方案已结束 after it, never 已逾期', () => {
    expect(statusLabel(task({ kind: 'ongoing' }), false, '2016-12-31')).toBe('未到期');
    expect(statusLabel(task({ kind: 'periodic', every: 'month' }), false, '2017-01-01')).toBe('方案已结束');
    expect(statusLabel(task({ kind: 'ongoing' }, null), false, '2030-01-01')).toBe('未到期');
    expect(statusLabel(task({ kind: 'ongoing' }), true, '2017-01-01')).toBe('已办结');
  });

  it('labels a dated task by its date, whatever its plan’s year', () => {
    expect(statusLabel(task({ kind: 'by', date: '2017-03-31' }), false, '2017-01-02')).toBe('未到期');
    expect(statusLabel(task({ kind: 'by', date: '2016-12-31' }), false, '2017-01-02')).toBe('已逾期');
    expect(statusLabel(task({ kind: 'by', date: '2017-01-05' }), false, '2017-01-02')).toBe('即将到期');
  });
});
