export interface OutlineNumber {
  /** 0 for 一、, 1 for （一）, 2 for 1., 3 for （1）. */
  level: number;
  /** As cited, in the brackets the document prints: 一, （一） or (一), 1, （1） or (1). */
  label: string;
  /** The heading's text without its number. */
  text: string;
}

/** Reads an outline number at the start of a heading or item: 一、 / （一） / 1. or 1） / （1）. */
export function outlineNumber(s: string): OutlineNumber | undefined {
  const t = s.trim();
  let m = /^([一二三四五六七八九十]{1,3})\s*[、.．]\s*(.*)$/s.exec(t);
  if (m) return { level: 0, label: m[1], text: m[2].trim() };
  m = /^([（(][一二三四五六七八九十]{1,3}[）)])\s*[、.．]?\s*(.*)$/s.exec(t);
  if (m) return { level: 1, label: m[1], text: m[2].trim() };
  // 3.6月底前… is item 3 about June; 3.6 alone is a decimal.
  m = /^(\d{1,2})\s*[.．、](?!\d(?!\d?\s*[月年日号]))\s*(.*)$/s.exec(t);
  if (m) return { level: 2, label: m[1], text: m[2].trim() };
  m = /^([（(]\d{1,2}[）)])\s*(.*)$/s.exec(t);
  if (m) return { level: 3, label: m[1], text: m[2].trim() };
  // 1）全面梳理…: an item numbered as 1. is.
  m = /^(\d{1,2})\s*[）)]\s*(\S.*)$/s.exec(t);
  if (m) return { level: 2, label: m[1], text: m[2].trim() };
  return undefined;
}
