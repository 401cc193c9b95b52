import { createHash } from 'node:crypto';
import type { DocumentHint, DocumentMeta, Warning } from '../domain/document.js';
import { Task } from '../domain/task.js';
import { assemble, type DraftTask } from './assemble.js';
import { decode } from './decode.js';
import { unboxTables } from './box-table.js';
import { readCsvText } from './containers/csv.js';
import { type Grid, readGrid } from './grid.js';
import type { StructuredDocument } from './table.js';
import { tableGrids } from './table-grid.js';
import { readMetadata } from './metadata.js';
import { checkPlausibility } from './plausibility.js';
import { readProse } from './prose.js';
import { roleRows, type UnitRole } from './role-rows.js';

export interface ParsedDocument {
  meta?: DocumentMeta;
  tasks: Task[];
  warnings: Warning[];
}

/**
 * Reads one plan document, as a pure function of its bytes and file name: decoding, layout
 * detection (a table in any of its layouts, else a prose outline), metadata and normalized tasks.
 * A file that is not a task plan gives no tasks and one warning naming it; this never throws on input.
 */
export function parseDocument(bytes: Uint8Array, doc: string, hint: DocumentHint = {}): ParsedDocument {
  const decoded = decode(bytes);
  if (!decoded.ok) return { tasks: [], warnings: [{ doc, message: decoded.reason }] };
  // Excel's "Unicode text" (tabs, a multi-line cell quoted): a table that knows its cells, read as the TSV it is.
  if (isTabExport(decoded.text)) {
    const csv = readCsvText(decoded.text);
    if (csv.ok) return parseStructured(csv.document, doc, sha1(bytes), hint);
  }
  return parseText(decoded.text, doc, sha1(bytes), hint);
}

/**
 * Text that a spreadsheet saved as tab-separated values: most lines hold tabs, and a field quoted
 * across lines (a cell of several paragraphs) is there — the quotes are CSV's, not the plan's.
 */
function isTabExport(text: string): boolean {
  if (!/(^|\t)"[^"\t]*\n/m.test(text)) return false;
  const lines = text.split('\n').filter((l) => l.trim());
  return lines.filter((l) => l.includes('\t')).length * 2 >= lines.length;
}

/** `hint` (from a catalog or the admin) overrides the region, issuer, year and title the text gives. */
export function parseText(raw: string, doc: string, hash = sha1(Buffer.from(raw)), hint: DocumentHint = {}): ParsedDocument {
  const text = unboxTables(raw);
  const grid = readGrid(text);
  return parseGrids(grid ? [grid] : [], text, doc, hash, hint);
}

/**
 * Reads a container's document: its exact tables, segment by segment; where they hold no task
 * (no table, or none with a task header), its text, as a text file would be read.
 */
export function parseStructured(source: StructuredDocument, doc: string, hash: string, hint: DocumentHint = {}): ParsedDocument {
  const grids = source.tables.flatMap(tableGrids);
  if (grids.length) {
    const parsed = parseGrids(grids, source.text, doc, hash, hint);
    if (parsed.meta) return parsed;
  }
  return parseText(source.text, doc, hash, hint);
}

function parseGrids(grids: Grid[], text: string, doc: string, hash: string, hint: DocumentHint): ParsedDocument {
  const warnings: Warning[] = [];
  const meta = readMetadata(text, doc, grids[0]?.headerLine, hint);
  if (meta.year === null) warnings.push({ doc, message: '未找到计划年度 (no plan year in title, date line or file name); dates without a year are left undated' });
  let drafts: DraftTask[] = [];
  let layout = 'none';
  for (const grid of grids) {
    warnings.push(...(grid.doubts ?? []).map((message) => ({ doc, message })));
    const unitColumns = grid.roles.filter((r): r is UnitRole => r === 'lead' || r === 'responsible' || r === 'units');
    drafts.push(...assemble(roleRows(grid), { year: meta.year, hasDeadlineColumn: grid.roles.includes('deadline'), unitColumns }));
    layout = `table/${grid.mode}`;
  }
  if (drafts.length === 0) {
    drafts = readProse(text, meta.year);
    layout = 'prose';
  }
  const tasks: Task[] = [];
  for (const d of drafts) {
    if (!d.requirement) continue;
    const record = { ...d, doc, region: meta.region, year: meta.year };
    const checked = Task.safeParse(record);
    if (checked.success) tasks.push(checked.data);
    else warnings.push({ doc, message: `第${d.line}行: 任务记录无效 (${checked.error.issues.map((i) => i.path.join('.') + ' ' + i.message).join('; ')})` });
  }
  // A file with no task says only that: its year or records are beside the point.
  if (tasks.length === 0) return { tasks: [], warnings: checkPlausibility(doc, text, tasks) };
  warnings.push(...checkPlausibility(doc, text, tasks));
  return {
    meta: { doc, title: meta.title, issuer: meta.issuer, region: meta.region, regionAliases: meta.regionAliases, level: meta.level, year: meta.year, layout, format: 'txt', taskCount: tasks.length, hash },
    tasks,
    warnings,
  };
}

function sha1(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('hex');
}
