import { parse } from 'csv-parse/sync';
import { decode } from '../decode.js';
import type { Table, TableCell } from '../table.js';
import type { ContainerReading } from './reading.js';

/**
 * Reads a .csv or .tsv file (csv-parse) in any encoding the text decoder knows (UTF-8 with or
 * without BOM, GBK, UTF-16 with BOM). The delimiter is sniffed from the first lines: comma, tab or
 * semicolon, whichever splits the most lines most evenly. The records are one exact table, every row
 * as wide as the widest, a blank field `empty` (a CSV has no merged cells: `mergeless`); line breaks inside a
 * quoted field are kept as '\n'. `text` is the printed fields, one line per field line; a row's
 * `line` is the text line its first field starts at.
 */
export function readCsv(bytes: Uint8Array): ContainerReading {
  const decoded = decode(bytes);
  return decoded.ok ? readCsvText(decoded.text) : decoded;
}

/** readCsv over text already decoded. */
export function readCsvText(text: string): ContainerReading {
  let records: string[][];
  try {
    records = parse(text, {
      delimiter: sniffDelimiter(text),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
    }) as string[][];
  } catch (e) {
    return { ok: false, reason: `无法读取 CSV 文件（${String((e as Error).message).slice(0, 80)}）` };
  }
  const lines: string[] = [];
  const width = Math.max(0, ...records.map((r) => r.length));
  const rows = records.map((record): TableCell[] => {
    const line = lines.length + 1;
    return Array.from({ length: width }, (_, i) => {
      const text = record[i] ?? '';
      lines.push(...text.split('\n').map((l) => l.trim()).filter(Boolean));
      return { text, line, state: text.trim() ? 'value' : 'empty' };
    });
  });
  const table: Table = { rows, exact: true, stream: false, mergeless: true };
  return { ok: true, document: { text: lines.join('\n'), tables: [table] } };
}

/**
 * The delimiter that splits the most of the first lines, and among those the one whose count per
 * line is the most regular (a table's rows have one count); comma when none splits any line.
 */
function sniffDelimiter(text: string): string {
  const sample = text.split('\n').filter((l) => l.trim()).slice(0, SAMPLE_LINES);
  let best = { delimiter: ',', split: 0, regular: 0 };
  for (const delimiter of DELIMITERS) {
    const counts = sample.map((l) => countOutsideQuotes(l, delimiter)).filter((n) => n > 0);
    const frequency = new Map<number, number>();
    for (const n of counts) frequency.set(n, (frequency.get(n) ?? 0) + 1);
    const regular = Math.max(0, ...frequency.values());
    if (counts.length > best.split || (counts.length === best.split && regular > best.regular)) best = { delimiter, split: counts.length, regular };
  }
  return best.delimiter;
}

function countOutsideQuotes(line: string, delimiter: string): number {
  let n = 0;
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === delimiter && !quoted) n++;
  }
  return n;
}

const DELIMITERS = [',', '\t', ';'];

/** Lines read to sniff the delimiter. */
const SAMPLE_LINES = 50;
