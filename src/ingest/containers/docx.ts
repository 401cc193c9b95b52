import { unzipSync } from 'fflate';
import { XMLParser } from 'fast-xml-parser';
import type { Table, TableCell } from '../table.js';
import type { ContainerReading } from './reading.js';
import { zipInflateProblem } from './zip-limits.js';
import { chineseNumeral } from '../../domain/numerals.js';

type Node = Record<string, unknown> & { ':@'?: Record<string, string> };

/**
 * Reads a .docx (a zip of WordprocessingML, opened with fflate and read with fast-xml-parser).
 * `text` is the body's paragraphs in order, each table cell's paragraphs as lines among them;
 * `tables` holds each top-level `w:tbl` as an exact table, one cell per grid column: a vMerge
 * continuation is `merged-up`; the positions a gridSpan covers after its first, and legacy hMerge
 * continuations, are `merged-left`; a blank cell, and a grid position a row leaves out
 * (gridBefore/gridAfter), is `empty`; a cell's paragraphs join with '\n'. A row's `line` is the
 * text line its first cell starts at. Word's automatic numbering (自动编号) is written out where it
 * carries the 序号. A table nested in a cell is flattened into that cell's paragraphs.
 */
export function readDocx(bytes: Uint8Array): ContainerReading {
  const inflateProblem = zipInflateProblem(bytes, (name) => READ.has(name));
  if (inflateProblem) return { ok: false, reason: inflateProblem };
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (f) => READ.has(f.name) });
  } catch {
    return { ok: false, reason: '不是有效的 .docx 文件（zip 结构损坏）' };
  }
  const doc = files['word/document.xml'];
  if (!doc) return { ok: false, reason: '不是 Word 文档（缺少 word/document.xml）' };
  const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', trimValues: false });
  const tree = parser.parse(Buffer.from(doc).toString('utf8')) as Node[];
  const numbering = new Numbering(files['word/numbering.xml'] ? (parser.parse(Buffer.from(files['word/numbering.xml']).toString('utf8')) as Node[]) : []);
  const body = content(children(find(children(find(tree, 'w:document')), 'w:body')));
  const lines: string[] = [];
  const tables: Table[] = [];
  for (const node of body) {
    if ('w:p' in node) lines.push(paragraphText(node, numbering));
    else if ('w:tbl' in node) {
      lines.push('');
      tables.push(readTable(node, numbering, lines));
      lines.push('');
    }
  }
  return { ok: true, document: { text: lines.join('\n'), tables } };
}

/** One `w:tbl` as an exact table; its cells' paragraphs are appended to `lines`. */
function readTable(tbl: Node, numbering: Numbering, lines: string[]): Table {
  const width = children(find(children(tbl), 'w:tblGrid')).filter((n) => 'w:gridCol' in n).length;
  const rows: TableCell[][] = [];
  for (const tr of content(children(tbl)).filter((n) => 'w:tr' in n)) {
    const line = lines.length + 1;
    const trPr = children(find(children(tr), 'w:trPr'));
    // Rows may start or end short of the grid (gridBefore/gridAfter): those positions hold no cell.
    const row: TableCell[] = Array.from({ length: Number(attr(find(trPr, 'w:gridBefore'), 'w:val') ?? 0) }, () => ({ text: '', line, state: 'empty' }));
    for (const tc of content(children(tr)).filter((n) => 'w:tc' in n)) {
      const props = children(find(children(tc), 'w:tcPr'));
      const span = Math.max(1, Number(attr(find(props, 'w:gridSpan'), 'w:val') ?? 1));
      if (continues(props, 'w:vMerge')) row.push({ text: '', line, state: 'merged-up' });
      // w:hMerge: the horizontal merge of older Word files, a cell per grid column.
      else if (continues(props, 'w:hMerge')) row.push({ text: '', line, state: 'merged-left' });
      else {
        const paragraphs = cellParagraphs(tc, numbering);
        lines.push(...paragraphs);
        const text = paragraphs.join('\n');
        row.push({ text, line, state: text.trim() ? 'value' : 'empty' });
      }
      for (let i = 1; i < span; i++) row.push({ text: '', line, state: 'merged-left' });
    }
    rows.push(row);
  }
  const full = Math.max(width, ...rows.map((r) => r.length));
  for (const row of rows) while (row.length < full) row.push({ text: '', line: row[0]?.line ?? 0, state: 'empty' });
  return { rows, exact: true, stream: false };
}

/** A cell's non-blank paragraphs, those of a table nested in it included (row by row). */
function cellParagraphs(tc: Node, numbering: Numbering): string[] {
  const out: string[] = [];
  for (const n of content(children(tc))) {
    if ('w:p' in n) out.push(paragraphText(n, numbering));
    else if ('w:tbl' in n) {
      for (const tr of content(children(n)).filter((x) => 'w:tr' in x)) {
        for (const inner of content(children(tr)).filter((x) => 'w:tc' in x)) {
          const props = children(find(children(inner), 'w:tcPr'));
          if (!continues(props, 'w:vMerge') && !continues(props, 'w:hMerge')) out.push(...cellParagraphs(inner, numbering));
        }
      }
    }
  }
  return out.filter((t) => t.trim());
}

function paragraphText(p: Node, numbering: Numbering): string {
  const parts: string[] = [];
  const walk = (nodes: Node[]) => {
    for (const n of nodes) {
      if ('w:t' in n) parts.push(children(n).map((c) => String(c['#text'] ?? '')).join(''));
      else if ('w:tab' in n) parts.push(' ');
      else if ('w:br' in n || 'w:cr' in n) parts.push(' ');
      else if (RUN_CONTAINERS.some((tag) => tag in n)) walk(children(n));
    }
  };
  const kids = children(p);
  walk(kids);
  const text = parts.join('');
  const pPr = find(kids, 'w:pPr');
  const numPr = pPr ? find(children(pPr), 'w:numPr') : undefined;
  if (!numPr) return text;
  const numId = attr(find(children(numPr), 'w:numId'), 'w:val');
  const ilvl = Number(attr(find(children(numPr), 'w:ilvl'), 'w:val') ?? 0);
  const label = numId ? numbering.next(numId, ilvl) : '';
  return label ? `${label}${text}` : text;
}

/** Word's automatic numbering: counters per list and level, formatted by the level's lvlText. */
class Numbering {
  private readonly abstractOf = new Map<string, string>();
  private readonly levels = new Map<string, Map<number, { start: number; fmt: string; text: string }>>();
  private readonly counters = new Map<string, number[]>();

  constructor(tree: Node[]) {
    const root = children(find(tree, 'w:numbering'));
    for (const a of root.filter((n) => 'w:abstractNum' in n)) {
      const id = attr(a, 'w:abstractNumId') ?? '';
      const lv = new Map<number, { start: number; fmt: string; text: string }>();
      for (const l of children(a).filter((n) => 'w:lvl' in n)) {
        const k = children(l);
        lv.set(Number(attr(l, 'w:ilvl') ?? 0), {
          start: Number(attr(find(k, 'w:start'), 'w:val') ?? 1),
          fmt: attr(find(k, 'w:numFmt'), 'w:val') ?? 'decimal',
          text: attr(find(k, 'w:lvlText'), 'w:val') ?? '%1.',
        });
      }
      this.levels.set(id, lv);
    }
    for (const n of root.filter((x) => 'w:num' in x)) {
      this.abstractOf.set(attr(n, 'w:numId') ?? '', attr(find(children(n), 'w:abstractNumId'), 'w:val') ?? '');
    }
  }

  next(numId: string, ilvl: number): string {
    const levels = this.levels.get(this.abstractOf.get(numId) ?? '');
    const lvl = levels?.get(ilvl);
    if (!levels || !lvl || lvl.fmt === 'bullet' || lvl.fmt === 'none') return '';
    const counts = this.counters.get(numId) ?? [];
    for (let i = 0; i < ilvl; i++) counts[i] ??= (levels.get(i)?.start ?? 1) - 1;
    counts[ilvl] = (counts[ilvl] ?? (lvl.start - 1)) + 1;
    counts.length = ilvl + 1;
    this.counters.set(numId, counts);
    return lvl.text.replace(/%(\d)/g, (_m, d: string) => format(counts[Number(d) - 1] ?? 1, levels.get(Number(d) - 1)?.fmt ?? 'decimal'));
  }
}

function format(n: number, fmt: string): string {
  if (/chinese|ideograph|japaneseCounting|taiwanese/i.test(fmt)) return chineseNumeral(n);
  return String(n);
}

/** A merge mark that continues the cell before it: present, and not val="restart". */
function continues(props: Node[], tag: 'w:vMerge' | 'w:hMerge'): boolean {
  const mark = find(props, tag);
  return mark !== undefined && attr(mark, 'w:val') !== 'restart';
}

/** Block content with its wrappers opened: content controls (w:sdt) and custom XML hold paragraphs, rows or cells. */
function content(nodes: Node[]): Node[] {
  return nodes.flatMap((n) => ('w:sdt' in n ? content(children(find(children(n), 'w:sdtContent'))) : 'w:customXml' in n ? content(children(n)) : [n]));
}

function children(n: Node | undefined): Node[] {
  if (!n) return [];
  const key = Object.keys(n).find((k) => k !== ':@');
  const v = key ? n[key] : undefined;
  return Array.isArray(v) ? (v as Node[]) : [];
}

function find(nodes: Node[], tag: string): Node | undefined {
  return nodes.find((n) => tag in n);
}

function attr(n: Node | undefined, name: string): string | undefined {
  return n?.[':@']?.[name];
}

/** Inline elements whose runs hold a paragraph's text. */
const RUN_CONTAINERS = ['w:r', 'w:hyperlink', 'w:ins', 'w:smartTag', 'w:fldSimple', 'w:sdt', 'w:sdtContent', 'w:customXml'];

/** The parts of a .docx that are read (and so inflated); images and the rest never are. */
const READ = new Set(['word/document.xml', 'word/numbering.xml', '[Content_Types].xml']);
