/** Subjects of disclosure work and the words officials use for each. */

export function variants(word: string): readonly string[] {
  let known = VARIANTS.get(word);
  if (known) return known;
  const w = word.toLowerCase();
  const out = new Set([w]);
  for (const group of SYNONYMS) if (group.includes(w)) group.forEach((g) => out.add(g));
  // 预决算 / 预决算公开: either half of a contracted compound.
  if (w === '预决算') ['预算', '决算'].forEach((g) => out.add(g));
  // A subject holding narrower ones: asking for it asks for each (not the other way round).
  for (const narrower of NARROWER.get(w) ?? []) out.add(narrower);
  // Remembered: a topic question checks the same few words against every task of a library.
  if (VARIANTS.size > 10_000) VARIANTS.clear();
  VARIANTS.set(word, (known = Object.freeze([...out])));
  return known;
}

const VARIANTS = new Map<string, readonly string[]>();

/** True for a word that names a subject of disclosure work (扶贫, PPP …), never a unit. */
export function isTopicWord(word: string): boolean {
  const w = word.toLowerCase();
  return SYNONYMS.some((g) => g.includes(w)) || NARROWER.has(w) || w === '预决算';
}

/** Words officials use for one subject; each group is one topic. */
const SYNONYMS: string[][] = [
  ['ppp', '政府和社会资本合作'],
  ['户口迁移', '户籍', '落户', '户口'],
  ['扶贫', '脱贫', '贫困'],
  ['政府债务', '债务'],
  ['环评', '环境影响评价'],
  ['双随机', '双随机、一公开'],
  ['互联网+政务服务', '互联网＋政务服务', '一网通办'],
  ['热线', '热线电话'],
  ['舆情', '政务舆情'],
  ['三公', '“三公”', '三公经费'],
];

/** Subjects whose tasks often name only their parts: 新媒体 work is printed as 微博、微信、移动客户端. */
const NARROWER = new Map<string, string[]>([['新媒体', ['微博', '微信', '两微一端', '客户端', '公众号']]]);
