import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { availableParallelism } from 'node:os';
import pino from 'pino';
import { updateIndex } from '../../src/library/open.js';
import { ShardPool } from '../../src/library/shard-pool.js';
import { report } from './child-report.js';

/**
 * `node dist-bench/bench/library/rebuild-one.js DOCS INDEX FILE`: one plan's text changed (its last sentence
 * extended), then the build again into the same index folder, as `npm run build-index` after an
 * edit (with its worker threads). The file is replaced, not written through: the folder's files may be links to the cached library.
 */
const [docs, index, file] = process.argv.slice(2);
const path = join(docs, file);
const text = readFileSync(path, 'utf8');
const last = text.lastIndexOf('。');
rmSync(path);
writeFileSync(path, last < 0 ? `${text}\n` : `${text.slice(0, last)}，并向社会公布${text.slice(last)}`);
const started = performance.now();
const pool = new ShardPool({ workers: availableParallelism(), inlineUpTo: 2 });
await updateIndex(docs, pino({ level: 'silent' }), index, pool);
const rebuildMs = Math.round(performance.now() - started);
await pool.close();
report({ rebuild_ms: rebuildMs, changed: file });
