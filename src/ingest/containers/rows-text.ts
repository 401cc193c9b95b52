/**
 * Writes table rows as the tab-separated text the table reader takes: one row per line, every
 * cell kept (an empty cell is merged), tabs and line breaks inside a cell turned into spaces.
 */
export function rowsToText(rows: string[][]): string {
  return rows
    .filter((r) => r.some((c) => c.trim()))
    .map((r) => r.map((c) => c.replace(/[\t\r\n]+/g, ' ').trim()).join('\t'))
    .join('\n');
}
