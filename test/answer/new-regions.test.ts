import { describe } from 'vitest';
import { widerLibraryEngine } from '../helpers/library.js';
import { readJsonl } from '../helpers/records.js';
import { type Question, readAnswerGold } from '../helpers/score-answers.js';
import { questionTests } from '../helpers/question-suite.js';

// 70 questions by a fourth tester over 27 plans: the 18 of the library questions and nine plans of
// regions and bodies the bot was not developed on (安吉, 青州, 武侯, 阳朔, 夷陵, 章贡, 大理, 洛阳市场监管局,
// 榆次区教育局; test/fixtures/new-layouts), worked out from their hand-read records by the shared rules.
const QUESTIONS = readJsonl<Question>('test/fixtures/questions/new-regions.jsonl');
const gold = readAnswerGold(['test/fixtures/gold', 'test/fixtures/real/gold', 'test/fixtures/new-layouts/gold']);
const engine = await widerLibraryEngine();

// Two typed forms the bot cannot place yet: 武侯区住房建设和交通运输局 for the printed 区住建交局 (a full
// name for a short one), 大数据局 for 政务服务和大数据管理局 (no shared first character). Both are said
// so, with the printed name among the closest.
const KNOWN_MISSES = new Set(['R57', 'R37']);

describe('questions over plans of regions the bot was not developed on (70, 27 plans)', () => {
  questionTests(engine, QUESTIONS, gold, { precision: 0.99, recall: 0.96 }, KNOWN_MISSES);
});
