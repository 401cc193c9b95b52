import { type Placed, alignCells, classify } from './align.js';
import { looksLikeDeadline, pointNumber } from './cell-kind.js';
import { type Grid, type GridCell, joinWrapped } from './grid.js';
import type { ColumnRole } from './header.js';
import { looksLikeUnits } from './units.js';
import { outlineNumber } from './outline-number.js';

export type UnitRole = 'lead' | 'responsible' | 'units';

/**
 * One requirement-bearing row (or a heading-only row) with every cell given its role.
 * `undefined` means the cell is merged with the row above; '' means printed empty.
 */
export interface RoleRow {
  line: number;
  /** The 序号 cell; undefined when the row has none of its own. */
  seq?: string;
  /** True when `seq` was read for this row's group rather than printed in this row. */
  seqShared?: boolean;
  /** Category texts of this row, outermost first; undefined cells are merged. */
  categories: Array<string | undefined>;
  /** Category texts are read by content (paragraph layout): their level must be inferred. */
  floatingCategories?: boolean;
  requirement?: string;
  units: Partial<Record<UnitRole, string>>;
  deadline?: string;
}

/** Gives every cell of a grid its role: by column where cells are all present, by content where not. */
export function roleRows(grid: Grid): RoleRow[] {
  if (grid.mode === 'paragraph') return paragraphRows(grid.rows[0] ?? [], grid.roles);
  return grid.rows
    .map((cells) => {
      // A text row with fewer cells than the header (merged cells printed once, a trailing `| |`):
      // its cells are placed by what they hold, not by position.
      const printed = grid.exact ? cells : trimEnd(cells);
      if (printed.length >= grid.roles.length) return positionalRow(cells, grid.roles);
      // A lone outline heading (一、… / （一）…) across the row is a category, whatever the columns.
      if (printed.length === 1 && classify(printed[0]) === 'heading') return { line: printed[0].line, categories: [printed[0].text], units: {} };
      return placedRow(alignCells(printed, grid.roles, 'one')[0] ?? [], grid.roles, false);
    })
    .filter((r): r is RoleRow => r !== undefined);
}

type Slot = UnitRole | 'deadline';

function isSlot(r: ColumnRole | undefined): r is Slot {
  return r === 'lead' || r === 'responsible' || r === 'units' || r === 'deadline';
}

function positionalRow(cells: GridCell[], roles: Array<ColumnRole | undefined>): RoleRow | undefined {
  const text = cells.map((c) => c.text);
  const line = cells.find((c) => c.text)?.line ?? cells[0]?.line ?? 0;
  const seqCol = roles.indexOf('seq');
  const reqCol = roles.indexOf('requirement');
  const row: RoleRow = { line, categories: [], units: {} };
  let seqText = seqCol >= 0 ? text[seqCol] ?? '' : '';
  // A section heading (一、加强…) printed across the 序号 column is a category, not a number.
  if (seqText && !SEQ_RE.test(seqText)) {
    row.categories.push(seqText);
    seqText = '';
  }
  // 1 推进… : a running number glued to the category cell.
  if (seqCol < 0 || !seqText) {
    const firstText = text.findIndex((t) => t);
    const m = firstText >= 0 && firstText < reqCol ? /^(\d{1,3})\s+(\S.*)$/.exec(text[firstText]) : null;
    if (m) {
      seqText = m[1];
      text[firstText] = m[2];
    }
  }
  if (seqText) row.seq = seqText.replace(/[.．、]$/, '');

  // The requirement sits in its column, unless the columns shifted: then it is the last long
  // text cell of the row (a sub-heading may take the requirement column, 开平 seq 26/42).
  let req = reqCol >= 0 && text[reqCol] ? reqCol : -1;
  for (let i = Math.max(reqCol + 1, 0); i < text.length; i++) {
    const t = text[i];
    if (!t || looksLikeUnits(t) || looksLikeDeadline(t)) continue;
    if (req < 0 || (t.length >= 20 && i > req)) req = i;
  }
  const catEnd = req >= 0 ? req : reqCol >= 0 ? reqCol : text.length;
  for (let i = 0; i < catEnd; i++) {
    if (i === seqCol || roles[i] === 'note') continue;
    if (row.categories.length && i < seqCol) continue;
    if (roles[i] && roles[i] !== 'category' && roles[i] !== 'requirement') continue;
    row.categories.push(text[i] ? text[i] : undefined);
  }
  if (req < 0) return row.categories.some(Boolean) || row.seq ? row : undefined;
  row.requirement = text[req];

  // Cells after the requirement fill the unit and deadline columns: each its own where the
  // requirement is in its column (a person or note column between them takes nothing), else (the
  // columns shifted) the printed cells in order.
  const slotCols = roles.flatMap((r, i) => (i > reqCol && isSlot(r) ? [i] : []));
  const filled =
    req === reqCol
      ? slotCols.map((i) => ({ slot: roles[i] as Slot, t: text[i] ?? '', cell: cells[i] as GridCell | undefined }))
      : text
          .slice(req + 1)
          .filter(Boolean)
          .map((t, k) => ({ slot: roles[slotCols[k]] as Slot | undefined, t, cell: undefined }));
  for (const { slot: column, t, cell } of filled) {
    let slot = column;
    if (slot && !t && cell?.explicitEmpty) {
      // A cell the source prints really empty: the column has no value here, nothing is inherited.
      if (slot === 'deadline') row.deadline = '';
      else row.units[slot] = '';
      continue;
    }
    if (!slot || !t) continue;
    if (slot !== 'deadline' && looksLikeDeadline(t) && slotCols.some((i) => roles[i] === 'deadline')) slot = 'deadline';
    if (slot === 'deadline') row.deadline = t;
    else row.units[slot] = t;
  }
  return row;
}

/**
 * Paragraph layout (one cell per paragraph, merged cells missing, row boundaries unknown): the
 * cells are aligned to the columns by content as one stream, and each row is read from its placed
 * cells. A cell printed blank is that column's real, empty value.
 */
function paragraphRows(cells: GridCell[], roles: Array<ColumnRole | undefined>): RoleRow[] {
  // A section heading on a line of its own (一、推进…) spans the table: a category row, the cells
  // between two headings aligned apart.
  const rows: RoleRow[] = [];
  let run: GridCell[] = [];
  const flush = () => {
    rows.push(...alignCells(run, roles, 'free').map((placed) => placedRow(placed, roles, true)).filter((r): r is RoleRow => r !== undefined));
    run = [];
  };
  for (const c of cells) {
    if (outlineNumber(c.text)?.level === 0 && classify(c) === 'heading') {
      flush();
      rows.push({ line: c.line, categories: [c.text], units: {} });
    } else run.push(c);
  }
  flush();
  // Page furniture after the table (a site's notice, a footer) reads as a lone requirement: a row
  // with no number, unit or time limit of its own at the end of the stream is not a task.
  while (rows.length > 1 && isBare(rows[rows.length - 1])) rows.pop();
  return rows;
}

function isBare(row: RoleRow): boolean {
  const req = row.requirement ?? '';
  return !row.seq && row.deadline === undefined && !Object.values(row.units).some(Boolean) && !pointNumber(req);
}

function trimEnd(cells: GridCell[]): GridCell[] {
  let n = cells.length;
  while (n > 0 && !cells[n - 1].text) n--;
  return cells.slice(0, n);
}

/** A row from cells placed in columns: several paragraphs of one column join (units with 、). */
export function placedRow(placed: Placed[], roles: Array<ColumnRole | undefined>, floating: boolean): RoleRow | undefined {
  const row: RoleRow = { line: placed.find((p) => p.cell.text)?.cell.line ?? placed[0]?.cell.line ?? 0, categories: [], units: {}, floatingCategories: floating };
  const joined = new Map<number, GridCell[]>();
  for (const p of placed) joined.set(p.col, [...(joined.get(p.col) ?? []), p.cell]);
  for (const [col, cells] of [...joined.entries()].sort((a, b) => a[0] - b[0])) {
    const role = roles[col];
    const texts = cells.map((c) => c.text).filter(Boolean);
    if (role === 'seq') {
      if (texts[0]) row.seq = texts[0].replace(/[.．、]$/, '');
    } else if (role === 'category') row.categories.push(...texts);
    else if (role === 'requirement') {
      if (texts.length) row.requirement = texts.reduce(joinWrapped, '');
      row.line = cells.find((c) => c.text)?.line ?? row.line;
    } else if (role === 'deadline') row.deadline = texts.join('；');
    else if (role === 'lead' || role === 'responsible' || role === 'units') row.units[role] = texts.join('、');
  }
  if (row.requirement === undefined && !row.categories.length && !row.seq) return undefined;
  return row;
}

/** A running number as printed in a 序号 cell: 1, 12, 3.2, 10-1. */
const SEQ_RE = /^\d{1,3}(?:[.．\-]\d{1,2})?[.．、]?$/;
