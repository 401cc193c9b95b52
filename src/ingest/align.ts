import { looksLikeDeadline, pointNumber } from './cell-kind.js';
import type { GridCell } from './grid.js';
import type { ColumnRole } from './header.js';
import { outlineNumber } from './outline-number.js';
import { looksLikeUnits } from './units.js';

/** A cell placed in a column. */
export interface Placed {
  cell: GridCell;
  col: number;
}

/**
 * Places cells in columns by what they hold, keeping their order: an ordered alignment that
 * maximises how well each cell reads as its column's role (a unit list in a unit column, a time limit
 * in the deadline column, a long text in the requirement, a bare number in 序号), where cells the
 * layout does not print (merged cells printed once, or left out) are skipped columns.
 *
 * With `rows: 'free'` (one cell per paragraph, row boundaries unknown) the cells are one stream and a
 * new row starts wherever the columns wrap around; with `rows: 'one'` all cells belong to one row.
 * Returns the rows, each as its placed cells in order. Linear in the number of cells (times the
 * square of the header's width).
 */
export function alignCells(cells: GridCell[], roles: Array<ColumnRole | undefined>, rows: 'free' | 'one'): Placed[][] {
  const width = roles.length;
  if (!cells.length || !width) return [];
  const kinds = cells.map(classify);
  // A short numbered line is an item's title (a category level) only where an unnumbered text, its
  // requirement, follows; before another point or a unit it is a requirement point itself.
  const fits = kinds.map((kind, k) => {
    const titled = kind === 'point-title' && (kinds[k + 1] === 'long' || kinds[k + 1] === 'title') ? 'heading' : kind === 'point-title' ? 'point' : kind;
    return roles.map((r) => fit(titled, r));
  });
  const blank = cells.map((c) => !c.text.trim());
  // In one known row a missing requirement is a heading row; in a stream it would merge rows.
  const miss = roles.map((r) => (rows === 'one' ? ONE_ROW_MISS : missCost(r)));
  const before = prefix(miss);
  const skip = (from: number, to: number) => (to > from ? before[to] - before[from] : 0); // columns [from, to)
  const n = cells.length;
  const score: number[][] = cells.map(() => new Array<number>(width).fill(-Infinity));
  const back: number[][] = cells.map(() => new Array<number>(width).fill(-1));
  // Whether cell k starts a new row in the best path ending in column b (b === a may be either).
  const wrap: boolean[][] = cells.map(() => new Array<boolean>(width).fill(true));
  for (let b = 0; b < width; b++) score[0][b] = fits[0][b] - skip(0, b);
  for (let k = 1; k < n; k++) {
    for (let b = 0; b < width; b++) {
      let best = -Infinity;
      // The ways from column a into b, tried in order: on a tie the first one offered stays.
      const offer = (a: number, value: number, newRow: boolean) => {
        if (value > best) {
          best = value;
          back[k][b] = a;
          wrap[k][b] = newRow;
        }
      };
      for (let a = 0; a < width; a++) {
        const prev = score[k - 1][a];
        if (prev === -Infinity) continue;
        if (b > a) offer(a, prev - skip(a + 1, b), false);
        // A blank paragraph adds nothing to the cell it follows; before the row's last column it is
        // rather the next column's real, empty value (read by position).
        if (b === a && blank[k]) offer(a, prev + (a === width - 1 ? 0 : -BLANK_CONTINUES), false);
        else if (b === a && CONTINUES.has(roles[a]!)) offer(a, prev - continuation(roles[a]!, cells[k]), false);
        if (b <= a && rows === 'free') offer(a, prev + (-skip(a + 1, width) - skip(0, b) - NEW_ROW), true);
      }
      score[k][b] = best + fits[k][b];
    }
  }
  let end = 0;
  for (let b = 1; b < width; b++) if (score[n - 1][b] - skip(b + 1, width) > score[n - 1][end] - skip(end + 1, width)) end = b;
  const cols: number[] = new Array<number>(n);
  const starts: boolean[] = new Array<boolean>(n);
  for (let k = n - 1, b = end; k >= 0; k--) {
    cols[k] = b;
    starts[k] = k === 0 || wrap[k][b];
    b = back[k][b];
  }
  const out: Placed[][] = [];
  for (let k = 0; k < n; k++) {
    if (starts[k]) out.push([]);
    out[out.length - 1].push({ cell: cells[k], col: cols[k] });
  }
  return out;
}

type Kind = 'point-title' | Fitted;
type Fitted = 'empty' | 'number' | 'heading' | 'point' | 'units' | 'deadline' | 'long' | 'title' | 'short';

/** What a cell reads as, from its content alone. */
export function classify(c: GridCell): Kind {
  const t = c.text.trim();
  if (!t) return 'empty';
  if (/^\d{1,3}(?:[.．\-]\d{1,2})?[.．、]?$/.test(t)) return 'number';
  const point = pointNumber(t);
  const pointKind = t.length <= 40 && !/[。；;]./.test(t) ? 'point-title' : 'point';
  // A point with real text is never a time limit or a unit list; a short one (1.全年) may be.
  if (point && point.text.length > 8) return pointKind;
  if (looksLikeDeadline(t)) return 'deadline';
  if (looksLikeUnits(t)) return 'units';
  const outline = outlineNumber(t);
  if (outline && outline.level <= 1 && t.length <= 60) return 'heading';
  if (point) return pointKind;
  if (/[。；;！？]/.test(t) || t.length > 60) return 'long';
  return t.length >= 16 ? 'title' : 'short';
}

/**
 * How well one cell, read alone, reads as a column's role: positive when it fits (a unit list in a
 * unit column), negative when it reads as something else, 0 for a blank cell.
 */
export function cellFit(c: GridCell, role: ColumnRole | undefined): number {
  const kind = classify(c);
  return fit(kind === 'point-title' ? 'point' : kind, role);
}

function fit(kind: Fitted, role: ColumnRole | undefined): number {
  if (kind === 'empty') return 0;
  const row = FIT[role ?? 'note'];
  return row[kind];
}

function missCost(role: ColumnRole | undefined): number {
  if (role === 'requirement') return 4;
  if (role === 'seq') return 0.3;
  if (role === 'category') return 0.2;
  if (role === 'note' || role === undefined) return 0;
  return 0.6;
}

/**
 * The cost of a column's cell running on into another paragraph. Where a 牵头 cell and a 配合 cell
 * are printed as one run of unit paragraphs, the boundary is not visible; a lead is most often one
 * unit, so the run gives its first paragraph to the lead and the rest to the responsible column.
 * A sentence cut from running text (`runOn`) continues a requirement cheaply: a new row there needs
 * a cell of another kind (a unit, a time limit, a number) between the two.
 */
function continuation(role: ColumnRole, cell: GridCell): number {
  if (role === 'requirement') return cell.runOn ? RUN_ON : 3;
  return role === 'category' ? 0.2 : role === 'lead' ? 1 : 0.3;
}

function prefix(xs: number[]): number[] {
  const out = [0];
  for (const x of xs) out.push(out[out.length - 1] + x);
  return out;
}

/** Columns whose cell may be printed as several paragraphs (category levels, one unit per line). */
const CONTINUES = new Set<ColumnRole>(['category', 'requirement', 'lead', 'responsible', 'units']);

const NEW_ROW = 0.1;
const ONE_ROW_MISS = 0.3;
const BLANK_CONTINUES = 0.5;
const RUN_ON = 1;

const UNITS_FIT = { number: -8, heading: -5, point: -5, units: 4, deadline: -4, long: -5, title: -3, short: -1.5 };

const FIT: Record<ColumnRole, Record<Exclude<Fitted, 'empty'>, number>> = {
  seq: { number: 5, heading: -6, point: -6, units: -8, deadline: -8, long: -8, title: -8, short: -6 },
  category: { number: -6, heading: 3, point: 0.5, units: -4, deadline: -4, long: -1, title: 1.5, short: 1.5 },
  requirement: { number: -6, heading: 0, point: 3, units: -3, deadline: -3, long: 3, title: 1.5, short: 1 },
  lead: UNITS_FIT,
  responsible: UNITS_FIT,
  units: UNITS_FIT,
  deadline: { number: -8, heading: -5, point: -5, units: -4, deadline: 4, long: -5, title: -3, short: -2 },
  note: { number: -3, heading: -3, point: -3, units: -2, deadline: -2, long: -2, title: -1, short: -1 },
};
