/** The role a table column plays, recognised from its header words. */
export type ColumnRole = 'seq' | 'category' | 'requirement' | 'lead' | 'responsible' | 'units' | 'deadline' | 'note';

/**
 * Reads one header cell by the words it contains, each word scoring for a role (要求/内容/措施 →
 * requirement; 单位/部门/科室/处室/责任 → units; 时限/时间/期限/进度/节点 → deadline; 任务/事项/领域/要点
 * → category; 牵头 → lead; 配合/协办 → responsible), so header words never seen before (工作要点,
 * 任务分工, 责任科室(单位), 牵头处室) still get their role. A person column (责任人, 联系人, 分管领导)
 * is a note, not a unit column. Spaced-out words (具 体 要 求) are read whole. Returns undefined for
 * a cell that is not a header word.
 */
export function headerRole(cell: string): ColumnRole | undefined {
  const t = cell.replace(/[\s\u3000]+/g, '').replace(/[（(][^）)]*[）)]$/, '');
  if (!t || t.length > 14 || /[。，,；;：:]/.test(t)) return undefined;
  if (/^(序号|编号|序|No\.?)$/i.test(t)) return 'seq';
  if (/^(备注|说明)$/.test(t)) return 'note';
  if (PERSON_RE.test(t) && !/单位|部门|科室|处室/.test(t.replace(PERSON_RE, ''))) return 'note';
  const score = (words: Array<[RegExp, number]>) => words.reduce((n, [re, w]) => n + (re.test(t) ? w : 0), 0);
  const lead = score(LEAD_WORDS);
  const helper = score(HELPER_WORDS);
  const units = score(UNIT_WORDS);
  if (lead && (helper || /责任/.test(t))) return 'units';
  if (lead) return 'lead';
  if (helper) return 'responsible';
  const scores: Array<[ColumnRole, number]> = [
    ['requirement', score(REQUIREMENT_WORDS)],
    ['deadline', score(DEADLINE_WORDS)],
    ['responsible', units],
    ['category', score(CATEGORY_WORDS)],
  ];
  const best = scores.reduce((a, b) => (b[1] > a[1] ? b : a));
  if (best[1] < 2) return undefined;
  // Every character of a header cell is a header word: body text that happens to hold one is not.
  return uncovered(t) <= 1 ? best[0] : undefined;
}

/**
 * Makes the column roles of one header consistent: a lone unit column is the lead column, a table
 * whose only text column is headed 任务 has it as the requirement.
 */
export function resolveRoles(roles: Array<ColumnRole | undefined>): Array<ColumnRole | undefined> {
  const out = [...roles];
  // Two text columns read as requirements (内容 / 具体要求): the outer one is the category.
  const reqs = out.map((r, i) => (r === 'requirement' ? i : -1)).filter((i) => i >= 0);
  for (const i of reqs.slice(0, -1)) out[i] = 'category';
  if (!out.includes('requirement')) {
    const texts = out.map((r, i) => (r === 'category' ? i : -1)).filter((i) => i >= 0);
    if (texts.length > 0) out[texts[texts.length - 1]] = 'requirement';
  }
  if (!out.includes('lead') && !out.includes('units')) {
    const i = out.indexOf('responsible');
    if (i >= 0) out[i] = 'lead';
  }
  return out;
}

/** A header needs a text column and at least one other recognised column. */
export function isHeader(roles: Array<ColumnRole | undefined>): boolean {
  const known = roles.filter(Boolean);
  const hasText = roles.includes('requirement') || roles.includes('category');
  const hasOther = roles.some((r) => r === 'lead' || r === 'responsible' || r === 'units' || r === 'deadline' || r === 'seq');
  return known.length >= 2 && hasText && hasOther && known.length * 2 >= roles.length;
}

/** True when a text is made of header words only (序号, 工作任务, 责任科室(单位), 完成时限). */
export function isHeaderWords(t: string): boolean {
  return uncovered(t.replace(/[（(][^）)]*[）)]$/, '')) === 0;
}

/** How many characters of a cell are not header words. */
function uncovered(t: string): number {
  return t.replace(HEADER_WORD_RE, '').length;
}

const PERSON_RE = /(责任人|联系人|负责人|分管领导|责任领导|联系电话|电话)/;
const LEAD_WORDS: Array<[RegExp, number]> = [[/牵头|主办|主责/, 6]];
const HELPER_WORDS: Array<[RegExp, number]> = [[/配合|协办|会办|参与|协助/, 6]];
const UNIT_WORDS: Array<[RegExp, number]> = [[/单位|部门|科室|处室|股室|机构|主体/, 3], [/责任|承办|负责|分工|落实/, 3]];
const REQUIREMENT_WORDS: Array<[RegExp, number]> = [[/要求/, 3], [/内容/, 3], [/措施|举措/, 3], [/目标/, 3], [/细化/, 3], [/具体/, 1]];
const DEADLINE_WORDS: Array<[RegExp, number]> = [[/时限|期限/, 4], [/时间/, 4], [/进度|节点/, 3], [/完成/, 1]];
const CATEGORY_WORDS: Array<[RegExp, number]> = [[/任务|事项|领域|要点|项目|类别|分类|名称/, 2], [/工作|重点|公开/, 1]];

/** The words header cells are made of; a cell mostly made of other text is not a header. */
const HEADER_WORD_RE =
  /序号|编号|牵头|主办|主责|配合|协办|会办|参与|协助|单位|部门|科室|处室|股室|机构|主体|责任|承办|负责|分工|落实|要求|内容|措施|举措|目标|细化|具体|时限|期限|时间|进度|节点|完成|任务|事项|领域|要点|项目|类别|分类|名称|工作|重点|公开|主要|及|和|与|、|\/|的|安排|备注|分解|推进/g;
