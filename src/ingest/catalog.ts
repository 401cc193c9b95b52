import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DocumentHint, type Warning } from '../domain/document.js';

/** The catalog's file name in a documents folder. */
export const CATALOG_FILE = 'catalog.json';

/** What a documents folder's catalog says about its files, and what was wrong with it. */
export interface Catalog {
  /** By file name; only valid fields are kept. */
  hints: Map<string, DocumentHint>;
  warnings: Warning[];
}

/**
 * Reads the optional `catalog.json` of a documents folder:
 * `{ "<file name>": { "region"?: "江门市", "issuer"?: "…", "year"?: 2021, "title"?: "…" } }`. Each field
 * overrides what the document's own text says. A missing file is an empty catalog; a file that is
 * not JSON, an entry that is not an object, a bad or unknown field, or an entry for a file not in
 * `files` gives a warning naming `catalog.json`, and everything else still applies. Never throws.
 */
export function readCatalog(dir: string, files: string[]): Catalog {
  const path = join(dir, CATALOG_FILE);
  if (!existsSync(path)) return { hints: new Map(), warnings: [] };
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    return { hints: new Map(), warnings: [{ doc: CATALOG_FILE, message: `无法读取 (${(e as Error).message})，目录信息未使用` }] };
  }
  return parseCatalog(text, files);
}

/** Reads a catalog's text; see readCatalog. */
export function parseCatalog(text: string, files: string[]): Catalog {
  const hints = new Map<string, DocumentHint>();
  const warnings: Warning[] = [];
  const warn = (message: string) => warnings.push({ doc: CATALOG_FILE, message });
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    warn(`不是有效的 JSON (${(e as Error).message})，目录信息未使用`);
    return { hints, warnings };
  }
  if (!isObject(raw)) {
    warn('应为一个对象 { "文件名": { "region": …, "year": … } }，目录信息未使用');
    return { hints, warnings };
  }
  const present = new Set(files);
  for (const [name, entry] of Object.entries(raw)) {
    if (!isObject(entry)) {
      warn(`「${name}」的值应为对象 { "region"?, "issuer"?, "year"?, "title"? }，已忽略`);
      continue;
    }
    const hint: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(entry)) {
      const schema = FIELDS[field as keyof typeof FIELDS];
      if (!schema) {
        warn(`「${name}」: 未知字段 ${field}（可用字段：${Object.keys(FIELDS).join('、')}），已忽略`);
        continue;
      }
      const checked = schema.safeParse(value);
      if (checked.success) hint[field] = checked.data;
      else warn(`「${name}」: 字段 ${field} 无效 (${checked.error.issues[0]?.message ?? 'invalid'})，已忽略`);
    }
    if (!present.has(name)) {
      warn(`「${name}」不在文档目录中 (no such file)，已忽略`);
      continue;
    }
    const parsed = DocumentHint.safeParse(hint);
    if (parsed.success && Object.keys(parsed.data).length) hints.set(name, parsed.data);
  }
  return { hints, warnings };
}

/**
 * Sets (or, with an empty hint, removes) one file's entry in `dir/catalog.json`, keeping every
 * other entry as it was. Written whole to a temporary file, then renamed into place, so a reader
 * never sees half a file. Throws when the existing catalog is not a JSON object (it is left
 * untouched rather than overwritten) or on I/O errors.
 */
export function writeCatalogEntry(dir: string, name: string, hint: DocumentHint): void {
  const path = join(dir, CATALOG_FILE);
  let current: Record<string, unknown> = {};
  if (existsSync(path)) {
    const raw: unknown = JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));
    if (!isObject(raw)) throw new Error(`${CATALOG_FILE} is not a JSON object`);
    current = raw;
  }
  const entry = DocumentHint.parse(hint);
  if (Object.keys(entry).length) current[name] = entry;
  else if (name in current) delete current[name];
  else return;
  const tmp = `${path}.tmp-${randomBytes(4).toString('hex')}`;
  try {
    writeFileSync(tmp, JSON.stringify(current, null, 2) + '\n');
    renameSync(tmp, path);
  } finally {
    rmSync(tmp, { force: true });
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const FIELDS = DocumentHint.shape;

/** The document files of a seeds folder, in name order, without its catalog (throws when the folder cannot be read). */
export function seedFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((n) => !n.startsWith('.') && n !== CATALOG_FILE)
    .sort();
}
