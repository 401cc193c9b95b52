import { type ColumnRole, headerRole, isHeader, resolveRoles } from './header.js';
import { readRunTogether } from './run-together.js';

/**
 * How a table's cells are laid out in text:
 * - `delimited`: one row per line, cells split by tabs or `|`;
 * - `positional`: one cell per line (tab-indented, or between lines holding only `|`), rows
 *   separated by blank lines, every cell present (an empty cell is merged with the one above);
 * - `paragraph`: one cell per paragraph with merged cells missing, so roles come from content.
 */
export type GridMode = 'delimited' | 'positional' | 'paragraph';

export interface GridCell {
  text: string;
  line: number;
  /** A cell printed as a lone space: really empty, not merged with the row above. */
  explicitEmpty: boolean;
  /** Cut by the reader after a sentence's 。 in running text: nothing printed parts it from the cell before. */
  runOn?: boolean;
}

export interface Grid {
  mode: GridMode;
  roles: Array<ColumnRole | undefined>;
  headerLine: number;
  /** Cut from a container's exact table: every row has all its cells, their states known. */
  exact?: boolean;
  /** Rows of cells by column (delimited, positional) or one row of all paragraphs (paragraph). */
  rows: GridCell[][];
  /** Columns whose cells do not read as their header says, as messages naming line and column. */
  doubts?: string[];
}

/**
 * Finds the first task table in the text and cuts it into cells. Returns undefined when no line
 * or run of lines reads as a table header.
 */
export function readGrid(text: string): Grid | undefined {
  return readSeparated(text) ?? readRunTogether(text);
}

function readSeparated(text: string): Grid | undefined {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const found = headerCut(lines[i]);
    if (found) {
      const { roles: delimited, cut } = found;
      // Header words wrapped onto a second row (工作 / 任务, 具体 / 要求): read the two rows as one.
      // The line above may hold the first halves of wrapped words (工作 / 任务) that alone are no header.
      const above = i > 0 ? wrappedHeader(lines[i - 1], lines[i], cut) : undefined;
      if (above) return { mode: 'delimited', roles: above, headerLine: i, rows: delimitedRows(lines, i + 1, cut) };
      const wrapped = wrappedHeader(lines[i], lines[i + 1] ?? '', cut);
      const roles = wrapped ?? delimited;
      const from = wrapped ? i + 2 : i + 1;
      return { mode: 'delimited', roles, headerLine: i + 1, rows: delimitedRows(lines, from, cut) };
    }
    const stacked = stackedHeader(lines, i);
    if (stacked) {
      // Cells between lines holding only `|` have no reliable row boundaries (an extra `|` opens a
      // row, merged cells are left out): like paragraphs, they are aligned by content.
      const marker = /^\t/.test(lines[i]) && !stacked.pipes ? 'positional' : 'paragraph';
      const rows =
        marker === 'positional'
          ? positionalRows(lines, stacked.end + 1, stacked.roles.length)
          : [stacked.pipes ? pipeCells(lines, stacked.end + 1) : paragraphCells(lines, stacked.end + 1)];
      return { mode: marker, roles: stacked.roles, headerLine: i + 1, rows };
    }
  }
  return undefined;
}

/**
 * Cleans a cell: non-breaking and full-width spaces become spaces, runs collapse. One pass: \s
 * already holds those spaces but for the zero-width one.
 */
export function cleanCell(s: string): string {
  return s.replace(/[\s\u200b]+/g, ' ').trim();
}

/**
 * How a table's lines are cut into cells: at tabs or `|` (`outerPipes`: | a | b |, markdown style,
 * has pipes outside its cells; a|b|c and ||2.… do not), or (`wide`) at runs of two spaces or more,
 * full-width ones as a plain-text export aligns its columns — read so only under a header cut so.
 */
interface Cut {
  outerPipes: boolean;
  wide: boolean;
}

function splitDelimited(line: string, cut: Cut): string[] | undefined {
  if (cut.wide) {
    const cells = line.trim().split(/[\s\u3000]{2,}/);
    return cells.length > 1 ? cells.map(cleanCell) : undefined;
  }
  const sep = line.includes('\t') && line.replace(/^\t+/, '').includes('\t') ? '\t' : line.includes('|') ? '|' : undefined;
  if (!sep) return undefined;
  let body = line;
  if (sep === '|' && cut.outerPipes) body = body.trim().replace(/^\|/, '').replace(/\|$/, '');
  return body.split(sep).map(cleanCell);
}

/** A header line and how it is cut: at tabs or pipes, else at full-width runs (a line holding none of those). */
function headerCut(line: string): { roles: Array<ColumnRole | undefined>; cut: Cut } | undefined {
  const plain = { outerPipes: /^\s*\|/.test(line), wide: false };
  const roles = delimitedHeader(line, plain);
  if (roles) return { roles, cut: plain };
  if (line.includes('\t') || line.includes('|') || !/\S[\s\u3000]*\u3000[\s\u3000]*\S/.test(line.trim())) return undefined;
  const wide = { outerPipes: false, wide: true };
  const wideRoles = delimitedHeader(line, wide);
  return wideRoles ? { roles: wideRoles, cut: wide } : undefined;
}

function delimitedHeader(line: string, cut: Cut): Array<ColumnRole | undefined> | undefined {
  if (/^\t[^\t]*$/.test(line)) return undefined;
  const cells = splitDelimited(line, cut);
  if (!cells || cells.filter(Boolean).length < 2) return undefined;
  while (cells.length && !cells[cells.length - 1]) cells.pop();
  const roles = cells.map(headerRole);
  const nonEmpty = cells.map((c, i) => (c ? roles[i] : 'note')).filter((r) => r !== 'note');
  return isHeader(nonEmpty) ? resolveRoles(roles) : undefined;
}

function wrappedHeader(first: string, second: string, cut: Cut): Array<ColumnRole | undefined> | undefined {
  const a = splitDelimited(first, cut);
  const b = splitDelimited(second, cut);
  if (!a || !b || b.filter(Boolean).length < 2 || b.some((c) => c.length > 6 || /\d/.test(c))) return undefined;
  const merged = a.map((c, k) => cleanCell(`${c}${b[k] ?? ''}`));
  while (merged.length && !merged[merged.length - 1]) merged.pop();
  const roles = merged.map(headerRole);
  const before = a.map(headerRole).filter(Boolean).length;
  return roles.filter(Boolean).length > before && isHeader(roles.filter(Boolean)) ? resolveRoles(roles) : undefined;
}

function isRepeatedHeader(cells: string[]): boolean {
  const roles = cells.filter(Boolean).map(headerRole);
  return roles.filter(Boolean).length >= 2 && roles.filter(Boolean).length >= roles.length - 1;
}

function delimitedRows(lines: string[], from: number, cut: Cut): GridCell[][] {
  const rows: GridCell[][] = [];
  let lastRowLine = from;
  for (let i = from; i < lines.length; i++) if (splitDelimited(lines[i], cut)) lastRowLine = i;
  for (let i = from; i <= lastRowLine; i++) {
    const cells = splitDelimited(lines[i], cut);
    if (!cells) {
      // A line without delimiters inside the table continues the last cell of the row above.
      const extra = cleanCell(lines[i]);
      const prev = rows[rows.length - 1];
      if (extra && prev) {
        const last = [...prev].reverse().find((c) => c.text);
        if (last) last.text += extra;
      }
      continue;
    }
    if (cells.every((c) => !c)) continue;
    // | --- | :---: | the separator row of a markdown table.
    if (cells.every((c) => /^:?-+:?$/.test(c) || !c)) continue;
    if (isRepeatedHeader(cells)) continue;
    rows.push(cells.map((text) => ({ text, line: i + 1, explicitEmpty: false })));
  }
  return rows;
}

interface Stacked {
  roles: Array<ColumnRole | undefined>;
  end: number;
  pipes: boolean;
}

/** A header printed one cell per line, words possibly wrapped over two lines (具体 / 要求). */
function stackedHeader(lines: string[], start: number): Stacked | undefined {
  const first = cleanCell(lines[start]);
  if (!first || first.length > 16) return undefined;
  const cells: Array<{ text: string; line: number }> = [];
  let pipes = false;
  for (let i = start; i < lines.length && cells.length < 24; i++) {
    const raw = lines[i];
    if (/^\s*\|\s*$/.test(raw)) {
      pipes = true;
      continue;
    }
    const t = cleanCell(raw);
    if (!t) {
      if (raw.length > 0 && /^\t/.test(raw)) cells.push({ text: '', line: i });
      continue;
    }
    if (t.length > 16) break;
    cells.push({ text: t, line: i });
  }
  const roles: Array<ColumnRole | undefined> = [];
  let end = start;
  for (let j = 0; j < cells.length; ) {
    const one = headerRole(cells[j].text);
    if (one) {
      roles.push(one);
      end = cells[j].line;
      j++;
      continue;
    }
    const two = j + 1 < cells.length ? headerRole(cells[j].text + cells[j + 1].text) : undefined;
    if (two) {
      roles.push(two);
      end = cells[j + 1].line;
      j += 2;
      continue;
    }
    break;
  }
  if (roles.length < 3 || !isHeader(roles)) return undefined;
  return { roles: resolveRoles(roles), end, pipes };
}

/**
 * Cells one per line: a tab-indented line (or the text between lines holding only `|`) starts a
 * cell, an unindented line right after it continues it (a wrapped cell), a blank line ends a group.
 * Groups are joined until they fill the header's width, since a blank line may fall inside a row.
 */
function positionalRows(lines: string[], from: number, width: number): GridCell[][] {
  const groups: GridCell[][] = [];
  let group: GridCell[] = [];
  let open: GridCell | undefined;
  const closeGroup = () => {
    if (group.length) groups.push(group);
    group = [];
    open = undefined;
  };
  for (let i = from; i < lines.length; i++) {
    const raw = lines[i];
    if (/^\t/.test(raw)) {
      open = { text: cleanCell(raw), line: i + 1, explicitEmpty: false };
      group.push(open);
    } else if (!raw.trim()) {
      closeGroup();
    } else if (open) {
      open.text = joinWrapped(open.text, cleanCell(raw));
    } else {
      // Unindented text outside any cell: page furniture or the end of the table.
      closeGroup();
    }
  }
  closeGroup();
  const rows: GridCell[][] = [];
  let row: GridCell[] = [];
  for (const g of groups) {
    if (isRepeatedHeader(g.map((c) => c.text))) continue;
    if (row.length && row.length + g.length > width) {
      rows.push(row);
      row = [];
    }
    row.push(...g);
    if (row.length >= width) {
      rows.push(row);
      row = [];
    }
  }
  if (row.length) rows.push(row);
  return rows.filter((r) => r.some((c) => c.text));
}

/** The cells between lines holding only `|`, in reading order; wrapped lines join their cell. */
function pipeCells(lines: string[], from: number): GridCell[] {
  const out: GridCell[] = [];
  let open: GridCell | undefined;
  for (let i = from; i < lines.length; i++) {
    if (/^\s*\|\s*$/.test(lines[i])) {
      open = undefined;
      continue;
    }
    const text = cleanCell(lines[i]);
    // A blank line ends a cell: a row's last cell and the next row's first share one segment.
    if (!text) {
      open = undefined;
      continue;
    }
    if (open) open.text = joinWrapped(open.text, text);
    else {
      open = { text, line: i + 1, explicitEmpty: false };
      out.push(open);
    }
  }
  return out;
}

function paragraphCells(lines: string[], from: number): GridCell[] {
  const out: GridCell[] = [];
  for (let i = from; i < lines.length; i++) {
    const raw = lines[i];
    if (raw === '') continue;
    const text = cleanCell(raw);
    if (!text && /^[\u00a0\u3000 ]{1,3}$/.test(raw)) out.push({ text: '', line: i + 1, explicitEmpty: true });
    else if (text) out.push({ text, line: i + 1, explicitEmpty: false });
  }
  return out;
}

/** Joins a wrapped line: no space between two CJK characters. */
export function joinWrapped(a: string, b: string): string {
  if (!a) return b;
  if (!b) return a;
  const cjk = /[\u3000-\u9fff\uff00-\uffef]/;
  return cjk.test(a[a.length - 1]) || cjk.test(b[0]) ? a + b : `${a} ${b}`;
}
