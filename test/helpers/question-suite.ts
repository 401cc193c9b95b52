import { expect, it } from 'vitest';
import { answerJson } from '../../src/answer/answer-json.js';
import type { SearchEngine } from '../../src/search/engine.js';
import { type GoldEntry, pooled, type Question, scoreAnswer } from './score-answers.js';

/**
 * The tests of a question set, scored as the reference scorer does: pooled precision and recall at
 * least the floors given, then one test per question (every must found, nothing wrong) but the
 * known misses, each of which the calling file says why.
 */
export function questionTests(engine: SearchEngine, questions: Question[], gold: Map<string, GoldEntry[]>, floors: { precision: number; recall: number }, knownMisses: Set<string>): void {
  const scores = questions.map((q) => scoreAnswer(q, answerJson(engine.ask(q.q, q.today)), gold));
  it(`reaches precision ${floors.precision * 100}% and recall ${floors.recall * 100}%, pooled`, () => {
    const { precision, recall } = pooled(scores);
    expect(precision).toBeGreaterThanOrEqual(floors.precision);
    expect(recall).toBeGreaterThanOrEqual(floors.recall);
  });
  for (const s of scores) {
    if (knownMisses.has(s.question.id)) continue;
    it(`${s.question.id} ${s.question.intent}: ${s.question.q}`, () => {
      expect({ missing: s.missing, wrong: s.wrong }).toEqual({ missing: [], wrong: 0 });
    });
  }
}
