import { cleanCell, joinWrapped } from './grid.js';

/**
 * A table drawn with box characters (┌┬┐ │ ├┼┤ └┴┘), as a Word or Excel table copied to plain text
 * prints it, rewritten as `|` rows: the lines between two rule lines are one row, each column's pieces
 * joined as wrapped lines (区住建局、区交 / 通运输局 → 区住建局、区交通运输局). The row stands on its
 * first line and the rule and wrapped lines are left blank, so every line keeps its number. Text
 * without such a table is returned as it is.
 */
export function unboxTables(text: string): string {
  if (!text.includes('│')) return text;
  const lines = text.split('\n');
  let row: { at: number; cells: string[] } | undefined;
  const close = () => {
    if (row) lines[row.at] = `|${row.cells.join('|')}|`;
    row = undefined;
  };
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i].trim();
    if (RULE_RE.test(t)) {
      close();
      lines[i] = '';
      continue;
    }
    if (!t.startsWith('│')) {
      close();
      continue;
    }
    const pieces = t.replace(/^│|│$/g, '').split('│').map(cleanCell);
    if (row && pieces.length === row.cells.length) {
      row.cells = row.cells.map((c, k) => joinWrapped(c, pieces[k]));
      lines[i] = '';
    } else {
      close();
      row = { at: i, cells: pieces };
    }
  }
  close();
  return lines.join('\n');
}

/** A rule line of a box-drawn table: box characters only. */
const RULE_RE = /^[┌┬┐├┼┤└┴┘─━┏┳┓┣╋┫┗┻┛═╔╦╗╠╬╣╚╩╝]+$/;
