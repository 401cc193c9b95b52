import { z } from 'zod';

/**
 * What one table cell is, as its source knows it:
 * - `value`: printed text;
 * - `empty`: printed, but blank (a really empty cell: its column has no value for this row);
 * - `merged-up`: covered by the cell above (vMerge, rowspan, a merged range): it takes that value;
 * - `merged-left`: covered by the cell to its left (gridSpan, colspan): it belongs to that cell.
 * A cell a text layout does not print at all is *missing*: its row is simply shorter, and the
 * table reader aligns the cells it has to the columns by their content.
 */
export const CellState = z.enum(['value', 'empty', 'merged-up', 'merged-left']);
export type CellState = z.infer<typeof CellState>;

export const TableCell = z.object({
  text: z.string(),
  /** 1-based line of the source text, or the row's position in the container (row number, paragraph). */
  line: z.number().int().nonnegative(),
  state: CellState,
});
export type TableCell = z.infer<typeof TableCell>;

/**
 * A table as read from a document: rows of cells, header rows included. `exact` tables come from
 * containers that know their cells (.docx, .xlsx, .html, .csv): every row has one cell per column
 * and a cell's state is what the file says. Text layouts give `exact: false` tables whose rows may
 * be shorter than the header (cells missing); `stream: true` means the row boundaries are not known
 * either (one cell per paragraph): the single row holds every cell in reading order.
 */
export const Table = z.object({
  rows: z.array(z.array(TableCell)),
  exact: z.boolean(),
  stream: z.boolean().default(false),
  /**
   * The format cannot print a merged cell (CSV): a blank cell is really empty, except in a row whose
   * layout says it belongs to the group above — a sub-item row (序号 blank, the requirement going on
   * with the next numbered point of the row above), whose blank unit and deadline cells are the group's.
   */
  mergeless: z.boolean().optional(),
});
export type Table = z.infer<typeof Table>;

/** A container's reading: the document's text (for metadata and prose) and its tables, if it has any. */
export interface StructuredDocument {
  text: string;
  tables: Table[];
}

/** A value cell at a line. */
export function valueCell(text: string, line: number): TableCell {
  return { text, line, state: 'value' };
}
