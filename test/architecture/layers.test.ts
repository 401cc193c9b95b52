import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Layers point one way: domain ← ingest / query / search / answer / store ← library (a documents
 * folder read into an engine: open, reload, fingerprint) ← tracking / conversation ← bot / cli ←
 * main (main.ts, compose.ts); the entry points (cli, main) read the environment through config. Within the middle layer only these
 * imports are allowed: search may ask query to understand a question, answer may read search's
 * results. conversation may use tracking, not the other way round. log.ts serves every layer.
 */
const MAY_IMPORT: Record<string, string[]> = {
  domain: [],
  log: [],
  ingest: ['domain'],
  query: ['domain'],
  store: ['domain'],
  search: ['domain', 'query'],
  answer: ['domain', 'search', 'query'],
  library: ['domain', 'log', 'ingest', 'query', 'search'],
  tracking: ['domain', 'log', 'ingest', 'query', 'search', 'answer', 'store', 'library'],
  conversation: ['domain', 'log', 'ingest', 'query', 'search', 'answer', 'store', 'tracking', 'library'],
  bot: ['domain', 'log', 'ingest', 'query', 'search', 'answer', 'store', 'tracking', 'conversation', 'library'],
  cli: ['domain', 'log', 'ingest', 'query', 'search', 'answer', 'store', 'tracking', 'conversation', 'library', 'config'],
  main: ['domain', 'log', 'ingest', 'query', 'search', 'answer', 'store', 'tracking', 'conversation', 'bot', 'cli', 'config', 'library'],
  config: [],
};

/** Known violations: none (the test fails when a new one appears). */
const KNOWN: string[] = [];

describe('the import graph', () => {
  it('points one way, from the adapters inward to the domain', () => {
    const found: string[] = [];
    for (const file of sources('src')) {
      const from = layerOf(file);
      for (const spec of imports(readFileSync(file, 'utf8'))) {
        const to = layerOf(relative('src', resolve(dirname(file), spec)));
        if (to !== from && !MAY_IMPORT[from]?.includes(to)) found.push(`${relative('src', file)} → ${to}`);
      }
    }
    expect([...new Set(found)].sort()).toEqual([...KNOWN].sort());
  });

  it('knows the layer of every folder under src/', () => {
    const folders = readdirSync('src').filter((n) => statSync(join('src', n)).isDirectory());
    for (const f of folders) expect(Object.keys(MAY_IMPORT), f).toContain(f);
  });
});

function layerOf(path: string): string {
  const rel = path.startsWith('src/') ? path.slice(4) : path;
  const top = rel.split('/')[0].replace(/\.[jt]s$/, '');
  return top === 'compose' ? 'main' : top;
}

function imports(text: string): string[] {
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2]);
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? sources(p) : /\.ts$/.test(n) ? [p] : [];
  });
}
