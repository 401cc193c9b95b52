import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { buildFromSeeds } from '../src/library/open.js';

/**
 * Builds the seeds' index once for the whole run (test files load it instead of each parsing the
 * seeds and building lunr again); its folder reaches the test processes in ZWGK_TEST_INDEX.
 */
export default async function setup(): Promise<() => void> {
  const dir = mkdtempSync(join(tmpdir(), 'zwgk-test-index-'));
  await buildFromSeeds('seeds', pino({ level: 'silent' }), dir);
  process.env.ZWGK_TEST_INDEX = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
