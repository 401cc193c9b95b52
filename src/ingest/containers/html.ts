import iconv from 'iconv-lite';
import { type DefaultTreeAdapterTypes as Dom, parse } from 'parse5';
import { decode } from '../decode.js';
import type { Table, TableCell } from '../table.js';
import type { ContainerReading } from './reading.js';

/**
 * Reads a saved web page (parsed with parse5, as a browser builds its tree, so unclosed cells and
 * rows, implicit tbody and stray markup land where a browser puts them). The bytes are decoded as
 * UTF-8 when they are valid UTF-8, else in the charset the page declares (`<meta charset>` or
 * http-equiv Content-Type: GBK pages are common), else as the text decoder guesses.
 * `text` is the page's visible text as lines: block elements, table cells and `<br>` break lines,
 * script, style and the head are dropped. Every `<table>`, nested ones included, is an exact table
 * with rowspan and colspan applied: a position a rowspan covers below its cell is `merged-up`, one a
 * colspan covers is `merged-left`, a cell with no text is `empty`, and a position no cell reaches (a
 * short row) is `empty` too. Inside a cell, `<br>` and block elements give '\n'; a nested table's
 * cells are also lines of the cell that holds it. A row's `line` is the text line it starts at.
 */
export function readHtml(bytes: Uint8Array): ContainerReading {
  const decoded = decodePage(bytes);
  if (!decoded.ok) return decoded;
  const page = new PageText();
  const tables: Table[] = [];
  walk(parse(decoded.text), page, tables);
  page.breakLine();
  return { ok: true, document: { text: page.lines.join('\n'), tables } };
}

/** The page's lines as they are written: inline text gathers into the current line until a break. */
class PageText {
  readonly lines: string[] = [];
  private current = '';
  private preDepth = 0;

  add(text: string): void {
    if (!this.preDepth) {
      this.current += text;
      return;
    }
    const parts = text.split(/\r?\n/);
    parts.forEach((p, i) => {
      if (i > 0) this.breakLine();
      this.current += p;
    });
  }

  /** Ends the current line; a line with no visible character is dropped. */
  breakLine(): void {
    // As CSS does, a line break in the source between two CJK characters is no space.
    const line = this.current
      .replace(new RegExp(`(${CJK})[ \\t\\r\\f]*\\n[ \\t\\r\\n\\f]*(?=${CJK})`, 'g'), '$1')
      .replace(/[ \t\n\r\f]+/g, ' ')
      .trim();
    if (/\S/.test(line)) this.lines.push(line);
    this.current = '';
  }

  /** Runs `read` with whitespace kept as written (inside `<pre>`). */
  preformatted(read: () => void): void {
    this.preDepth++;
    read();
    this.preDepth--;
  }
}

function walk(node: Dom.ParentNode, page: PageText, tables: Table[]): void {
  for (const child of node.childNodes) {
    if (child.nodeName === '#text') {
      page.add((child as Dom.TextNode).value);
      continue;
    }
    if (!('tagName' in child)) continue;
    const el = child as Dom.Element;
    const tag = el.tagName.toLowerCase();
    if (SKIPPED.has(tag)) continue;
    if (tag === 'br') page.breakLine();
    else if (tag === 'table') readTable(el, page, tables);
    else if (tag === 'pre') {
      page.breakLine();
      page.preformatted(() => walk(el, page, tables));
      page.breakLine();
    } else if (BLOCKS.has(tag)) {
      page.breakLine();
      walk(el, page, tables);
      page.breakLine();
    } else walk(el, page, tables);
  }
}

/** A `<table>` as an exact table, placed in `tables` before the tables nested in its cells. */
function readTable(table: Dom.Element, page: PageText, tables: Table[]): void {
  const result: Table = { rows: [], exact: true, stream: false };
  tables.push(result);
  page.breakLine();
  for (const caption of elements(table, 'caption')) {
    walk(caption, page, tables);
    page.breakLine();
  }
  const trs = [table, ...elements(table, 'thead', 'tbody', 'tfoot')].flatMap((parent) => elements(parent, 'tr'));
  const grid: Array<Array<TableCell | undefined>> = trs.map(() => []);
  const rowLines: number[] = [];
  trs.forEach((tr, r) => {
    rowLines.push(page.lines.length + 1);
    let c = 0;
    for (const td of elements(tr, 'td', 'th')) {
      while (grid[r][c]) c++;
      const colspan = Math.min(Math.max(span(td, 'colspan') ?? 1, 1), MAX_COLSPAN);
      const rows = span(td, 'rowspan');
      // rowspan="0" reaches to the end of the table (its row group, in the standard).
      const rowspan = Math.min(rows === 0 ? trs.length - r : Math.max(rows ?? 1, 1), trs.length - r);
      const start = page.lines.length;
      walk(td, page, tables);
      page.breakLine();
      const text = page.lines.slice(start).join('\n');
      for (let dr = 0; dr < rowspan; dr++) {
        for (let dc = 0; dc < colspan; dc++) {
          const state = dr === 0 && dc === 0 ? (text ? 'value' : 'empty') : dr > 0 ? 'merged-up' : 'merged-left';
          grid[r + dr][c + dc] = { text: dr === 0 && dc === 0 ? text : '', line: 0, state };
        }
      }
      c += colspan;
    }
  });
  const width = Math.max(0, ...grid.map((row) => row.length));
  result.rows = grid.map((row, r) =>
    Array.from({ length: width }, (_, c): TableCell => ({ ...(row[c] ?? { text: '', state: 'empty' }), line: rowLines[r] })),
  );
}

function elements(parent: Dom.ParentNode, ...tags: string[]): Dom.Element[] {
  return parent.childNodes.filter((n): n is Dom.Element => 'tagName' in n && tags.includes(n.tagName.toLowerCase()));
}

function span(el: Dom.Element, name: string): number | undefined {
  const value = el.attrs.find((a) => a.name === name)?.value;
  const n = value === undefined ? NaN : Number.parseInt(value, 10);
  return Number.isNaN(n) ? undefined : n;
}

type Decoded = { ok: true; text: string } | { ok: false; reason: string };

function decodePage(bytes: Uint8Array): Decoded {
  const decoded = decode(bytes);
  if (!decoded.ok || decoded.encoding.startsWith('utf')) return decoded;
  // Not Unicode: the page names its legacy charset better than a guess does.
  const declared = declaredCharset(bytes);
  if (!declared) return decoded;
  const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), declared);
  return { ok: true, text: text.replace(/\r\n?/g, '\n') };
}

/** The charset a page declares in its first bytes, as iconv-lite names it; GB2312 and GBK read as their superset GB18030. */
function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  if (!m) return undefined;
  const name = m[1].toLowerCase();
  if (/^(gb2312|gbk|x-gbk|gb_2312-80|cp936|gb18030|euc-cn)$/.test(name)) return 'gb18030';
  return iconv.encodingExists(name) ? name : undefined;
}

/** A CJK character (ideographs, CJK punctuation, full-width forms). */
const CJK = '[\\u3000-\\u303f\\u3400-\\u9fff\\uff00-\\uffef]';

/** Elements whose content is not shown as text. */
const SKIPPED = new Set(['head', 'script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'select', 'textarea']);

/** Elements that start and end a line. */
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'dir', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'html',
  'legend', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'section', 'summary', 'td', 'th', 'tr', 'ul',
]);

/** The most columns one cell may span, as browsers cap it. */
const MAX_COLSPAN = 1000;
