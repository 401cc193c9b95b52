import { addDays, dateOf, daysInMonth, endOfMonth, endOfWeek, isValidDate, isoDate, quarterOf } from '../domain/calendar.js';
import type { DateRef, TimeWindow } from '../domain/query.js';

export interface TimeReading {
  window?: TimeWindow;
  /** A plan year named on its own (2016年的任务): selects plans rather than dates. */
  year?: number;
  problems: string[];
  /** The question with the time words taken out. */
  rest: string;
}

/**
 * Reads the time words of a question. Cumulative limits (X月前, X月底前, 年底前, 本月底前,
 * by December) have no start; named periods (第三季度, 上半年, 本月, 下个月, 今年, 两周内, Q3,
 * first half) are ranges. A bare month and 年底 refer to each plan's year; 今年, 本月, 下个月 and
 * 两周内 to `today`. Impossible dates give a problem message instead of a window.
 */
export function readTime(text: string, today: string): TimeReading {
  const [ty, tm] = today.split('-').map(Number);
  const problems: string[] = [];
  let rest = text;
  let window: TimeWindow | undefined;
  let year: number | undefined;
  const take = (re: RegExp, fn: (m: RegExpExecArray) => TimeWindow | undefined | null) => {
    if (window) return;
    const m = re.exec(rest);
    if (!m) return;
    const w = fn(m);
    if (w === null) return;
    rest = rest.slice(0, m.index) + ' ' + rest.slice(m.index + m[0].length);
    if (w) window = w;
  };
  const month = (y: number | 'plan', mo: number, label: string, from?: DateRef): TimeWindow | undefined => {
    if (mo < 1 || mo > 12) {
      problems.push(`没有${mo}月这个月份，请检查日期（${label}）`);
      return undefined;
    }
    return { from, to: { year: y, month: mo, day: 'end' }, label };
  };
  const range = (y: number | 'plan', m1: number, m2: number, label: string): TimeWindow => ({
    from: { year: y, month: m1, day: 1 },
    to: { year: y, month: m2, day: 'end' },
    label,
  });
  const abs = (iso: string): DateRef => {
    const [y, m, d] = iso.split('-').map(Number);
    return { year: y, month: m, day: d };
  };

  // Today-relative words first: 本月底前 is not "本月" plus "底前".
  take(/本月(?:底|末)?(?:前|以前|之前)|by the end of (?:this|the) month|by end of (?:this|the) month/i, () => month(ty, tm, '本月底前'));
  take(/(?:两|2|二)(?:周|个星期|星期)(?:内|之内|以内)|within (?:two|2) weeks|next (?:two|2) weeks|半个月内/i, () => ({
    from: abs(today),
    to: abs(addDays(isoDate(today), 14)),
    label: '两周内',
  }));
  take(/下(?:个)?月|next month/i, () => {
    const [ny, nm] = tm === 12 ? [ty + 1, 1] : [ty, tm + 1];
    return range(ny, nm, nm, '下个月');
  });
  take(/本月|这个月|当月|this month/i, () => range(ty, tm, tm, '本月'));
  take(/本周|这周|这个星期|本星期|this week/i, () => ({ from: abs(today), to: abs(endOfWeek(isoDate(today))), label: '本周' }));
  take(/下(?:个)?(?:周|星期|礼拜)|next week/i, () => {
    const monday = addDays(endOfWeek(isoDate(today)), 1);
    return { from: abs(monday), to: abs(endOfWeek(monday)), label: '下周' };
  });
  take(/本季度|这个季度|当季度?|this quarter/i, () => ({ ...quarter(ty, String(quarterOf(tm)), ''), label: '本季度' }));
  take(/下(?:个)?季度|next quarter/i, () => {
    const q = quarterOf(tm);
    return { ...quarter(q === 4 ? ty + 1 : ty, String(q === 4 ? 1 : q + 1), ''), label: '下季度' };
  });
  take(/今年(?:年底|年内|底)(?:前|以前|之前)?|by the end of this year|by end of this year/i, () => month(ty, 12, '今年年底前'));
  take(/今年|本年度|this year/i, () => range(ty, 1, 12, '今年'));

  // Absolute and plan-relative dates.
  take(/(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]\s*(?:前|以前|之前)?/, (m) => dayLimit(Number(m[1]), Number(m[2]), Number(m[3]), m[0], problems));
  take(/(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]\s*(?:前|以前|之前)?/, (m) => dayLimit('plan', Number(m[1]), Number(m[2]), m[0], problems));
  take(/(\d{4})\s*年\s*(\d{1,2})\s*月\s*(?:份)?\s*(?:底|末)?\s*(前|以前|之前)/, (m) => month(Number(m[1]), Number(m[2]), m[0]));
  take(/(\d{4})\s*年\s*(?:第)?([1-4一二三四])\s*季度/, (m) => quarter(Number(m[1]), m[2], m[0]));
  take(/\bQ([1-4])\s*(?:of\s+)?(\d{4})\b|\b(\d{4})\s*Q([1-4])\b/i, (m) => quarter(Number(m[2] ?? m[3]), m[1] ?? m[4], m[0]));
  take(/(\d{4})\s*年\s*(上半年|下半年)/, (m) => (m[2] === '上半年' ? range(Number(m[1]), 1, 6, m[0]) : range(Number(m[1]), 7, 12, m[0])));
  take(/(\d{4})\s*年\s*(\d{1,2})\s*月(?:份)?/, (m) => {
    const mo = Number(m[2]);
    return mo < 1 || mo > 12 ? month(Number(m[1]), mo, m[0]) : range(Number(m[1]), mo, mo, m[0]);
  });
  take(/(\d{4})\s*年\s*(?:底|末|年底)\s*(?:前|以前|之前)?|by (?:the )?end of (\d{4})/i, (m) => month(Number(m[1] ?? m[2]), 12, m[0]));
  take(/(\d{1,2})\s*月\s*(?:份)?\s*(?:底|末)?\s*(前|以前|之前|内)|(\d{1,2})\s*月\s*(?:底|末)(?!\d)/, (m) => month('plan', Number(m[1] ?? m[3]), m[0]));
  take(/年底(?:前|以前|之前)?|年末(?:前)?|年内|年终前|by (?:the )?end of (?:the )?year|by year[- ]end/i, () => month('plan', 12, '年底前'));
  // 年中(前): by the middle of the year, the end of June.
  take(/(?<![全今])年中(?:前|以前|之前)?|by mid-?year/i, () => month('plan', 6, '年中前'));
  take(/\b(?:by|before|no later than)\s+(?:(?:the\s+)?end\s+of\s+)?(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\b/i, (m) => month('plan', monthNumber(m[1]), `${monthNumber(m[1])}月底前`));
  take(/(?:第)?([1-4一二三四])\s*季度(?:前|末|底)?|\bQ([1-4])\b/i, (m) => {
    const q = m[1] ?? m[2];
    if (/(前|末|底)$/.test(m[0])) return month('plan', quarterNumber(q) * 3, m[0]);
    return quarter('plan', q, m[0]);
  });
  take(/上半年|first half(?: of (?:the )?year)?(?: of (\d{4}))?|\bH1\b/i, (m) => range(m[1] ? Number(m[1]) : 'plan', 1, 6, '上半年'));
  take(/下半年|second half(?: of (?:the )?year)?(?: of (\d{4}))?|\bH2\b/i, (m) => range(m[1] ? Number(m[1]) : 'plan', 7, 12, '下半年'));
  take(/\bin\s+(january|february|march|april|may|june|july|august|september|october|november|december)\b|\b(january|february|march|april|june|july|august|september|october|november|december)\b/i, (m) => {
    const mo = monthNumber(m[1] ?? m[2]);
    return range('plan', mo, mo, `${mo}月`);
  });
  take(/(?<![\d.第])(\d{1,2})\s*月(?:份)?(?![\d日号])/, (m) => {
    const mo = Number(m[1]);
    return mo < 1 || mo > 12 ? month('plan', mo, m[0]) : range('plan', mo, mo, m[0]);
  });
  // 去年, 前年, 明年: the plan of a year counted from today's, as 2016年 picks that year's plan.
  const relative = /前年|去年|上一?年(?:度)?|明年|下一?年(?:度)?|来年|后年/.exec(rest);
  if (relative) {
    year = ty + (RELATIVE_YEARS[relative[0].replace(/度$/, '').replace(/^(上|下)一?年$/, '$1年')] ?? 0);
    rest = rest.slice(0, relative.index) + ' ' + rest.slice(relative.index + relative[0].length);
  }
  if (!window && year === undefined) {
    const y = /(?<![\d.\-/])((?:19|20)\d{2})(?:\s*年(?:度)?)?(?![\d\-/.月])/.exec(rest);
    if (y) {
      year = Number(y[1]);
      rest = rest.slice(0, y.index) + ' ' + rest.slice(y.index + y[0].length);
    }
  }
  return { window, year, problems, rest };
}

/** Years counted from today's. */
const RELATIVE_YEARS: Record<string, number> = { 前年: -2, 去年: -1, 上年: -1, 明年: 1, 下年: 1, 来年: 1, 后年: 2 };

/** Resolves a date reference against a plan's year, as YYYY-MM-DD; null when the plan year is unknown. */
export function resolveDate(ref: DateRef, planYear: number | null): string | null {
  const y = ref.year === 'plan' ? planYear : ref.year;
  if (y === null) return null;
  if (ref.day === 'end') return endOfMonth(y, ref.month);
  return dateOf(y, ref.month, Math.min(ref.day, daysInMonth(y, ref.month)));
}

function dayLimit(y: number | 'plan', mo: number, d: number, label: string, problems: string[]): TimeWindow | undefined {
  // A plan-relative day is checked against a leap year: 2月29日 may exist in the plan's year.
  if (!isValidDate(y === 'plan' ? 2000 : y, mo, d)) {
    problems.push(`日期无效：${label.trim()}（没有这一天），请检查日期`);
    return undefined;
  }
  return { to: { year: y, month: mo, day: d }, label: label.trim() };
}

function quarter(y: number | 'plan', q: string, label: string): TimeWindow {
  const n = quarterNumber(q);
  return { from: { year: y, month: n * 3 - 2, day: 1 }, to: { year: y, month: n * 3, day: 'end' }, label: `第${n}季度` + (label.includes('年') ? '' : '') };
}

function quarterNumber(q: string): number {
  return '1一'.includes(q) ? 1 : '2二'.includes(q) ? 2 : '3三'.includes(q) ? 3 : 4;
}

function monthNumber(name: string): number {
  const i = MONTHS.findIndex((m) => name.toLowerCase().startsWith(m));
  return i + 1;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
