import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DocumentHint } from '../domain/document.js';

/**
 * A shard's key: the file's name and bytes, what the catalog says of it, and the code that reads it
 * into a shard (codeFingerprint) — a changed file, catalog entry or parser means a new shard;
 * nothing else does.
 */
export function contentKey(name: string, hint: DocumentHint | undefined, bytes: Uint8Array): string {
  return createHash('sha1').update(codeFingerprint()).update('\0').update(name).update('\0').update(hintKey(hint)).update('\0').update(bytes).digest('hex');
}

/** A catalog entry as the manifest compares it. */
export function hintKey(hint: DocumentHint | undefined): string {
  return hint ? JSON.stringify(Object.entries(hint).sort(([a], [b]) => a.localeCompare(b))) : '';
}

let fingerprint: string | undefined;

/**
 * The hash of the code that builds a shard, computed once per process: every source file the shard
 * builder imports, directly or not (type-only imports aside), and the version of every package those
 * files import. Answering code (the corpus, the query parser) is not in it: changing it keeps the shards.
 */
export function codeFingerprint(): string {
  if (fingerprint) return fingerprint;
  const h = createHash('sha1');
  const { files, packages } = importGraph(BUILDER);
  for (const file of files) h.update(file.slice(SRC.length)).update('\0').update(readFileSync(file)).update('\0');
  for (const [name, version] of packages) h.update(`${name}@${version}\0`);
  return (fingerprint = h.digest('hex'));
}

const SRC = fileURLToPath(new URL('..', import.meta.url));
const BUILDER = fileURLToPath(new URL('./build-shard.' + (import.meta.url.endsWith('.ts') ? 'ts' : 'js'), import.meta.url));

/** `import … from 'x'` and `export … from 'x'`, not `import type`; dynamic `import('x')`. */
const IMPORT = /(?:^|\n)\s*(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

/** The source files reachable from `entry` (sorted) and the packages they import, with their versions. */
function importGraph(entry: string): { files: string[]; packages: Map<string, string> } {
  const files = new Set<string>();
  const packages = new Map<string, string>();
  const require = createRequire(entry);
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(IMPORT)) {
      const spec = m[1] ?? m[2];
      if (spec.startsWith('.')) {
        const target = sourceOf(resolve(dirname(file), spec));
        if (target) visit(target);
      } else if (!spec.startsWith('node:')) {
        const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
        if (!packages.has(name)) packages.set(name, packageVersion(require, name));
      }
    }
  };
  visit(entry);
  return { files: [...files].sort(), packages: new Map([...packages].sort(([a], [b]) => a.localeCompare(b))) };
}

/** The file an import of `x.js` names: itself when compiled, its `.ts` source under tsx. */
function sourceOf(path: string): string | undefined {
  const candidates = [path, path.replace(/\.js$/, '.ts'), `${path}.ts`, `${path}.js`, join(path, 'index.ts'), join(path, 'index.js')];
  return candidates.find((p) => /\.[jt]s$/.test(p) && existsSync(p));
}

function packageVersion(require: NodeJS.Require, name: string): string {
  try {
    return (JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version?: string }).version ?? '?';
  } catch {
    // A package that does not export its package.json: find it beside its main file.
    try {
      let dir = dirname(require.resolve(name));
      while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
      return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version?: string }).version ?? '?';
    } catch {
      return '?';
    }
  }
}
