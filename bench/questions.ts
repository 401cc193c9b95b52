import { readFileSync } from 'node:fs';

export interface BenchQuestion {
  q: string;
  today: string;
}

/** The question set of the bot load: the project's questions and the shared sample. */
export function benchQuestions(): BenchQuestion[] {
  return readQuestions(['test/fixtures/questions/questions.jsonl', 'test/fixtures/questions/shared/sample.jsonl']);
}

/** The public question samples (the shared sample and the library sample), about the 18 public plans. */
export function sampleQuestions(): BenchQuestion[] {
  return readQuestions(['test/fixtures/questions/shared/sample.jsonl', 'test/fixtures/questions/shared/library-sample.jsonl']);
}

/** Questions that name no region: over a large library they reach every plan. */
export const BROAD_QUESTIONS: BenchQuestion[] = [
  { q: '审计 要公开哪些', today: '2019-06-01' },
  { q: '发改局要公开什么', today: '2019-06-01' },
  { q: '财政局有哪些任务', today: '2019-06-01' },
  { q: '住建局牵头哪些任务', today: '2019-06-01' },
  { q: '政府信息公开年度报告', today: '2019-06-01' },
];

function readQuestions(files: string[]): BenchQuestion[] {
  return files.flatMap((f) =>
    readFileSync(f, 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as BenchQuestion),
  );
}
