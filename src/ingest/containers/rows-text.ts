import { pointNumber } from '../cell-kind.js';
import { joinWrapped } from '../grid.js';

/**
 * Writes table rows as the tab-separated text the table reader takes: one row per line, every
 * cell kept (an empty cell is merged). Inside a cell, line breaks (paragraphs) are joined as
 * wrapped lines — except that a cell whose paragraphs are numbered points (1.… 2.…) becomes one
 * row per point, the other cells merged, as the text layout prints them.
 */
export function rowsToText(rows: string[][]): string {
  return rows
    .flatMap(expandPoints)
    .filter((r) => r.some((c) => c.trim()))
    .map((r) => r.map((c) => c.split(/\n+/).map((l) => l.replace(/\t+/g, ' ').trim()).filter(Boolean).reduce(joinWrapped, '')).join('\t'))
    .join('\n');
}

function expandPoints(row: string[]): string[][] {
  const groups = row.map(pointGroups);
  const numbered = groups.map((g, i) => (g && g.length > 1 ? i : -1)).filter((i) => i >= 0);
  if (numbered.length !== 1) return [row];
  const col = numbered[0];
  return groups[col]!.map((text, k) => row.map((c, i) => (i === col ? text : k === 0 ? c : '')));
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
