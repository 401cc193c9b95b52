import { stringify } from 'csv-stringify/sync';
import type { Ledger } from './ledger-table.js';

/**
 * The 台账 as CSV (RFC 4180: quoted where a field holds a comma, quote or line break, CRLF between
 * records), with the workbook's columns under the same headers and no title rows, so it reads back
 * as a table. UTF-8 with a byte-order mark, which Excel needs to read Chinese text as UTF-8.
 */
export function exportCsv(ledger: Ledger): Buffer {
  const text = stringify(ledger.rows, {
    bom: true,
    header: true,
    record_delimiter: 'windows',
    columns: ledger.columns.map((c) => ({ key: c.key, header: c.header })),
  });
  return Buffer.from(text, 'utf8');
}
