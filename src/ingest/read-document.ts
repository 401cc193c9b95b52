import { createHash } from 'node:crypto';
import type { DocumentHint, Warning } from '../domain/document.js';
import { readDoc } from './containers/doc.js';
import { readDocx } from './containers/docx.js';
import { readPdf } from './containers/pdf.js';
import { readXlsx } from './containers/xlsx.js';
import { MAX_BYTES } from './decode.js';
import { type ParsedDocument, parseDocument, parseText } from './parse-document.js';

/** What kind of file the bytes are, from their first bytes (never from the name alone). */
export type Container = 'docx' | 'xlsx' | 'zip' | 'ole' | 'pdf' | 'text';

/** Binary containers may be larger than text files (embedded fonts, images). */
export const MAX_BINARY_BYTES = 40 * 1024 * 1024;

/** File names the ingest reads. */
export const SUPPORTED = /\.(txt|text|csv|tsv|md|docx|xlsx|xls|doc|wps|pdf)$/i;

/**
 * Reads one plan file of any supported format into tasks: .txt (any encoding), .docx, .xlsx (every
 * sheet with a task table), .doc/.wps, .pdf (text layer). Each container becomes the text the one
 * table reader takes, so layouts, merges, units and deadlines are handled in one place. A file that
 * is broken, encrypted, mislabelled or too large gives one warning naming it. Never throws.
 */
export async function readDocument(bytes: Uint8Array, name: string, hint: DocumentHint = {}): Promise<ParsedDocument> {
  const fail = (message: string): ParsedDocument => ({ tasks: [], warnings: [{ doc: name, message }] });
  const ext = (/\.([a-z0-9]+)$/i.exec(name)?.[1] ?? '').toLowerCase();
  const container = sniff(bytes);
  const limit = container === 'text' ? MAX_BYTES : MAX_BINARY_BYTES;
  if (bytes.length > limit) return fail(`文件过大 (${(bytes.length / 1048576).toFixed(1)} MB > ${limit / 1048576} MB)`);
  const hash = createHash('sha1').update(bytes).digest('hex');
  const withFormat = (p: ParsedDocument, format: string): ParsedDocument => (p.meta ? { ...p, meta: { ...p.meta, format } } : p);
  try {
    switch (container) {
      case 'text':
        if (['docx', 'xlsx', 'xls', 'doc', 'wps', 'pdf'].includes(ext)) return fail(`扩展名是 .${ext}，但内容不是 ${ext} 文件（可能是改了扩展名的文本文件）`);
        return withFormat(parseDocument(bytes, name, hint), 'txt');
      case 'docx': {
        const r = readDocx(bytes);
        return r.ok ? withFormat(parseText(r.text, name, hash, hint), 'docx') : fail(r.reason);
      }
      case 'xlsx': {
        const r = await readXlsx(bytes);
        return r.ok ? withFormat(mergeSheets(r.sheets.map((s) => parseText(s.text, name, hash, hint)), name), 'xlsx') : fail(r.reason);
      }
      case 'zip':
        return fail('zip 文件中没有 Word 或 Excel 文档（不支持的格式或文件已损坏）');
      case 'ole':
        if (['docx', 'xlsx'].includes(ext)) return fail('文件受密码保护（已加密的 Office 文件），请取消密码后再提供');
        if (['xls', 'et'].includes(ext)) return fail('旧版 .xls 表格暂不支持，请在 Excel/WPS 中另存为 .xlsx');
        {
          const r = await readDoc(bytes);
          return r.ok ? withFormat(parseText(r.text, name, hash, hint), ext || 'doc') : fail(r.reason);
        }
      case 'pdf': {
        const r = await readPdf(bytes);
        return r.ok ? withFormat(parseText(r.text, name, hash, hint), 'pdf') : fail(r.reason);
      }
    }
  } catch (e) {
    return fail(`无法读取（${String((e as Error).message).slice(0, 120)}）`);
  }
}

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
  return 'text';
}

/** A workbook's sheets as one document: the tasks of every sheet that holds a task table. */
function mergeSheets(parts: ParsedDocument[], name: string): ParsedDocument {
  const good = parts.filter((p) => p.meta);
  if (!good.length) return { tasks: [], warnings: [{ doc: name, message: '没有一个工作表包含任务表 (no sheet holds a task table)' }] };
  const tasks = good.flatMap((p) => p.tasks);
  const warnings: Warning[] = good.flatMap((p) => p.warnings);
  return { meta: { ...good[0].meta!, taskCount: tasks.length }, tasks, warnings };
}
