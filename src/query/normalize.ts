import * as OpenCC from 'opencc-js';

let toSimplified: ((s: string) => string) | undefined;

/**
 * Normalizes a question before anything reads it: traditional → simplified characters (OpenCC),
 * full-width digits and letters → ASCII (NFKC), emoji and symbols removed, spaces collapsed,
 * trailing punctuation dropped; a year in numerals or two digits is written out (二〇一八年, 18年 →
 * 2018年). 縣財政局１２月前要公開什麼？？😀 → 县财政局12月前要公开什么.
 */
export function normalizeQuestion(text: string): string {
  const convert = (toSimplified ??= OpenCC.Converter({ from: 't', to: 'cn' }));
  return convert(text.normalize('NFKC'))
    .replace(/\p{Extended_Pictographic}|[\u{1F3FB}-\u{1F3FF}\u200d\ufe0f]/gu, '')
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .replace(/\s+/g, ' ')
    // 六 安 市 财 政 局: characters typed one by one with spaces between are one word.
    .replace(SPACED_RUN, (run: string) => run.replace(/ /g, ''))
    .replace(NUMERAL_YEAR, (_m: string, digits: string) => `${[...digits].map((c) => NUMERALS.indexOf(c === '零' ? '〇' : c)).join('')}年`)
    .replace(SHORT_YEAR, (_m: string, yy: string) => `20${yy}年`)
    .trim()
    .replace(/[\s?？!！。.，,、;；:：~～…]+$/u, '')
    .trim();
}

/** Three or more single Chinese characters, each apart from the next by one space. */
const SPACED_RUN = /(?<![\u4e00-\u9fff])[\u4e00-\u9fff](?: [\u4e00-\u9fff](?![\u4e00-\u9fff])){2,}/g;

/** Digits as Chinese numerals print them in a year, by value (〇 and 零 are both 0). */
const NUMERALS = '〇一二三四五六七八九';
/** 二〇一八年, 二零一八年: four numeral digits before 年. */
const NUMERAL_YEAR = /([〇零一二三四五六七八九]{4})\s*年/g;
/** 18年, 18年度: two digits alone before 年 (not 2018年, 3年内, 近5年) — this century's year. */
const SHORT_YEAR = /(?<![\d.\-/近前后余多])(1\d|2\d|30)\s*年(?![内来间以多])/g;
