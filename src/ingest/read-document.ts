import { createHash } from 'node:crypto';
import type { DocumentHint } from '../domain/document.js';
import { readCsv } from './containers/csv.js';
import { readDoc } from './containers/doc.js';
import { readDocx } from './containers/docx.js';
import { readHtml } from './containers/html.js';
import { readPdf } from './containers/pdf.js';
import type { ContainerReading } from './containers/reading.js';
import { readXlsx } from './containers/xlsx.js';
import { MAX_BYTES } from './decode.js';
import { MAX_BINARY_BYTES } from './supported.js';
import { type ParsedDocument, parseDocument, parseStructured, parseText } from './parse-document.js';

/** What kind of file the bytes are, from their first bytes (never from the name alone). */
export type Container = 'docx' | 'xlsx' | 'zip' | 'ole' | 'pdf' | 'html' | 'text';

/**
 * Reads one plan file of any supported format into tasks: .txt (any encoding), .docx, .xlsx (every
 * sheet with a task table), .html/.htm (a saved web page, or an Office file saved as one), .csv/.tsv,
 * .doc/.wps, .pdf (text layer). The containers that know their cells (.docx, .xlsx, .html, .csv) and
 * the PDF (cells placed by position) give the one table reader a structured table; .txt and .doc
 * give it text. A file that is broken, encrypted, mislabelled or too large gives one warning naming
 * it. Never throws.
 */
export async function readDocument(bytes: Uint8Array, name: string, hint: DocumentHint = {}): Promise<ParsedDocument> {
  const fail = (message: string): ParsedDocument => ({ tasks: [], warnings: [{ doc: name, message }] });
  const ext = (/\.([a-z0-9]+)$/i.exec(name)?.[1] ?? '').toLowerCase();
  const container = sniff(bytes);
  const limit = container === 'text' || container === 'html' ? MAX_BYTES : MAX_BINARY_BYTES;
  if (bytes.length > limit) return fail(`文件过大 (${(bytes.length / 1048576).toFixed(1)} MB > ${limit / 1048576} MB)`);
  const hash = createHash('sha1').update(bytes).digest('hex');
  const withFormat = (p: ParsedDocument, format: string): ParsedDocument => (p.meta ? { ...p, meta: { ...p.meta, format } } : p);
  const structured = (r: ContainerReading, format: string): ParsedDocument =>
    r.ok ? withFormat(parseStructured(r.document, name, hash, hint), format) : fail(r.reason);
  try {
    switch (container) {
      case 'text':
        if (['docx', 'xlsx', 'xls', 'doc', 'wps', 'pdf'].includes(ext)) return fail(`扩展名是 .${ext}，但内容不是 ${ext} 文件（可能是改了扩展名的文本文件）`);
        if (ext === 'csv' || ext === 'tsv') return structured(readCsv(bytes), ext);
        // A saved fragment of a page (<table>… with no <html> around it) is known by its name.
        if (ext === 'html' || ext === 'htm') return structured(readHtml(bytes), 'html');
        return withFormat(parseDocument(bytes, name, hint), 'txt');
      case 'html':
        return structured(readHtml(bytes), 'html');
      case 'docx':
        return structured(readDocx(bytes), 'docx');
      case 'xlsx':
        return structured(await readXlsx(bytes), 'xlsx');
      case 'zip':
        return fail('zip 文件中没有 Word 或 Excel 文档（不支持的格式或文件已损坏）');
      case 'ole':
        if (['docx', 'xlsx'].includes(ext)) return fail('文件受密码保护（已加密的 Office 文件），请取消密码后再提供');
        if (['xls', 'et'].includes(ext)) return fail('旧版 .xls 表格暂不支持，请在 Excel/WPS 中另存为 .xlsx');
        {
          const r = await readDoc(bytes);
          return r.ok ? withFormat(parseText(r.text, name, hash, hint), ext || 'doc') : fail(r.reason);
        }
      case 'pdf':
        return structured(await readPdf(bytes), 'pdf');
    }
  } catch (e) {
    return fail(`无法读取（${String((e as Error).message).slice(0, 120)}）`);
  }
}

/**
 * The container, from the bytes: zip (docx, xlsx), OLE (doc, xls, encrypted Office), PDF, HTML (a
 * page whose markup starts it: .htm, or a .doc/.xls that Office or a web site saved as a web page),
 * else text.
 */
export function sniff(bytes: Uint8Array): Container {
  const b = bytes;
  if (b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04) {
    const head = Buffer.from(b.subarray(0, Math.min(b.length, 1 << 20))).toString('latin1');
    if (head.includes('word/')) return 'docx';
    if (head.includes('xl/')) return 'xlsx';
    return 'zip';
  }
  if (b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0) return 'ole';
  if (b[0] === 0x25 && b[1] === 0x50 && b[2] === 0x44 && b[3] === 0x46) return 'pdf';
  if (HTML_START.test(Buffer.from(b.subarray(0, 1024)).toString('latin1').replace(/^\ufeff|^\xef\xbb\xbf/, ''))) return 'html';
  return 'text';
}

/** Markup that opens a web page (after an XML prolog or comments): <!DOCTYPE html>, <html>, <head>, <meta>, <body>. */
const HTML_START = /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|meta|body)[\s>]/i;
