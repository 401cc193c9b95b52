import type { Grid, GridCell } from './grid.js';
import { cleanCell } from './grid.js';
import { REQUIREMENT_OPENERS } from './cell-kind.js';
import { type ColumnRole, headerRole, isHeader, isHeaderWords, resolveRoles } from './header.js';

/**
 * A table whose text runs together with no separators at all (a document-sharing site's copy, a PDF
 * flattened into running text): `…工作任务具体要求牵头落实单位一、加强预期引导1密切跟踪…。市发展改革委2按月…`.
 * The header is found as a run of header words; the rest is cut into cells where the text itself
 * changes kind — after a sentence's 。, around a time limit (11 月底前), before a running number glued
 * to a unit name or standing alone, before an outline heading — and the cells are a stream for the
 * content alignment. Returns undefined when no line holds such a header run.
 */
export function readRunTogether(text: string): Grid | undefined {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const header = headerRun(lines[i]);
    if (!header) continue;
    // Wrapped lines of the copy join with a space (the copy's own line breaks are not cells).
    const body = [lines[i].slice(header.end), ...lines.slice(i + 1)].join(' ');
    const texts = cut(stripHeaders(body));
    const cells = (header.roles.indexOf('category') === header.roles.indexOf('seq') + 1 ? splitGroupLabels(texts) : texts).map((t, k, all): GridCell => ({ text: t, line: i + 1, explicitEmpty: false, runOn: k > 0 && /。$/.test(all[k - 1]) }));
    if (cells.length < 3) return undefined;
    return { mode: 'paragraph', roles: header.roles, headerLine: i + 1, rows: [cells] };
  }
  return undefined;
}

/** The longest run of glued header words in a line, as roles, and where it ends. */
function headerRun(line: string): { roles: Array<ColumnRole | undefined>; end: number; start: number } | undefined {
  const at = REQUIREMENT_HEADER.exec(line);
  if (!at) return undefined;
  const roles: Array<ColumnRole | undefined> = [headerRole(at[0])];
  let end = at.index + at[0].length;
  let start = at.index;
  for (;;) {
    const next = wordAt(line, end, +1);
    if (!next) break;
    roles.push(next.role);
    end = next.to;
  }
  for (;;) {
    const prev = wordAt(line, start, -1);
    if (!prev) break;
    roles.unshift(prev.role);
    start = prev.to;
  }
  return roles.length >= 3 && isHeader(roles) ? { roles: resolveRoles(roles), end, start } : undefined;
}

/** The longest header word starting (dir +1) or ending (dir -1) at `pos`, spaces around it skipped. */
function wordAt(line: string, pos: number, dir: 1 | -1): { role: ColumnRole; to: number } | undefined {
  for (let len = 8; len >= 2; len--) {
    let from = pos;
    if (dir === 1) while (line[from] === ' ') from++;
    else while (line[from - 1] === ' ') from--;
    const word = dir === 1 ? line.slice(from, from + len) : line.slice(Math.max(0, from - len), from);
    if (word.length < len) continue;
    const bracket = dir === 1 ? /^[（(][^）)]{1,6}[）)]/.exec(line.slice(from + len)) : null;
    const role = isHeaderWords(word) ? headerRole(word) : undefined;
    if (role) return { role, to: dir === 1 ? from + len + (bracket ? bracket[0].length : 0) : from - len };
  }
  return undefined;
}

/** Removes a header repeated at a page break. */
function stripHeaders(body: string): string {
  let out = body;
  for (let h = headerRun(out); h; h = headerRun(out)) out = `${out.slice(0, h.start)} ${out.slice(h.end)}`;
  return out;
}

/**
 * A group label glued to the requirement after it (`1` `基础建设全面落实…`): where the 工作任务
 * column follows 序号, the text after a bare number starts with the group's short title, cut off
 * where the requirement's opening verb begins.
 */
function splitGroupLabels(cells: string[]): string[] {
  return cells.flatMap((t, k) => {
    const m = k > 0 && /^\d{1,2}$/.test(cells[k - 1]) ? GLUED_TITLE.exec(t) : null;
    return m && t.length - m[1].length >= 10 ? [m[1], t.slice(m[1].length)] : [t];
  });
}

/** A short title (2–8 characters) followed by the opening of a requirement. */
const GLUED_TITLE = new RegExp(`^([\\u4e00-\\u9fff]{2,8}?)(?=${REQUIREMENT_OPENERS.join('|')})`);

function cut(body: string): string[] {
  return body
    .replace(/(。)(?=\s*[^\s）)”」])/g, '$1\n')
    .replace(/\s*((?:\d{1,2}\s*月(?:底|末)?|年底|年内|全年)\s*前?)(?=\s|[\u4e00-\u9fff]|\d|$)/g, (m, d: string, off: number, all: string) =>
      (/[\u4e00-\u9fff]$/.test(all.slice(0, off)) && !/^\s/.test(m)) || /[（(]\s*$/.test(all.slice(0, off)) ? m : `\n${d.trim()}\n`)
    .replace(/(^|\s)(\d{1,2})\s+(?=[\u4e00-\u9fff])(?![次条个项名家人年月日天周%])/g, '\n$2\n')
    .replace(/(?<=[委局办府室处科心])(\d{1,2})(?=[\u4e00-\u9fff“])(?![年月日个项号次条])/g, '\n$1')
    .replace(/(?<=[\u4e00-\u9fff])(?=[一二三四五六七八九十]{1,2}、)/g, '\n')
    .replace(/(?<=^|\n)([一二三四五六七八九十]{1,2}、[^\n\d]{2,30}?)(?=\d{1,2}[\u4e00-\u9fff])/g, '$1\n')
    .split('\n')
    .map(cleanCell)
    .filter(Boolean);
}

const REQUIREMENT_HEADER = /具体要求|工作要求|具体措施|主要内容|具体内容|工作措施/;
