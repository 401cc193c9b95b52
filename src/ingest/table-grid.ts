import type { Grid, GridCell } from './grid.js';
import { cleanCell } from './grid.js';
import { headerRole, isHeader, resolveRoles } from './header.js';
import type { Table, TableCell } from './table.js';

/**
 * Cuts an exact table (from .docx, .xlsx, .html, .csv) into segments, one per header row: every
 * header row starts a new segment with its own column roles (a document with two tables in one, or a
 * header repeated at a page break). Rows before the first header are not task rows. A cell merged
 * from above stays unset (it takes the value above); a really empty cell, or one covered from its
 * left, is an empty value.
 */
export function tableGrids(table: Table): Grid[] {
  const grids: Grid[] = [];
  let current: Grid | undefined;
  for (const row of table.rows) {
    const texts = row.map((c) => (c.state === 'value' ? cleanCell(c.text) : ''));
    const roles = headerRoles(texts);
    if (roles) {
      current = { mode: 'delimited', roles, headerLine: row[0]?.line ?? 0, rows: [] };
      grids.push(current);
      continue;
    }
    if (!current || texts.every((t) => !t)) continue;
    current.rows.push(row.map(gridCell));
  }
  return grids.filter((g) => g.rows.length > 0);
}

function headerRoles(texts: string[]): Grid['roles'] | undefined {
  const cells = [...texts];
  while (cells.length && !cells[cells.length - 1]) cells.pop();
  if (cells.filter(Boolean).length < 2) return undefined;
  const roles = cells.map(headerRole);
  const named = cells.map((c, i) => (c ? roles[i] : 'note')).filter((r) => r !== 'note');
  return isHeader(named) ? resolveRoles(roles) : undefined;
}

function gridCell(c: TableCell): GridCell {
  if (c.state === 'value') return { text: cleanCell(c.text), line: c.line, explicitEmpty: !cleanCell(c.text) };
  return { text: '', line: c.line, explicitEmpty: c.state !== 'merged-up' };
}
