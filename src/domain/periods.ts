import type { Every } from './task.js';

/** The schedule a period word names: 季度 or 季 → quarter, 月 or 旬 → month, 周 or 星期 → week …; day for 天, 日 and any other. */
export function everyOfWord(word: string | undefined): Every {
  if (word === '半年') return 'halfyear';
  if (word === '季度' || word === '季') return 'quarter';
  if (word === '月' || word === '旬') return 'month';
  if (word === '年') return 'year';
  if (word === '周' || word === '星期') return 'week';
  return 'day';
}

/**
 * The schedules a text states in its own words (每季度公开食品抽检信息, 按月更新): what a task does
 * periodically even where its deadline column says otherwise (全年工作), or has none.
 */
export function statedPeriods(text: string): Set<Every> {
  return new Set([...text.matchAll(STATED)].map((m) => everyOfWord(m[1])));
}

const STATED = /(?:每|按)(?:个)?(半年|季度|季|月|年|周|星期|旬)/g;
