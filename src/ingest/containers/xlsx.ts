import type ExcelJS from 'exceljs';
import type { Table, TableCell } from '../table.js';
import type { ContainerReading } from './reading.js';
import { zipInflateProblem } from './zip-limits.js';

/**
 * Reads an .xlsx workbook (exceljs): each sheet is an exact table, one cell per column. A cell inside
 * a merged range other than its master (top-left) cell is `merged-up` when it lies below the master's
 * row and `merged-left` when it lies in that row; a blank cell that is not merged is `empty`; a
 * cell's lines (Alt+Enter) are kept as '\n'. `text` is every sheet's printed cells, row by row, one
 * line per cell line; a row's `line` is the text line its first cell starts at.
 */
export async function readXlsx(bytes: Uint8Array): Promise<ContainerReading> {
  // exceljs inflates every entry of the workbook, so every entry counts.
  const inflateProblem = zipInflateProblem(bytes, () => true);
  if (inflateProblem) return { ok: false, reason: inflateProblem };
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch (e) {
    return { ok: false, reason: `不是有效的 .xlsx 文件（${(e as Error).message.slice(0, 80)}）` };
  }
  const lines: string[] = [];
  const tables: Table[] = [];
  for (const ws of wb.worksheets) {
    const rows: TableCell[][] = [];
    for (let r = 1; r <= ws.rowCount; r++) {
      const line = lines.length + 1;
      const row: TableCell[] = [];
      for (let c = 1; c <= ws.columnCount; c++) {
        const cell = ws.getCell(r, c);
        if (cell.isMerged && cell.master.address !== cell.address) {
          row.push({ text: '', line, state: Number(cell.row) > Number(cell.master.row) ? 'merged-up' : 'merged-left' });
          continue;
        }
        const text = cellText(cell);
        if (text.trim()) lines.push(...text.split('\n').filter((l) => l.trim()));
        row.push({ text, line, state: text.trim() ? 'value' : 'empty' });
      }
      rows.push(row);
    }
    tables.push({ rows, exact: true, stream: false });
    lines.push('');
  }
  return { ok: true, document: { text: lines.join('\n'), tables } };
}

function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  let text: string;
  if (typeof v === 'object' && 'richText' in v) text = v.richText.map((t) => t.text).join('');
  else if (v instanceof Date) text = v.toISOString().slice(0, 10);
  else text = cell.text ?? String(v);
  return text.replace(/\r\n?/g, '\n');
}
