import { CalendarDate, endOfMonth as monthEnd, endOfWeek as weekEnd, fromAbsolute, parseDate } from '@internationalized/date';

/**
 * A calendar day as `YYYY-MM-DD`, branded so that only this module's functions (which validate it)
 * make one; it is still a string, so it compares, sorts, prints and serializes as one.
 */
export type IsoDate = string & { readonly __brand: 'IsoDate' };

/** Reads `YYYY-MM-DD`; undefined for anything else, a day that does not exist (2016-02-30) included. */
export function parseIsoDate(text: string): IsoDate | undefined {
  if (!ISO.test(text)) return undefined;
  try {
    return toIso(parseDate(text));
  } catch {
    return undefined;
  }
}

/** `parseIsoDate` for a value that must be a date (a task's deadline, a test's literal); throws otherwise. */
export function isoDate(text: string): IsoDate {
  const d = parseIsoDate(text);
  if (!d) throw new RangeError(`not a YYYY-MM-DD date: ${text}`);
  return d;
}

/** The day of a year, month (1–12) and day; throws for a day that does not exist (check with `isValidDate`). */
export function dateOf(year: number, month: number, day: number): IsoDate {
  if (!isValidDate(year, month, day)) throw new RangeError(`no such day: ${year}-${month}-${day}`);
  return toIso(new CalendarDate(year, month, day));
}

/** True when the year has that month and the month has that day (2 月 30 日 has not). */
export function isValidDate(year: number, month: number, day: number): boolean {
  return Number.isInteger(year) && Number.isInteger(month) && Number.isInteger(day) && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** The number of days of a month (1–12) in a year. */
export function daysInMonth(year: number, month: number): number {
  return monthEnd(new CalendarDate(year, month, 1)).day;
}

/** The last day of a month (1–12): 2016, 2 → 2016-02-29. */
export function endOfMonth(year: number, month: number): IsoDate {
  return toIso(monthEnd(new CalendarDate(year, month, 1)));
}

/** The day `days` after (negative: before) a day. */
export function addDays(date: IsoDate, days: number): IsoDate {
  return toIso(parseDate(date).add({ days }));
}

/** The Sunday that ends a day's week (weeks start on Monday, as in China). */
export function endOfWeek(date: IsoDate): IsoDate {
  return toIso(weekEnd(parseDate(date), 'zh-CN'));
}

/** The same day `months` later (negative: earlier), kept inside the month: 2016-01-31 + 1 → 2016-02-29. */
export function addMonths(date: IsoDate, months: number): IsoDate {
  return toIso(parseDate(date).add({ months }));
}

/** Whole days from `from` to `to`: positive when `to` is later. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return parseDate(to).compare(parseDate(from));
}

/** The quarter (1–4) of a month (1–12). */
export function quarterOf(month: number): 1 | 2 | 3 | 4 {
  return Math.ceil(month / 3) as 1 | 2 | 3 | 4;
}

/** The last day of the period of `months` months (1, 3, 6, 12) that holds `date`: a month, quarter, half-year or year. */
export function endOfPeriod(date: IsoDate, months: 1 | 3 | 6 | 12): IsoDate {
  const d = parseDate(date);
  return endOfMonth(d.year, Math.ceil(d.month / months) * months);
}

/** The local day and hour (0–23) of an instant in an IANA time zone (Asia/Shanghai). */
export function localTime(now: Date, timeZone: string): { date: IsoDate; hour: number } {
  const z = fromAbsolute(now.getTime(), timeZone);
  return { date: toIso(new CalendarDate(z.year, z.month, z.day)), hour: z.hour };
}

/** Today in a time zone (Asia/Shanghai unless given). */
export function todayIn(timeZone = 'Asia/Shanghai', now = new Date()): IsoDate {
  return localTime(now, timeZone).date;
}

function toIso(d: CalendarDate): IsoDate {
  return d.toString() as IsoDate;
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;
