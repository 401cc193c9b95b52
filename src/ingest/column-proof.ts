import { cellFit } from './align.js';
import type { GridCell } from './grid.js';
import type { ColumnRole } from './header.js';

/** What checking a table's columns against their cells gave. */
export interface ColumnProof {
  /** The roles, with a misread column given the role its cells read as. */
  roles: Array<ColumnRole | undefined>;
  /** One message per column whose cells do not read as its header says (re-assigned or not). */
  doubts: string[];
}

/**
 * Checks the header roles of an exact table (one cell per column in every row) against the cells
 * below them, read with the content alignment's classifiers: a 序号, requirement, unit or deadline
 * column whose cells mostly read as something else is misread. It takes the role its cells clearly
 * read as when no other column holds that role, or swaps with the column that holds it when that
 * column's cells read as this one's (完成时限 over unit lists beside 责任单位 over time limits);
 * otherwise it keeps its role and is a doubt. A column with fewer than three printed cells is
 * trusted. `header` is the header row's texts, `line` its line, for the messages.
 */
export function proveColumns(header: string[], roles: Array<ColumnRole | undefined>, rows: GridCell[][], line: number): ColumnProof {
  const out = [...roles];
  const doubts: string[] = [];
  const readings = roles.map((role, c) => (role && FAMILY[role] ? readColumn(rows.map((r) => r[c]).filter((cell): cell is GridCell => Boolean(cell?.text))) : undefined));
  const misread = (c: number) => {
    const family = familyOf(out[c]);
    const reading = readings[c];
    return family && reading ? reading.bad[family] > reading.cells.length * MOSTLY : false;
  };
  const name = (c: number) => `第${c + 1}列「${header[c] ?? ''}」`;
  const done = new Set<number>();
  for (let c = 0; c < out.length; c++) {
    if (done.has(c) || !misread(c)) continue;
    const own = familyOf(out[c])!;
    const reading = readings[c]!;
    const as = clearFamily(reading, own);
    const holders = out.map((r, d) => (d !== c && familyOf(r) === as ? d : -1)).filter((d) => d >= 0);
    const partner = holders.find((d) => !done.has(d) && misread(d) && clearFamily(readings[d]!, as!) === own);
    const doubt = `第${line}行表头${name(c)}下的单元格多数不像${NAME[own]}（${reading.bad[own]}/${reading.cells.length} 个，如「${clip(reading.example[own])}」）`;
    if (as && partner !== undefined) {
      [out[c], out[partner]] = [out[partner], out[c]];
      done.add(partner);
      doubts.push(`${doubt}，与${name(partner)}的内容对调：按内容读作${NAME[as]}与${NAME[own]}`);
    } else if (as && !holders.length && own !== 'requirement') {
      out[c] = ROLE_OF[as];
      doubts.push(`${doubt}，按内容读作${NAME[as]}`);
    } else doubts.push(`${doubt}：请核对该列`);
    done.add(c);
  }
  return { roles: out, doubts };
}

type Family = 'seq' | 'requirement' | 'unit' | 'deadline';

interface Reading {
  cells: GridCell[];
  /** How many cells read as something else than each family. */
  bad: Record<Family, number>;
  /** How many cells read as each family. */
  good: Record<Family, number>;
  /** The first cell that does not read as each family. */
  example: Record<Family, string>;
}

function readColumn(cells: GridCell[]): Reading | undefined {
  if (cells.length < MIN_CELLS) return undefined;
  const bad = {} as Record<Family, number>;
  const good = {} as Record<Family, number>;
  const example = {} as Record<Family, string>;
  for (const family of FAMILIES) {
    const fits = cells.map((cell) => cellFit(cell, ROLE_OF[family]));
    bad[family] = fits.filter((f) => f < 0).length;
    good[family] = fits.filter((f) => f > 0).length;
    example[family] = cells[fits.findIndex((f) => f < 0)]?.text ?? '';
  }
  return { cells, bad, good, example };
}

/** The one family other than `own` that most of the cells clearly read as, if any. */
function clearFamily(reading: Reading, own: Family): Family | undefined {
  const others = FAMILIES.filter((f) => f !== own && reading.good[f] >= reading.cells.length * CLEARLY);
  return others.sort((a, b) => reading.good[b] - reading.good[a])[0];
}

function familyOf(role: ColumnRole | undefined): Family | undefined {
  return role ? FAMILY[role] : undefined;
}

function clip(s: string): string {
  return s.length > CLIP ? `${s.slice(0, CLIP)}…` : s;
}

const FAMILIES: Family[] = ['seq', 'requirement', 'unit', 'deadline'];
const FAMILY: Partial<Record<ColumnRole, Family>> = { seq: 'seq', requirement: 'requirement', lead: 'unit', responsible: 'unit', units: 'unit', deadline: 'deadline' };
/** The role a column takes for a family it is re-assigned to (a lone unit column reads its role words). */
const ROLE_OF: Record<Family, ColumnRole> = { seq: 'seq', requirement: 'requirement', unit: 'units', deadline: 'deadline' };
const NAME: Record<Family, string> = { seq: '序号', requirement: '具体要求', unit: '单位', deadline: '时限' };

const MIN_CELLS = 3;
/** More than this share of a column's cells reading as something else: the column is misread. */
const MOSTLY = 0.5;
/** At least this share of its cells reading as a role: the column clearly is that role. */
const CLEARLY = 0.6;
const CLIP = 20;
