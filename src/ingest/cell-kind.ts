import { normalizeDeadline } from './deadline.js';
import { isMannerOnly } from './no-value.js';
import { remembered } from './remember.js';

/** A short cell whose words are a time limit (2016年12月底前, 全年工作, 按上级部署). */
export const looksLikeDeadline = remembered(readsAsDeadline);

function readsAsDeadline(cell: string): boolean {
  const t = cell.replace(/\s+/g, '');
  if (!t || t.length > 48) return false;
  if (/[。]$/.test(t) && t.length > 30) return false;
  // A time in brackets is a note on the text around it (按时发布年度报告(3月底前)。): that text decides.
  const outside = t.replace(/[（(][^）)]*[）)]/g, '');
  if (outside !== t) return Boolean(outside.replace(/[。；;，,]/g, '')) && looksLikeDeadline(outside);
  const { raw } = normalizeDeadline(t, 2000, 'text');
  if (raw) return raw.replace(/；/g, '').length >= t.length * 0.3 || /^(全年|长期|常态|每|按|\d{4})/.test(t);
  // A manner adverb alone (及时) or 按要求 fills a time-limit cell (its value none or conditional).
  return (/^(全年|长期|持续|常态|即时|定期|不定期|按(照)?上级|视情)/.test(t) && t.length <= 24) || isMannerOnly(t) || /^按要求(公开|发布|完成|更新)?$/.test(t);
}

/** Circled numbers ①–⑳, by value. */
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

export interface Point {
  number: string;
  text: string;
}

/**
 * The running number a requirement starts with: "1.全面公开…", "2、…", "3 根据…", "4流行季节…",
 * "（1）…". Never a date or a quantity (2016年…, 12月…, 3个工作日…).
 */
export function pointNumber(cell: string): Point | undefined {
  const t = cell.trim();
  // ①②③: a circled number is a point's number whatever follows.
  const circled = CIRCLED.indexOf(t[0]);
  if (circled >= 0) return t.slice(1).trim() ? { number: String(circled + 1), text: t.slice(1).trim() } : undefined;
  // After a printed separator (1. 2、) anything may follow; without one (3 根据, 4流行季节) the digits
  // must not be a quantity (24 小时, 3个, 2016年).
  const m = /^[（(]?(\d{1,2})(?:[.．、)）]\s*(?![年月日])|\s+(?=[^\d\s.．])(?![年月日个项号期次时周天岁届元万亿千百％%小分家名人户倍条篇份批场])|(?=[\u4e00-\u9fff“《])(?![年月日个项号期次时周天岁届元万亿千百％%小分家名人户倍条篇份批场]))/.exec(t);
  if (!m) return undefined;
  if (/^[（(]/.test(t) && !/^[（(]\d{1,2}[)）]/.test(t)) return undefined;
  const rest = t.slice(m[0].length).trim();
  if (!rest || (/^[.．]?\d/.test(rest) && !/^(\d{4}\s*年|\d{1,2}\s*月)/.test(rest))) return undefined;
  return { number: String(Number(m[1])), text: rest };
}

/**
 * Splits a requirement cell that holds several numbered points ("1.…。2.…。", "（1）…。（2）…。") into
 * its points, numbered as the first one is. A cell without numbering is one point with number "".
 */
export function splitPoints(cell: string): Point[] {
  const first = pointNumber(cell);
  if (!first) return [{ number: '', text: cell.trim() }];
  const out: Point[] = [];
  let expected = Number(first.number) + 1;
  let rest = first.text;
  let current = first.number;
  const bracketed = /^\s*[（(]/.test(cell);
  const circled = CIRCLED.includes(cell.trim()[0]);
  for (;;) {
    const next = circled ? `\\s*${CIRCLED[expected - 1] ?? '\uffff'}\\s*` : bracketed ? `\\s*[（(]${expected}[)）]\\s*` : `\\s*${expected}\\s*[.．、]\\s*`;
    const re = new RegExp(`(?<=[。；;！])${next}`);
    const m = re.exec(rest);
    if (!m) break;
    out.push({ number: current, text: rest.slice(0, m.index).trim() });
    rest = rest.slice(m.index + m[0].length);
    current = String(expected);
    expected++;
  }
  out.push({ number: current, text: rest.trim() });
  return out;
}

/**
 * Words a requirement of a work plan opens with (加强…, 全面落实…, 建立…): policy writing starts a
 * requirement with a verb or an adverb of manner, where a task's title is a noun phrase (基础建设).
 * Verbs that also end titles (决策公开, 信息发布, 组织实施, 工作落实, 能力提升) are left out.
 */
export const REQUIREMENT_OPENERS = [
  '全面', '进一步', '加强', '加快', '加大', '建立', '健全', '完善', '强化', '深化', '推行', '做好', '抓好', '开展',
  '严格', '认真', '积极', '扎实', '持续', '坚持', '围绕', '依法', '着力', '大力', '切实', '及时', '定期', '主动',
  '按时', '按照', '实行', '编制', '制定', '明确', '提高', '拓展', '畅通', '确保',
];
