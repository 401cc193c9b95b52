import type ExcelJS from 'exceljs';
import { rowsToText } from './rows-text.js';

export type SheetsText = { ok: true; sheets: Array<{ name: string; text: string }> } | { ok: false; reason: string };

/**
 * Reads an .xlsx workbook (exceljs) into one text per sheet, each sheet's rows tab-separated, a cell
 * inside a merged range other than its top-left (master) cell empty, i.e. merged.
 */
export async function readXlsx(bytes: Uint8Array): Promise<SheetsText> {
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch (e) {
    return { ok: false, reason: `不是有效的 .xlsx 文件（${(e as Error).message.slice(0, 80)}）` };
  }
  const sheets = wb.worksheets.map((ws) => {
    const rows: string[][] = [];
    for (let r = 1; r <= ws.rowCount; r++) {
      const row: string[] = [];
      for (let c = 1; c <= ws.columnCount; c++) {
        const cell = ws.getCell(r, c);
        const merged = cell.isMerged && cell.master.address !== cell.address;
        row.push(merged ? '' : cellText(cell));
      }
      rows.push(row);
    }
    return { name: ws.name, text: rowsToText(rows) };
  });
  return { ok: true, sheets };
}

function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('');
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return cell.text ?? String(v);
}
