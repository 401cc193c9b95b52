import { unzipSync } from 'fflate';
import { XMLParser } from 'fast-xml-parser';
import { rowsToText } from './rows-text.js';

export type ContainerText = { ok: true; text: string } | { ok: false; reason: string };

type Node = Record<string, unknown> & { ':@'?: Record<string, string> };

/**
 * Reads a .docx (a zip of WordprocessingML, opened with fflate and read with fast-xml-parser) into
 * the text the table reader takes: paragraphs as lines, each table as tab-separated rows in which a
 * cell merged into the one above (vMerge continue) or to its left (gridSpan) is empty, and Word's
 * automatic numbering (自动编号) written out where it carries the 序号.
 */
export function readDocx(bytes: Uint8Array): ContainerText {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (f) => f.name === 'word/document.xml' || f.name === 'word/numbering.xml' || f.name === '[Content_Types].xml' });
  } catch {
    return { ok: false, reason: '不是有效的 .docx 文件（zip 结构损坏）' };
  }
  const doc = files['word/document.xml'];
  if (!doc) return { ok: false, reason: '不是 Word 文档（缺少 word/document.xml）' };
  const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', trimValues: false });
  const tree = parser.parse(Buffer.from(doc).toString('utf8')) as Node[];
  const numbering = new Numbering(files['word/numbering.xml'] ? (parser.parse(Buffer.from(files['word/numbering.xml']).toString('utf8')) as Node[]) : []);
  const body = children(find(children(find(tree, 'w:document')), 'w:body'));
  const lines: string[] = [];
  for (const node of body) {
    if ('w:p' in node) lines.push(paragraphText(node, numbering));
    else if ('w:tbl' in node) lines.push('', rowsToText(tableRows(node, numbering)), '');
  }
  return { ok: true, text: lines.join('\n') };
}

function tableRows(tbl: Node, numbering: Numbering): string[][] {
  const rows: string[][] = [];
  for (const tr of children(tbl).filter((n) => 'w:tr' in n)) {
    const row: string[] = [];
    for (const tc of children(tr).filter((n) => 'w:tc' in n)) {
      const pr = find(children(tc), 'w:tcPr');
      const props = pr ? children(pr) : [];
      const span = Number(attr(find(props, 'w:gridSpan'), 'w:val') ?? 1);
      const vMerge = find(props, 'w:vMerge');
      const continues = vMerge !== undefined && attr(vMerge, 'w:val') !== 'restart';
      const text = continues
        ? ''
        : children(tc)
            .filter((n) => 'w:p' in n || 'w:tbl' in n)
            .map((n) => ('w:p' in n ? paragraphText(n, numbering) : ''))
            .filter((t) => t.trim())
            .join('\n');
      row.push(text);
      for (let i = 1; i < span; i++) row.push('');
    }
    rows.push(row);
  }
  return rows;
}

function paragraphText(p: Node, numbering: Numbering): string {
  const parts: string[] = [];
  const walk = (nodes: Node[]) => {
    for (const n of nodes) {
      if ('w:t' in n) parts.push(children(n).map((c) => String(c['#text'] ?? '')).join(''));
      else if ('w:tab' in n) parts.push(' ');
      else if ('w:br' in n || 'w:cr' in n) parts.push(' ');
      else if ('w:r' in n || 'w:hyperlink' in n || 'w:ins' in n || 'w:smartTag' in n || 'w:fldSimple' in n) walk(children(n));
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
  if (/chinese|ideograph|japaneseCounting|taiwanese/i.test(fmt)) return chinese(n);
  return String(n);
}

function chinese(n: number): string {
  const d = '零一二三四五六七八九';
  if (n < 10) return d[n];
  if (n < 20) return `十${n % 10 ? d[n % 10] : ''}`;
  if (n < 100) return `${d[Math.floor(n / 10)]}十${n % 10 ? d[n % 10] : ''}`;
  return String(n);
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
