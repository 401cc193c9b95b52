/**
 * Chinese numerals as plans and questions print them (1–99): 一, 十二, 二十三 — read and written in
 * one place for the outline reader, the .docx list numbering and the question parser.
 */

/** The value of 12, 一, 十二, 二十三 (brackets around it allowed: （三）, (3)); undefined for anything else. */
export function numeralValue(label: string): number | undefined {
  const t = label.trim().replace(/^[（(](.+)[）)]$/, '$1');
  if (/^\d{1,3}$/.test(t)) return Number(t);
  const m = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(t);
  if (!m || !t || (m[1] && m[3] && !m[2])) return undefined;
  const digit = (c: string | undefined) => (c ? DIGITS.indexOf(c) : 0);
  return m[2] ? (m[1] ? digit(m[1]) : 1) * 10 + digit(m[3]) : digit(m[1] ?? m[3]);
}

/** 1–99 written in Chinese numerals (十二, 二十三); other numbers in Arabic digits. */
export function chineseNumeral(n: number): string {
  if (n >= 0 && n < 10) return DIGITS[n];
  if (n >= 10 && n < 20) return `十${n % 10 ? DIGITS[n % 10] : ''}`;
  if (n >= 20 && n < 100) return `${DIGITS[Math.floor(n / 10)]}十${n % 10 ? DIGITS[n % 10] : ''}`;
  return String(n);
}

const DIGITS = '零一二三四五六七八九';
