import { describe } from 'vitest';
import { FIFTH_TESTER_PLANS, NEW_REGION_PLANS, widerLibraryEngine } from '../helpers/library.js';
import { readJsonl } from '../helpers/records.js';
import { type Question, readAnswerGold } from '../helpers/score-answers.js';
import { questionTests } from '../helpers/question-suite.js';

// 70 questions by a fourth tester over 27 plans: the 18 of the library questions and nine plans of
// regions and bodies the bot was not developed on (安吉, 青州, 武侯, 阳朔, 夷陵, 章贡, 大理, 洛阳市场监管局,
// 榆次区教育局; test/fixtures/new-layouts), worked out from their hand-read records by the shared rules.
const QUESTIONS = readJsonl<Question>('test/fixtures/questions/new-regions.jsonl');
const gold = readAnswerGold(['test/fixtures/gold', 'test/fixtures/real/gold', 'test/fixtures/new-layouts/gold']);
const engine = await widerLibraryEngine(NEW_REGION_PLANS);

// Two typed forms the bot cannot place yet: 武侯区住房建设和交通运输局 for the printed 区住建交局 (a full
// name for a short one), 大数据局 for 政务服务和大数据管理局 (no shared first character). Both are said
// so, with the printed name among the closest.
const KNOWN_MISSES = new Set(['R57', 'R37']);

describe('questions over plans of regions the bot was not developed on (70, 27 plans)', () => {
  questionTests(engine, QUESTIONS, gold, { precision: 0.99, recall: 0.96 }, KNOWN_MISSES);
});

// 60 questions by a fifth tester over the 18 and eight plans of other layouts (渝水, 光山, 株洲自然资源和规划局,
// 溧水, 黄岩, 广安区, 顺德, 南湖). S19 河南信阳 (two places above a plan, neither with a plan of its own)
// passes on its empty set, though the bot says "no task holds 信阳" where it should name 光山 inside.
describe('questions over plans of other layouts (60, 26 plans)', async () => {
  const fifth = await widerLibraryEngine(FIFTH_TESTER_PLANS);
  // 株洲资规局政策法规科: the body's alias (资规局) is not read where the body is looked up by its first character.
  questionTests(fifth, readJsonl<Question>('test/fixtures/questions/other-layouts.jsonl'), gold, { precision: 0.99, recall: 0.96 }, new Set(['S23']));
});
