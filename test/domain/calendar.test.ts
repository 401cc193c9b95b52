import { describe, expect, it } from 'vitest';
import { addDays, dateOf, daysBetween, endOfMonth, endOfPeriod, isoDate, isValidDate, localTime, parseIsoDate, quarterOf, todayIn } from '../../src/domain/calendar.js';

describe('calendar', () => {
  it('reads only days that exist', () => {
    expect(parseIsoDate('2016-02-29')).toBe('2016-02-29');
    expect(parseIsoDate('2017-02-29')).toBeUndefined();
    expect(parseIsoDate('2016-2-9')).toBeUndefined();
    expect(() => isoDate('31/12/2016')).toThrow(RangeError);
    expect(isValidDate(2016, 13, 1)).toBe(false);
    expect(() => dateOf(2016, 4, 31)).toThrow(RangeError);
  });

  it('computes month ends, periods and quarters', () => {
    expect(endOfMonth(2016, 2)).toBe('2016-02-29');
    expect(endOfMonth(2019, 2)).toBe('2019-02-28');
    expect(endOfPeriod(isoDate('2016-08-24'), 3)).toBe('2016-09-30');
    expect(endOfPeriod(isoDate('2016-08-24'), 6)).toBe('2016-12-31');
    expect(endOfPeriod(isoDate('2016-08-24'), 1)).toBe('2016-08-31');
    expect(quarterOf(7)).toBe(3);
  });

  it('adds days and counts them across month and year ends', () => {
    expect(addDays(isoDate('2016-12-28'), 7)).toBe('2017-01-04');
    expect(addDays(isoDate('2016-03-01'), -1)).toBe('2016-02-29');
    expect(daysBetween(isoDate('2016-06-23'), isoDate('2016-06-30'))).toBe(7);
    expect(daysBetween(isoDate('2016-07-14'), isoDate('2016-06-30'))).toBe(-14);
  });

  it('gives the local day and hour of an instant in a time zone', () => {
    const instant = new Date('2016-06-30T16:30:00Z');
    expect(localTime(instant, 'Asia/Shanghai')).toEqual({ date: '2016-07-01', hour: 0 });
    expect(todayIn('America/New_York', instant)).toBe('2016-06-30');
  });
});
