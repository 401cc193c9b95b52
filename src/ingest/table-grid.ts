import { pointNumber } from './cell-kind.js';
import type { Grid, GridCell } from './grid.js';
import { cleanCell, joinWrapped } from './grid.js';
import { proveColumns } from './column-proof.js';
import { looksLikeUnits } from './units.js';
import { headerRole, isHeader, isHeaderWords, resolveRoles } from './header.js';
import type { Table, TableCell } from './table.js';

/**
 * Cuts an exact table (from .docx, .xlsx, .html, .csv) into segments, one per header row: every
 * header row starts a new segment with its own column roles (a document with two tables in one, or a
 * header repeated at a page break). Rows before the first header are not task rows. A cell merged
 * from above stays unset (it takes the value above); a really empty cell, or one covered from its
 * left, is an empty value. A cell's lines (its paragraphs) join as wrapped lines, except that a cell
 * whose paragraphs are numbered points (1.… 2.…) gives one row per point, as text layouts print them.
 * In an exact table every column's role is then proved by its cells (`proveColumns`): a misread
 * column is re-assigned or is a doubt of the grid.
 */
export function tableGrids(table: Table): Grid[] {
  const segments: Array<{ grid: Grid; header: string[] }> = [];
  let current: Grid | undefined;
  for (const row of table.rows.flatMap(expandPoints)) {
    const texts = row.map((c) => (c.state === 'value' ? cellText(c.text) : ''));
    const roles = headerRoles(texts);
    if (roles) {
      current = { mode: 'delimited', roles, headerLine: row[0]?.line ?? 0, exact: table.exact, rows: [] };
      segments.push({ grid: current, header: texts });
      continue;
    }
    if (current && !current.rows.length && subHeader(current, texts)) continue;
    if (!current || texts.every((t) => !t)) continue;
    const grid = current;
    const shared = table.mergeless && isSubItemRow(grid, texts);
    grid.rows.push(row.map((c, i) => (shared && c.state === 'empty' && GROUP_ROLES.has(grid.roles[i]!) ? { text: '', line: c.line, explicitEmpty: false } : gridCell(c))));
  }
  return segments
    .filter(({ grid }) => grid.rows.length > 0)
    .map(({ grid, header }) => {
      // Header words can lie (columns swapped, a heading pasted over the wrong column): the cells say.
      if (!table.exact) return grid;
      const proof = proveColumns(header, grid.roles, grid.rows, grid.headerLine);
      return { ...grid, roles: proof.roles, doubts: proof.doubts };
    });
}

function headerRoles(texts: string[]): Grid['roles'] | undefined {
  const cells = [...texts];
  while (cells.length && !cells[cells.length - 1]) cells.pop();
  if (cells.filter(Boolean).length < 2) return undefined;
  const roles = cells.map(headerRole);
  const named = cells.map((c, i) => (c ? roles[i] : 'note')).filter((r) => r !== 'note');
  return isHeader(named) ? resolveRoles(roles) : undefined;
}

/**
 * The second row of a two-row header (责任单位 spanning 牵头单位 | 配合单位, the header's other cells
 * merged down): its header words give their columns' roles. False, changing nothing, for a row
 * that is not header words only.
 */
function subHeader(grid: Grid, texts: string[]): boolean {
  const words = texts.flatMap((t, i) => (t ? [{ i, role: headerRole(t) }] : []));
  if (!words.length || words.some((w) => !w.role || !isHeaderWords(texts[w.i]))) return false;
  const roles = [...grid.roles];
  for (const { i, role } of words) roles[i] = role;
  grid.roles = roles;
  return true;
}

/** 序号 blank and the requirement going on with the next numbered point of the row above. */
function isSubItemRow(grid: Grid, texts: string[]): boolean {
  const seq = grid.roles.indexOf('seq');
  const req = grid.roles.indexOf('requirement');
  if (seq < 0 || req < 0 || texts[seq] || !grid.rows.length) return false;
  const point = pointNumber(texts[req] ?? '');
  const above = pointNumber(grid.rows[grid.rows.length - 1][req]?.text ?? '');
  return Boolean(point && above && Number(point.number) === Number(above.number) + 1);
}

function gridCell(c: TableCell): GridCell {
  if (c.state === 'value') {
    const text = cellText(c.text);
    return { text, line: c.line, explicitEmpty: !text };
  }
  return { text: '', line: c.line, explicitEmpty: c.state !== 'merged-up' };
}

/**
 * A cell's lines cleaned and joined as wrapped lines (no space between two CJK characters) — except
 * a cell whose every paragraph is a unit name or list (区府办 / 各部门 / 各街镇, one per line, as Word
 * and Excel cells print them): its paragraphs are items of one list, never one run-together name.
 */
function cellText(text: string): string {
  const lines = text.split('\n').map(cleanCell).filter(Boolean);
  if (lines.length > 1 && lines.every((l) => looksLikeUnits(l))) return lines.join('，');
  return lines.reduce(joinWrapped, '');
}

/**
 * A row in which exactly one cell holds numbered points becomes one row per point; in the rows
 * after the first, the row's other printed cells are merged from above (the point shares them) and
 * its empty or merged cells keep their state.
 */
function expandPoints(row: TableCell[]): TableCell[][] {
  const groups = row.map((c) => (c.state === 'value' ? pointGroups(c.text) : undefined));
  const numbered = groups.map((g, i) => (g ? i : -1)).filter((i) => i >= 0);
  if (numbered.length !== 1) return [row];
  const col = numbered[0];
  return groups[col]!.map((text, k) =>
    row.map((c, i): TableCell => {
      if (i === col) return { ...c, text };
      if (k === 0 || c.state !== 'value') return c;
      return { text: '', line: c.line, state: 'merged-up' };
    }),
  );
}

/** The paragraphs of a cell grouped by point number, or undefined when fewer than two are numbered. */
function pointGroups(cell: string): string[] | undefined {
  const lines = cell.split('\n').map((l) => l.trim()).filter(Boolean);
  if (lines.filter((l) => pointNumber(l)).length < 2 || !pointNumber(lines[0])) return undefined;
  const out: string[] = [];
  for (const l of lines) {
    if (pointNumber(l) || !out.length) out.push(l);
    else out[out.length - 1] += `\n${l}`;
  }
  return out;
}

/** The columns a sub-item shares with its group. */
const GROUP_ROLES = new Set(['lead', 'responsible', 'units', 'deadline']);
