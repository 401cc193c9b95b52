import type { DraftTask } from './assemble.js';
import { normalizeDeadline } from './deadline.js';
import { cleanCell } from './grid.js';
import { outlineNumber } from './outline-number.js';
import { looksLikeDeadline } from './cell-kind.js';
import { looksLikeUnits, parseUnits, splitOutsideBrackets } from './units.js';

/**
 * Reads a prose plan, where there is no table:
 * - outline items 一、/（一）/1. that end with their units in parentheses
 *   ("…8月底前完成。（县财政局牵头，各乡镇配合）", "(牵头单位:…;责任单位:…)");
 * - numbered requirements each followed by a unit line ("牵头单位：…；责任单位：…" or a plain list);
 * - run-in headings "（一）加强政策解读。" followed by sentences each closed by its own unit
 *   parenthesis: each sentence is a task, the heading its category.
 * The parenthesis is not part of the requirement. Returns [] unless at least two tasks name units,
 * so a notice or a speech is never read as a plan.
 */
export function readProse(text: string, year: number | null): DraftTask[] {
  const lines = text
    .split('\n')
    .map((l, i) => ({ text: bracketedFields(unmarked(cleanCell(l))), line: i + 1 }))
    .filter((l) => l.text);
  const tasks: Array<Omit<DraftTask, 'deadline' | 'deadline_raw'> & { unitText: string; deadlineCell?: string }> = [];
  let ordinal = 0;
  const path: string[] = [];
  const heads: string[] = [];
  let started = false;

  const setLevel = (level: number, label: string, headText: string) => {
    path.length = level;
    heads.length = level;
    while (path.length < level) path.push('');
    while (heads.length < level) heads.push('');
    path[level] = label;
    heads[level] = headText;
  };
  const seqOf = () => path.filter(Boolean).join('/');
  const taskOf = () => heads.filter(Boolean).join(' / ');

  for (let i = 0; i < lines.length; i++) {
    const { text: t, line } = lines[i];
    const on = outlineNumber(t);
    if (!on) {
      // An unnumbered requirement line followed by its unit line (and maybe a deadline line).
      const next = lines[i + 1]?.text ?? '';
      const after = lines[i + 2]?.text ?? '';
      // A unit line followed by a date is the signature under the closing paragraph, not a task.
      const signature = /^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日/.test(after);
      if (started && !signature && t.length >= 6 && !looksLikeUnits(t) && !looksLikeDeadline(t) && next && !outlineNumber(next) && looksLikeUnits(next)) {
        const { unitText, deadlineCell, used } = unitLineAt(lines, i + 1);
        tasks.push({ seq: seqOf(), item: String(++ordinal), task: taskOf(), requirement: t, lead: [], responsible: [], line, unitText, deadlineCell });
        i += used;
      }
      continue;
    }
    ordinal = 0;
    if (on.level === 0) started = true;
    if (!started && on.level > 0) started = true;
    const runIn = splitRunIn(on.text);
    const runInSentences = runIn ? unitSentences(runIn.body) : [];
    // One unit parenthesis closing several sentences after the heading closes the whole item: the
    // heading is its first sentence, not a heading over tasks.
    // One parenthesis inside the item's text, more text after it (…公开（县财政局负责）；各部门…): it
    // closes the whole item, the parenthesis taken out.
    const inside = runInSentences.length === 1 && runIn!.body.slice(runInSentences[0].end).trim().length >= 6;
    const overItems = !inside && (runInSentences.length > 1 || (runInSentences.length === 1 && on.level <= 1 && !/[。！？]./.test(runInSentences[0].text)));
    if (runIn && overItems) {
      // Run-in heading: "（一）加强政策解读。" then sentences, each with its own units.
      setLevel(on.level, on.label, runIn.heading.replace(/[。.]$/, ''));
      runInSentences.forEach((s, n) =>
        tasks.push({ seq: seqOf(), item: String(n + 1), task: taskOf(), requirement: s.text, lead: [], responsible: [], line, unitText: s.units, deadlineCell: s.deadline }),
      );
      continue;
    }
    const sentences = unitSentences(on.text);
    const last = sentences[sentences.length - 1];
    if (last && last.end === on.text.length) {
      setLevel(on.level, on.label, '');
      tasks.push({ seq: seqOf(), item: '', task: taskOf(), requirement: on.text.slice(0, last.parenStart).trim(), lead: [], responsible: [], line, unitText: last.units, deadlineCell: last.deadline });
      continue;
    }
    if (sentences.length === 1 && last.end < on.text.length) {
      const close = matchingClose(on.text, last.parenStart);
      const requirement = `${on.text.slice(0, last.parenStart)}${on.text.slice(close + 1)}`.trim();
      setLevel(on.level, on.label, '');
      tasks.push({ seq: seqOf(), item: '', task: taskOf(), requirement, lead: [], responsible: [], line, unitText: last.units, deadlineCell: last.deadline });
      continue;
    }
    const glued = labelledTail(on.text) ?? (on.level >= 2 ? trailingUnits(on.text) : undefined);
    if (glued) {
      setLevel(on.level, on.label, '');
      tasks.push({ seq: seqOf(), item: '', task: taskOf(), requirement: glued.requirement, lead: [], responsible: [], line, unitText: glued.units });
      continue;
    }
    const next = lines[i + 1]?.text ?? '';
    // A numbered point, or an item of any level whose next line labels its units (责任部门：…): a task.
    if ((on.level >= 2 || UNIT_LABEL_RE.test(next)) && next && !outlineNumber(next) && looksLikeUnits(next)) {
      setLevel(on.level, on.label, '');
      const { unitText, deadlineCell, used } = unitLineAt(lines, i + 1);
      tasks.push({ seq: seqOf(), item: '', task: taskOf(), requirement: on.text, lead: [], responsible: [], line, unitText, deadlineCell });
      i += used;
      continue;
    }
    setLevel(on.level, on.label, on.text.replace(/[。.]$/, ''));
  }
  if (tasks.filter((t) => t.unitText).length < 2) return [];

  // Item numbers that run on across headings (4 under 二、 after 3 under 一、) are plain 序号.
  const leafNumbers = tasks.filter((t) => !t.item).map((t) => Number(t.seq.split('/').pop()));
  const runsOn = leafNumbers.length > 1 && leafNumbers.every((n, k) => k === 0 || n === leafNumbers[k - 1] + 1);
  return tasks.map(({ unitText, deadlineCell, ...t }) => {
    const roles = parseUnits(unitText, 'lead');
    const d = deadlineCell ? normalizeDeadline(deadlineCell, year, 'column') : normalizeDeadline(t.requirement, year, 'text');
    const seq = runsOn && !t.item ? t.seq.split('/').pop()! : t.seq;
    return { ...t, seq, lead: roles.lead, responsible: roles.responsible, deadline: d.deadline, deadline_raw: d.raw };
  });
}

interface UnitSentence {
  /** The sentence without its unit parenthesis, closing 。 kept. */
  text: string;
  units: string;
  /** A labelled time field inside the parenthesis (完成时限:全年), which governs like a column. */
  deadline?: string;
  /** Where the parenthesis starts and where the sentence (with its 。) ends, in the input. */
  parenStart: number;
  end: number;
}

/** Splits text at each closing unit parenthesis: "…部署（区政府办牵头）。…1次（区政府办）。" */
function unitSentences(text: string): UnitSentence[] {
  const out: UnitSentence[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (!OPEN.includes(text[i])) continue;
    const close = matchingClose(text, i);
    if (close < 0) continue;
    const { units: inner, deadline } = labelGroup(text.slice(i + 1, close));
    const after = text.slice(close + 1);
    // Closing a sentence, or (a role word inside: 县财政局负责) a clause before a comma.
    const closes = after.trim() === '' || /^\s*[。.；;]/.test(after) || (/^\s*[，,]/.test(after) && ROLE_WORD_RE.test(inner));
    if (!closes || !looksLikeUnits(inner)) {
      i = close;
      continue;
    }
    const punct = /^\s*([。.；;])/.exec(after);
    let body = text.slice(start, i).trim();
    if (punct && !/[。.；;]$/.test(body)) body += punct[1] === '.' ? '。' : punct[1];
    const end = close + 1 + (punct ? punct[0].length : 0);
    out.push({ text: body, units: inner, deadline, parenStart: i, end: after.trim() === '' ? text.length : end });
    start = end;
    i = end - 1;
  }
  return out;
}

/** A labelled unit field after the item's last sentence: `…精准推送。责任单位：县发展改革委、县工信局`. */
function labelledTail(text: string): { requirement: string; units: string } | undefined {
  const m = UNIT_TAIL_RE.exec(text);
  if (!m || !looksLikeUnits(labelGroup(m[1]).units)) return undefined;
  return { requirement: text.slice(0, m.index + 1).trim(), units: m[1] };
}

/**
 * Units printed after an item's text with no bracket: after its last sentence
 * (`…动态更新。办公室牵头,各有关处室配合`) or glued to it (`…等信息审批处牵头,各有关处室配合`). Only a
 * phrase with a role word (牵头/配合/负责) counts, so a sentence that merely ends with a noun is kept.
 */
function trailingUnits(text: string): { requirement: string; units: string } | undefined {
  const end = Math.max(text.lastIndexOf('。'), text.lastIndexOf('；'), text.lastIndexOf(';'));
  const tail = text.slice(end + 1).trim();
  if (!tail || !ROLE_WORD_RE.test(tail)) return undefined;
  if (end >= 0 && looksLikeUnits(tail)) return { requirement: text.slice(0, end + 1).trim(), units: tail };
  // Glued: the shortest name (three characters or more, ending like a unit) before the first role word.
  const role = ROLE_WORD_RE.exec(tail)!;
  const before = tail.slice(0, role.index);
  for (let len = 3; len <= Math.min(10, before.length - 4); len++) {
    const name = before.slice(before.length - len);
    const units = name + tail.slice(role.index);
    if (looksLikeUnits(units) && looksLikeUnits(name)) return { requirement: text.slice(0, end + 1 + before.length - len).trim(), units };
  }
  return undefined;
}

/**
 * The unit line at `k` under a requirement, its labelled time field taken out (`牵头单位：…；责任单位：…；
 * 完成时限：全年`), else the deadline line after it (`完成时限：全年`, `2022年底前`), which governs like a
 * column; `used`, the lines they take.
 */
function unitLineAt(lines: Array<{ text: string }>, k: number): { unitText: string; deadlineCell?: string; used: number } {
  // Fields a line each (牵头单位：… / 配合单位：… / 完成时限：…) are one unit line.
  const field = (t = '') => UNIT_LABEL_RE.test(t) || TIME_LABEL_RE.test(t);
  let text = lines[k].text;
  let used = 1;
  while (UNIT_LABEL_RE.test(lines[k].text) && used < 4 && field(lines[k + used]?.text)) {
    text += `；${lines[k + used].text}`;
    used++;
  }
  const { units, deadline } = labelGroup(text);
  if (deadline !== undefined) return { unitText: units, deadlineCell: deadline, used };
  const after = lines[k + used]?.text ?? '';
  if (after && !outlineNumber(after) && (TIME_LABEL_RE.test(after) || looksLikeDeadline(after))) return { unitText: units, deadlineCell: after.replace(TIME_LABEL_RE, '').trim(), used: used + 1 };
  return { unitText: units, used };
}

/** A line without Markdown's marks (a page exported as Markdown): `## 一、…`, `- 牵头单位：…`, `**牵头单位**：…`. */
function unmarked(line: string): string {
  return line.replace(/^#{1,6}\s+/, '').replace(/^[-*+]\s+(?=\S)/, '').replace(/\*\*([^*]+)\*\*/g, '$1');
}

/**
 * Fields printed with their labels in brackets, as one closing label group: `…材料。【牵头单位】X【配合单位】Y
 * 【完成时限】Z` → `…材料。（牵头单位：X；配合单位：Y；完成时限：Z）` (a line of fields only: without the
 * parenthesis, a unit line), and `【牵头单位：X】【完成时限：Z】` → `【牵头单位：X；完成时限：Z】`.
 */
function bracketedFields(line: string): string {
  const first = line.search(BRACKET_LABEL_RE);
  if (first >= 0) {
    const fields = [...line.slice(first).matchAll(/[【[]\s*([^】\]]*?)\s*[】\]]\s*([^【[]*)/g)];
    if (fields.every((f) => FIELD_LABEL_RE.test(f[1]) && f[2].trim()) && fields.map((f) => f[0]).join('') === line.slice(first)) {
      const group = fields.map((f) => `${f[1]}：${f[2].trim().replace(/[。.；;，,]$/, '')}`).join('；');
      const before = line.slice(0, first).trim();
      return before ? `${before}（${group}）` : group;
    }
  }
  return line.replace(GROUPS_APART_RE, '；');
}

function splitRunIn(text: string): { heading: string; body: string } | undefined {
  const m = /^([^。（(]{2,30}[。.])\s*(\S.*)$/.exec(text);
  return m ? { heading: m[1], body: m[2] } : undefined;
}

/**
 * The fields of a closing label group: `责任单位:…,完成时限:全年`, `责任部门:…,时限要求:…`,
 * `X负责落实,完成时限:2022年10月`, `X负责，长期坚持` (a last field that is a time limit). The time field is
 * taken out; the rest names the units.
 */
function labelGroup(inner: string): { units: string; deadline?: string } {
  const fields = splitOutsideBrackets(inner, '，,；;');
  const time = fields.findIndex((f) => TIME_LABEL_RE.test(f));
  if (time < 0) {
    // (区数据局牵头，区市场监管局配合，2024年9月底前完成): a last field that is a time limit, unlabelled.
    const last = fields[fields.length - 1] ?? '';
    if (fields.length > 1 && looksLikeDeadline(last) && !looksLikeUnits(last)) return { units: fields.slice(0, -1).join('，'), deadline: last.trim() };
    return { units: inner };
  }
  const units = fields.filter((_f, k) => k !== time).join('，');
  return { units, deadline: fields[time].replace(TIME_LABEL_RE, '').trim() };
}

function matchingClose(text: string, open: number): number {
  let depth = 0;
  for (let j = open; j < text.length; j++) {
    if (OPEN.includes(text[j])) depth++;
    else if (CLOSE.includes(text[j])) {
      depth--;
      if (depth === 0) return j;
    }
  }
  return -1;
}

const OPEN = '（(〔【[';
const ROLE_WORD_RE = /(分别)?(牵头|配合|协办|负责落实|负责)/;
const CLOSE = '）)〕】]';
/** The label of a unit field (牵头单位, 责任部门, 责任处室 …) and of a time field (完成时限, 时限要求 …). */
const UNIT_LABEL = '(?:牵头|主办|主责|责任|配合|协办|落实)(?:单位|部门|处室|科室|股室)';
const TIME_LABEL = '(?:完成时限|时限要求|完成时间|时间要求|完成期限|时间节点|时限|期限)';
/** A line that opens with the label of a unit field: 牵头单位：, 责任部门：, 责任处室: … */
const UNIT_LABEL_RE = new RegExp(`^${UNIT_LABEL}\\s*[:：]`);
const TIME_LABEL_RE = new RegExp(`^${TIME_LABEL}\\s*[:：]\\s*`);
/** A unit field after an item's last sentence, to the end: 。责任单位：县发展改革委、县工信局 */
const UNIT_TAIL_RE = new RegExp(`[。；;]\\s*(${UNIT_LABEL}\\s*[:：][^。]*)[。]?$`);
/** The label of a unit or time field. */
const FIELD_LABEL = `${UNIT_LABEL}|${TIME_LABEL}`;
const FIELD_LABEL_RE = new RegExp(`^(?:${FIELD_LABEL})$`);
/** A field label alone in brackets: 【牵头单位】. */
const BRACKET_LABEL_RE = new RegExp(`[【[]\\s*(?:${FIELD_LABEL})\\s*[】\\]]`);
/** Two bracketed label fields side by side: 】【 before 配合单位： (the two brackets one group). */
const GROUPS_APART_RE = new RegExp(`[】\\]）)]\\s*[【[（(](?=\\s*(?:${FIELD_LABEL})\\s*[:：])`, 'g');
