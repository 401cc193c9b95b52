import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadSeeds } from '../../src/ingest/load-seeds.js';
import { readGold, scoreTasks } from '../helpers/score-tasks.js';

// The thirteen real plans from other places (test/fixtures/real, copied byte-exact with their
// hand-read records). The docs folder is read exactly as the product reads a seeds folder,
// catalog.json included (region, issuer, year a page does not print). Scored with the port of the
// reference scorer against the targets.
//
// Lead reaches the 97 with two records of xiamen_czj_2021 still differing: they print 4 and 6
// unit paragraphs for a 牵头处室 and a 协办单位 cell with no visible boundary; the parser gives the
// lead the first paragraph (a lead is most often one unit), the hand-read records (marked doubtful) more.
const TARGETS = { recall: 98, precision: 98, lead: 97, kind: 95, date: 95 };

const corpus = await loadSeeds('test/fixtures/real/docs');
const gold = readGold('test/fixtures/real/gold');
const { perDoc, summary, report, mismatches } = scoreTasks(gold, corpus.tasks);

describe('parsing the real plans of other places', () => {
  it('has hand-read records for exactly the documents of the folder', () => {
    const docs = readdirSync('test/fixtures/real/docs').filter((n) => n.endsWith('.txt')).sort();
    expect(Object.keys(perDoc)).toEqual(docs);
    expect(gold.length).toBe(66);
  });

  // seq is not scored by the reference scorer: compared here, document by document, in order.
  // shenzhen_2017's excerpt shows one heading only, so no restart of its numbering is visible and seq is
  // the printed number (the records, read from the whole plan, give 一/1).
  const SEQ_UNREAD = new Set(['shenzhen_2017.txt']);
  it('gives every other document the seq of its hand-read records: printed number, restart path, row order', () => {
    const seqs = (records: Array<{ doc?: string; seq?: string; item?: string }>, doc: string) =>
      records.filter((r) => r.doc === doc).map((r) => `${r.seq}|${r.item}`);
    for (const doc of Object.keys(perDoc).filter((d) => !SEQ_UNREAD.has(d))) expect(seqs(corpus.tasks, doc), doc).toEqual(seqs(gold, doc));
  });

  it('reaches the targets on recall, precision, lead, deadline kind and date', () => {
    const short = (Object.keys(TARGETS) as Array<keyof typeof TARGETS>)
      .filter((k) => summary[k] < TARGETS[k])
      .map((k) => `${k} ${summary[k]} < ${TARGETS[k]}`);
    // A failure names the documents: one score line per document, then every difference.
    const message = ['summary ' + JSON.stringify(summary), ...report, ...mismatches].join('\n');
    expect(short, message).toEqual([]);
  });
});
