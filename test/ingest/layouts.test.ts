import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/ingest/parse-document.js';
import { deadlineKey, type ExpectedRecord, readJsonl } from '../helpers/records.js';

// Documents of the same genre in layouts the seeds do not show, with records written by reading
// them (test/fixtures/layouts/README.md says what each exercises).
const DIR = 'test/fixtures/layouts';
const docs = readdirSync(DIR).filter((f) => f.endsWith('.txt'));

describe('parseDocument on unseen layouts', () => {
  it('has a fixture for every layout family', () => {
    expect(docs.length).toBeGreaterThanOrEqual(10);
  });
  for (const doc of docs) {
    it(`reads ${doc} exactly`, () => {
      const expected = readJsonl<ExpectedRecord>(`${DIR}/${doc.replace(/\.txt$/, '.expected.jsonl')}`);
      const parsed = parseDocument(readFileSync(`${DIR}/${doc}`), doc);
      const view = (r: Omit<ExpectedRecord, 'task' | 'deadline_raw' | 'doc'>) => ({
        seq: r.seq,
        item: r.item,
        requirement: r.requirement,
        lead: r.lead,
        responsible: r.responsible,
        deadline: deadlineKey(r.deadline),
      });
      expect(parsed.tasks.map(view)).toEqual(expected.map(view));
    });
  }
});
