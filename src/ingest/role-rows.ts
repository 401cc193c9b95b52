import { cellKind, looksLikeDeadline } from './cell-kind.js';
import type { Grid, GridCell } from './grid.js';
import type { ColumnRole } from './header.js';
import { looksLikeUnits } from './units.js';

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
  return grid.rows.map((cells) => positionalRow(cells, grid.roles)).filter((r): r is RoleRow => r !== undefined);
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

  // Cells after the requirement fill the unit and deadline columns in order.
  const slots = roles.slice(reqCol + 1).filter((r): r is UnitRole | 'deadline' => r === 'lead' || r === 'responsible' || r === 'units' || r === 'deadline');
  const after = req === reqCol ? text.slice(req + 1, req + 1 + slots.length) : text.slice(req + 1).filter(Boolean);
  after.forEach((t, i) => {
    let slot: UnitRole | 'deadline' | undefined = slots[i];
    if (slot && !t && req === reqCol && cells[req + 1 + i]?.explicitEmpty) {
      // A cell the source prints really empty: the column has no value here, nothing is inherited.
      if (slot === 'deadline') row.deadline = '';
      else row.units[slot] = '';
      return;
    }
    if (!slot || !t) return;
    if (slot !== 'deadline' && looksLikeDeadline(t) && slots.includes('deadline')) slot = 'deadline';
    if (slot === 'deadline') row.deadline = t;
    else row.units[slot] = t;
  });
  return row;
}

/**
 * Paragraph layout (one cell per paragraph, merged cells missing): a row starts at its running
 * number; inside it, text before the first requirement is category, numbered points are
 * requirements, and unit and deadline paragraphs after a requirement belong to it.
 */
function paragraphRows(cells: GridCell[], roles: Array<ColumnRole | undefined>): RoleRow[] {
  const slots = roles.slice(roles.indexOf('requirement') + 1).filter(
    (r): r is 'lead' | 'responsible' | 'units' | 'deadline' => r === 'lead' || r === 'responsible' || r === 'units' || r === 'deadline',
  );
  const groups: Array<{ seq: string; cells: GridCell[] }> = [];
  let lastSeq = 0;
  for (const c of cells) {
    const n = /^\d{1,3}$/.test(c.text) ? Number(c.text) : NaN;
    if (!Number.isNaN(n) && (n === lastSeq + 1 || (lastSeq === 0 && n <= 2))) {
      groups.push({ seq: c.text, cells: [] });
      lastSeq = n;
    } else if (groups.length) groups[groups.length - 1].cells.push(c);
  }
  return groups.flatMap((g) => paragraphGroup(g.seq, g.cells, slots));
}

function paragraphGroup(seq: string, cells: GridCell[], slots: Array<'lead' | 'responsible' | 'units' | 'deadline'>): RoleRow[] {
  const kinds = cells.map((c) => (c.explicitEmpty ? 'empty' : cellKind(c.text)));
  let reqIdx = kinds.map((k, i) => (k === 'point' ? i : -1)).filter((i) => i >= 0);
  if (reqIdx.length === 0) {
    const firstSlot = kinds.findIndex((k) => k === 'units' || k === 'deadline');
    const limit = firstSlot >= 0 ? firstSlot : kinds.length;
    let last = -1;
    for (let i = 0; i < limit; i++) if (kinds[i] === 'text') last = i;
    if (last < 0) return [];
    reqIdx = [last];
  }
  const categories = cells.slice(0, reqIdx[0]).filter((c, i) => kinds[i] === 'text').map((c) => c.text);
  const out: RoleRow[] = [];
  reqIdx.forEach((start, n) => {
    const end = n + 1 < reqIdx.length ? reqIdx[n + 1] : cells.length;
    const row: RoleRow = {
      line: cells[start].line,
      seq,
      seqShared: n > 0,
      categories: n === 0 ? categories : [],
      floatingCategories: true,
      requirement: cells[start].text,
      units: {},
    };
    const filled = new Set<string>();
    // Cells right after the requirement, in column order, can be read by position; a cell printed
    // blank there is that column's real, empty value.
    let inOrder = true;
    for (let i = start + 1; i < end; i++) {
      const kind = kinds[i];
      const t = cells[i].text;
      const positional: (typeof slots)[number] | undefined = inOrder ? slots[i - start - 1] : undefined;
      if (kind === 'units') {
        const slot = slots.find((s) => s !== 'deadline' && !filled.has(s));
        if (slot) {
          row.units[slot as UnitRole] = t;
          filled.add(slot);
        }
        inOrder &&= slot === positional;
      } else if (kind === 'deadline') {
        if (slots.includes('deadline') && !filled.has('deadline')) {
          row.deadline = t;
          filled.add('deadline');
        }
        inOrder &&= positional === 'deadline';
      } else if (kind === 'empty') {
        if (positional && !filled.has(positional)) {
          if (positional === 'deadline') row.deadline = '';
          else row.units[positional as UnitRole] = '';
          filled.add(positional);
        }
      } else inOrder = false;
    }
    out.push(row);
  });
  return out;
}


/** A running number as printed in a 序号 cell: 1, 12, 3.2, 10-1. */
const SEQ_RE = /^\d{1,3}(?:[.．\-]\d{1,2})?[.．、]?$/;
