import { describe, expect, it } from 'vitest';
import type { Task } from '../../src/domain/task.js';
import { nextPeriod, periodContaining, periodLabel, periodOf } from '../../src/tracking/period.js';

const task = (deadline: Task['deadline'], year: number | null = 2016) => ({ deadline, year });

describe('periods of a periodic task', () => {
  it('are the month, quarter, half-year or year holding the day', () => {
    expect(periodContaining('month', '2016-02-10')).toEqual({ every: 'month', key: '2016-02', start: '2016-02-01', end: '2016-02-29' });
    expect(periodContaining('quarter', '2016-05-15')).toEqual({ every: 'quarter', key: '2016-Q2', start: '2016-04-01', end: '2016-06-30' });
    expect(periodContaining('halfyear', '2016-07-01')).toEqual({ every: 'halfyear', key: '2016-H2', start: '2016-07-01', end: '2016-12-31' });
    expect(periodContaining('year', '2016-03-01')).toEqual({ every: 'year', key: '2016-Y', start: '2016-01-01', end: '2016-12-31' });
  });

  it('stay inside the plan’s year: after it, the last period; before it, the first', () => {
    const quarterly = task({ kind: 'periodic', every: 'quarter' });
    expect(periodOf(quarterly, '2017-02-01')?.key).toBe('2016-Q4');
    expect(periodOf(quarterly, '2015-12-01')?.key).toBe('2016-Q1');
    expect(periodOf(task({ kind: 'periodic', every: 'quarter' }, null), '2017-02-01')?.key).toBe('2017-Q1');
  });

  it('are none for a task that does not recur by periods', () => {
    expect(periodOf(task({ kind: 'by', date: '2016-06-30' }), '2016-06-01')).toBeUndefined();
    expect(periodOf(task({ kind: 'periodic', every: 'week' }), '2016-06-01')).toBeUndefined();
    expect(periodOf(task({ kind: 'ongoing' }), '2016-06-01')).toBeUndefined();
  });

  it('follow one another until the plan’s year ends', () => {
    const monthly = task({ kind: 'periodic', every: 'month' });
    expect(nextPeriod(monthly, periodOf(monthly, '2016-11-05')!)?.key).toBe('2016-12');
    expect(nextPeriod(monthly, periodOf(monthly, '2016-12-05')!)).toBeUndefined();
  });

  it('are said as people say them', () => {
    expect(['2016-06', '2016-Q2', '2016-H1', '2016-H2', '2016-Y', 'odd'].map(periodLabel)).toEqual(['2016年6月', '2016年第二季度', '2016年上半年', '2016年下半年', '2016年度', 'odd']);
  });
});
