import { loadSeeds } from '../src/ingest/load-seeds.js';
import { SearchEngine } from '../src/search/engine.js';
import { round } from './stats.js';

/**
 * `tsx bench/worst-case.ts`: the slowest inputs we could construct for question understanding and
 * task references (a `/done` argument is read by the same parser), each a full-length Telegram
 * message (4096 characters): repeated region words, repeated unit names, numbers and dates, one
 * long run of Chinese, mixed — and a /done argument of 4096 characters. Prints the worst time
 * per message (target < 50 ms).
 */
const seeds = await loadSeeds('seeds');
const engine = SearchEngine.build(seeds.docs, seeds.tasks);
engine.tokenizer.warm();
const full = (unit: string) => unit.repeat(Math.ceil(4096 / unit.length)).slice(0, 4096);
const inputs: Record<string, string> = {
  region_words: full('蕉岭'),
  region_words_spaced: full('蕉岭 六安 '),
  unit_names: full('县财政局'),
  region_and_unit: full('蕉岭县财政局'),
  references: full('蕉岭 10.2 '),
  detail_numbers: full('第1项第2点'),
  dates: full('12月底前'),
  one_run_of_chinese: full('政务公开信息工作任务要求'),
  kinds_and_roles: full('每季度牵头配合'),
  mistyped_places: full('焦岭'),
  mixed: full('蕉岭县财政局12月前要公开什么？'),
};
const figures: Record<string, number> = {};
for (const [name, text] of Object.entries(inputs)) {
  engine.ask(text, '2016-06-01');
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const s = performance.now();
    engine.ask(text, '2016-06-01');
    times.push(performance.now() - s);
  }
  figures[name] = round(Math.max(...times));
}
// /done reads the longest leading part (at most 4 words) that names one task: 4 questions.
{
  const words = inputs.references.split(/\s+/).filter(Boolean);
  const s = performance.now();
  for (let k = Math.min(words.length, 4); k > 0; k--) engine.ask(words.slice(0, k).join(' '), '2016-06-01');
  figures.done_reference = round(performance.now() - s);
}
process.stdout.write(JSON.stringify({ worst_ms: Math.max(...Object.values(figures)), per_input_ms: figures }) + '\n');
