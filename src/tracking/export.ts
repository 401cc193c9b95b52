import type { Ledger } from './ledger-table.js';

/**
 * The 台账 as an .xlsx workbook that prints: the title and the line under it above the header row
 * (merged across the columns), the header row frozen and repeated on every printed page, every cell
 * wrapped and bordered, the columns at their widths, A4 landscape fitted to the page's width (as
 * many pages down as it takes), page numbers in the footer.
 */
export async function exportXlsx(ledger: Ledger): Promise<Buffer> {
  // Loaded on first use: exceljs is heavy and most chats never export.
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('任务台账', {
    views: [{ state: 'frozen', ySplit: HEADER_ROW }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.2, footer: 0.3 },
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
    },
    headerFooter: { oddFooter: '&C第 &P 页，共 &N 页' },
  });
  ws.columns = ledger.columns.map((c) => ({ key: c.key, width: c.width }));
  const last = ledger.columns.length;
  const banner = (row: number, text: string, size: number, bold: boolean) => {
    ws.mergeCells(row, 1, row, last);
    const cell = ws.getCell(row, 1);
    cell.value = text;
    cell.font = { name: FONT, size, bold };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  };
  const widths = ledger.columns.map((c) => c.width);
  const page = [widths.reduce((a, b) => a + b, 0)];
  banner(1, ledger.title, 14, true);
  ws.getRow(1).height = rowHeight([ledger.title], page, 14);
  banner(2, ledger.subtitle, FONT_SIZE, false);
  ws.getRow(2).height = rowHeight([ledger.subtitle], page, FONT_SIZE);
  const header = ws.getRow(HEADER_ROW);
  // A header's bracketed note (完成时限（原文）) on a line of its own, not broken at the column's edge.
  const headers = ledger.columns.map((c) => c.header.replace('（', '\n（'));
  header.values = headers;
  header.font = { name: FONT, size: FONT_SIZE, bold: true };
  header.height = rowHeight(headers, widths, FONT_SIZE);
  header.eachCell((cell) => {
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF5' } };
    cell.border = BORDER;
  });
  for (const r of ledger.rows) {
    const row = ws.addRow(r);
    row.font = { name: FONT, size: FONT_SIZE };
    // Neither Excel nor LibreOffice grows a row to its wrapped text when opening a file: the height is set.
    row.height = rowHeight(ledger.columns.map((c) => String(r[c.key])), widths, FONT_SIZE);
    for (let col = 1; col <= last; col++) {
      const cell = row.getCell(col);
      cell.alignment = { vertical: 'top', horizontal: ledger.columns[col - 1].key === 'no' ? 'center' : undefined, wrapText: true };
      cell.border = BORDER;
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * The height in points of a row whose cells wrap at their columns' widths (in width units, as
 * exceljs sets them): its tallest cell's lines. A wide character (Chinese) takes two units, any
 * other one, and a unit of each column is padding.
 */
function rowHeight(texts: string[], widths: number[], fontSize: number): number {
  const lines = texts.map((text, i) =>
    text.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(displayWidth(part) / Math.max(1, widths[i] - 1))), 0),
  );
  return Math.ceil(Math.max(...lines) * fontSize * LINE_SPACING + 4);
}

function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/.test(ch) ? 2 : 1;
  return w;
}

/** Row of the column headers (under the title and its line). */
export const HEADER_ROW = 3;
const FONT = '宋体';
const FONT_SIZE = 10;
/** A printed line's height, as a multiple of the font size. */
const LINE_SPACING = 1.3;
const THIN = { style: 'thin' as const, color: { argb: 'FF808080' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
