import { headerRole } from '../header.js';
import { outlineNumber } from '../outline-number.js';
import { pointNumber } from '../cell-kind.js';
import type { Table, TableCell } from '../table.js';
import type { ContainerReading } from './reading.js';

interface Item {
  str: string;
  x: number;
  y: number;
  page: number;
}

/**
 * Reads a PDF's text layer (pdf.js through unpdf) in reading order by position: `text` is its lines.
 * Where a table header is found, the lines from it on become one table, not exact (a PDF keeps no
 * cells, so they are guessed from positions): each text piece goes to the column whose header it
 * sits under, a new row starts where the first column has text or a requirement starts with its
 * running number, and wrapped lines join their cell. A position left blank is read as merged from
 * above, since a merged cell is printed once. A row's `line` is the text line it starts at.
 * A PDF with no text layer (a scan) gets a clear message: there is no OCR.
 */
export async function readPdf(bytes: Uint8Array): Promise<ContainerReading> {
  let items: Item[] = [];
  try {
    const { getDocumentProxy } = await import('unpdf');
    const pdf = await getDocumentProxy(new Uint8Array(bytes));
    for (let p = 1; p <= pdf.numPages; p++) {
      const content = await (await pdf.getPage(p)).getTextContent();
      for (const it of content.items as Array<{ str?: string; transform?: number[] }>) {
        if (!it.str || !it.transform) continue;
        items.push({ str: it.str, x: it.transform[4], y: it.transform[5], page: p });
      }
    }
  } catch (e) {
    const msg = String((e as Error).message);
    return { ok: false, reason: /password/i.test(msg) ? 'PDF 受密码保护，无法读取' : `无法读取 PDF（${msg.slice(0, 80)}）` };
  }
  if (items.filter((i) => /[\u4e00-\u9fff]/.test(i.str)).length < 5) {
    return { ok: false, reason: 'PDF 没有文字层（可能是扫描件），无法识别：本工具不做 OCR，请提供可复制文字的 PDF 或 Word 文件' };
  }
  items = items.sort((a, b) => a.page - b.page || b.y - a.y || a.x - b.x);
  const lines = groupLines(items);
  const text = lines.map((l) => l.map((i) => i.str).join('')).join('\n');
  const header = lines.findIndex((l) => l.filter((i) => headerRole(i.str)).length >= 3);
  if (header < 0) return { ok: true, document: { text, tables: [] } };

  // Header cells may wrap onto a second line (公开的主要内容和时间 / 要求): join short pieces below.
  const heads = lines[header].filter((i) => i.str.trim()).map((i) => ({ x: i.x, str: i.str.trim() }));
  let body = header + 1;
  const below = lines[body]?.filter((i) => i.str.trim()) ?? [];
  if (below.length && below.length < heads.length && below.every((i) => i.str.trim().length <= 6 && !/^\d/.test(i.str.trim()))) {
    for (const it of below) {
      const h = [...heads].reverse().find((c) => it.x >= c.x - 4);
      if (h) h.str += it.str.trim();
    }
    body++;
  }
  const cols = heads.map((h) => h.x);
  const headerTexts = heads.map((h) => h.str);
  const firstIsSeq = headerRole(headerTexts[0]) === 'seq';
  const reqCol = headerTexts.findIndex((h) => headerRole(h) === 'requirement');
  const rows: Array<{ line: number; cells: string[] }> = [{ line: header + 1, cells: headerTexts }];
  let row: string[] | undefined;
  for (let n = body; n < lines.length; n++) {
    const cells: string[] = cols.map(() => '');
    // Space items are kept: spaces inside a cell matter (部署开展 2016 年); one spanning a column gap is trimmed.
    for (const it of lines[n]) {
      let c = 0;
      while (c + 1 < cols.length && it.x >= cols[c + 1] - 4) c++;
      cells[c] += it.str;
    }
    if (cells.every((c) => !c.trim())) continue;
    if (cells.filter((c, i) => c && headerRole(c) === headerRole(headerTexts[i])).length >= 3) continue; // header repeated on a new page
    const first = cells[0].trim();
    const startsRow =
      !row ||
      (firstIsSeq ? /^\d{1,3}$/.test(first) : Boolean(first && outlineNumber(first))) ||
      (reqCol >= 0 && Boolean(pointNumber(cells[reqCol].trim())));
    if (startsRow) {
      row = cells.map((c) => c.trim());
      rows.push({ line: n + 1, cells: row });
    } else {
      cells.forEach((c, i) => {
        if (c.trim()) row![i] = row![i] + c.trim();
      });
    }
  }
  const table: Table = {
    rows: rows.map(({ line, cells }) => cells.map((c): TableCell => ({ text: c.replace(/\t+/g, ' '), line, state: c.trim() ? 'value' : 'merged-up' }))),
    exact: false,
    stream: false,
  };
  return { ok: true, document: { text, tables: [table] } };
}

function groupLines(items: Item[]): Item[][] {
  const lines: Item[][] = [];
  for (const it of items) {
    const last = lines[lines.length - 1];
    if (last && last[0].page === it.page && Math.abs(last[0].y - it.y) <= 3) last.push(it);
    else lines.push([it]);
  }
  return lines.map((l) => l.sort((a, b) => a.x - b.x));
}
