import { loadSeeds } from '../ingest/load-seeds.js';
import { parseArgs } from './args.js';

/**
 * `npm run --silent tasks -- --json [--seeds DIR]`: the task records of every document in DIR as
 * one JSON array on stdout, each with its document's `region` and `year` (DIR's optional
 * catalog.json overrides what a document says); one warning per problem on stderr, naming the file
 * (or catalog.json). Exit 0 when at least one document parsed. Without --json, a per-document
 * summary: file, region, year, tasks, layout, title, issuer.
 */
const { flags } = parseArgs(process.argv.slice(2), ['seeds']);
const dir = typeof flags.seeds === 'string' ? flags.seeds : 'seeds';
let corpus;
try {
  corpus = await loadSeeds(dir);
} catch (e) {
  process.stderr.write(`tasks: cannot read ${dir}: ${(e as Error).message}\n`);
  process.exit(1);
}
for (const w of corpus.warnings) process.stderr.write(`warning: ${w.doc}: ${w.message}\n`);
if (flags.json) process.stdout.write(JSON.stringify(corpus.tasks, null, 1) + '\n');
else {
  for (const d of corpus.docs) process.stdout.write(`${d.doc}\t${d.region}\t${d.year ?? '?'}\t${d.taskCount} 项\t${d.layout}\t${d.title}\t${d.issuer}\n`);
  process.stdout.write(`共 ${corpus.docs.length} 份文档, ${corpus.tasks.length} 项任务\n`);
}
// exitCode, not exit(): a piped stdout must drain first.
process.exitCode = corpus.docs.length > 0 ? 0 : 1;
