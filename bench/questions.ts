import { readFileSync } from 'node:fs';

/** The question set the latency figures use: the project's questions and the shared sample. */
export function benchQuestions(): Array<{ q: string; today: string }> {
  const files = ['test/fixtures/questions/questions.jsonl', 'test/fixtures/questions/shared/sample.jsonl'];
  return files.flatMap((f) => {
    try {
      return readFileSync(f, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as { q: string; today: string });
    } catch {
      return [];
    }
  });
}
