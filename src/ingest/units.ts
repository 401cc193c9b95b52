import { isPlaceholder } from './no-value.js';
import { remembered } from './remember.js';

export type UnitColumn = 'lead' | 'responsible' | 'mixed';

export interface UnitRoles {
  lead: string[];
  responsible: string[];
}

/**
 * Reads one unit cell into lead and responsible units. Role words assign the role and are removed:
 * 牵头/主办/负责 → lead; 配合/协办/会办/参照落实 → responsible; 负责/落实 after a 牵头 unit → responsible;
 * labels 牵头单位：…；责任单位：… name the columns. A list without role words takes the column's role
 * (a `mixed` column, 牵头及责任单位, defaults to lead). Units are split on 、，,；; but never inside
 * brackets, kept as printed, each once.
 */
export function parseUnits(cell: string, column: UnitColumn): UnitRoles {
  const out: UnitRoles = { lead: [], responsible: [] };
  const text = cell.replace(/\s+/g, ' ').trim().replace(/^[、，,；;。.\s]+|[、，,；;。.\s]+$/g, '');
  // A placeholder printed for no unit (/, —, 无).
  if (!text || isPlaceholder(text)) return out;
  const defaultRole: 'lead' | 'responsible' = column === 'responsible' ? 'responsible' : 'lead';
  let sawLead = false;
  let labelRole: 'lead' | 'responsible' | undefined;
  let pending: string[] = [];
  const push = (role: 'lead' | 'responsible', units: string[]) => {
    for (const u of units) if (u && !out[role].includes(u)) out[role].push(u);
  };

  // A lone 责任… label (no 牵头 label in the cell) names the lead, as a lone 责任单位 column does.
  const clauses = splitOutsideBrackets(text, '，,；;。');
  const hasLeadLabel = clauses.some((c) => /^(牵头|主办|主责)/.test(LABEL_RE.exec(c)?.[1] ?? ''));
  for (const printed of clauses) {
    let clause = printed;
    const labelled = LABEL_RE.exec(printed);
    if (labelled) {
      labelRole = /^(牵头|主办|主责)/.test(labelled[1]) ? 'lead' : /^(配合|协办|会办|参与)/.test(labelled[1]) || hasLeadLabel ? 'responsible' : 'lead';
      if (labelRole === 'lead' && /^(牵头|主办|主责)/.test(labelled[1])) sawLead = true;
      clause = printed.slice(labelled[0].length);
      if (!clause) continue;
    }
    const huiban = /^(.+?)会办(.+)$/.exec(clause);
    if (huiban && !/[（(]/.test(huiban[1])) {
      sawLead = true;
      push('lead', [...pending, ...splitList(huiban[1])]);
      pending = [];
      push('responsible', splitList(huiban[2]));
      continue;
    }
    const { name, role } = stripRole(clause, sawLead);
    const units = splitList(name);
    if (!role) {
      if (labelRole) push(labelRole, units);
      else pending.push(...units);
      continue;
    }
    const effective = role === 'lead?' ? 'responsible' : role;
    if (effective === 'lead') sawLead = true;
    push(effective, [...pending, ...units]);
    pending = [];
  }
  if (pending.length) push(defaultRole, pending);
  return out;
}

/** Splits a list of units on 、 unless it is one descriptive class (市、县区发展改革…等部门). */
export function splitList(text: string): string[] {
  const t = text.trim().replace(/^[、，,；;]+|[、，,；;]+$/g, '');
  if (!t) return [];
  const parts = splitOutsideBrackets(t, '、');
  if (parts.length > 1 && isScopedClass(parts)) return [t];
  // 市、县区政府办、司法局: a scope over the first name, then separate units.
  if (parts.length > 2 && LEVEL_ONLY.test(parts[0])) return [`${parts[0]}、${parts[1]}`, ...parts.slice(2).flatMap(splitGlued)];
  return parts.flatMap(splitGlued);
}

/** True for a cell that reads as a list of organisations rather than prose or a date. */
export const looksLikeUnits = remembered(readsAsUnitList);

function readsAsUnitList(cell: string): boolean {
  const t = cell.replace(/\s+/g, '').replace(/[“”"]/g, '').replace(/[、，,；;。.]+$/g, '');
  if (!t || t.length > 260) return false;
  if (/[。！？]/.test(t.slice(0, -1))) return false;
  if (ACTION_START_RE.test(t)) return false;
  if (LABEL_RE.test(t)) return true;
  const clauses = splitOutsideBrackets(t, '，,；;');
  let unitish = 0;
  for (const c of clauses) {
    const { name } = stripRole(c, false);
    const last = splitOutsideBrackets(name, '、').pop() ?? name;
    if (UNIT_END_RE.test(last.replace(/[（(][^）)]*[）)]$/, '')) || COLLECTIVE_RE.test(last)) unitish++;
  }
  return unitish > 0 && unitish >= clauses.length * 0.6;
}

/**
 * Splits on any of the characters `seps` (none of them a bracket), never inside （）()《》“”[]【】;
 * the pieces trimmed, empty ones left out. Reads character codes and slices the pieces: no string
 * is made per character (the brackets and separators are all single UTF-16 units).
 */
export function splitOutsideBrackets(text: string, seps: string): string[] {
  const out: string[] = [];
  const keep = (piece: string) => {
    const trimmed = piece.trim();
    if (trimmed) out.push(trimmed);
  };
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (holds(OPENING, code)) depth++;
    else if (holds(CLOSING, code)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && holds(seps, code)) {
      keep(text.slice(start, i));
      start = i + 1;
    }
  }
  keep(text.slice(start));
  return out;
}

const OPENING = '（(《“[【';
const CLOSING = '）)》”]】';

function holds(chars: string, code: number): boolean {
  for (let i = 0; i < chars.length; i++) if (chars.charCodeAt(i) === code) return true;
  return false;
}

function stripRole(clause: string, sawLead: boolean): { name: string; role?: 'lead' | 'responsible' | 'lead?' } {
  let c = clause.trim();
  // Most clauses are bare unit names: one whose last character ends no role suffix skips the patterns.
  if (!c || !ROLE_ENDS.includes(c[c.length - 1])) return { name: c };
  for (const [re, role] of ROLE_SUFFIXES) {
    const m = re.exec(c);
    if (m) {
      c = c.slice(0, m.index).trim();
      if (role === 'lead?' && !sawLead) return { name: c, role: 'lead' };
      return { name: c, role };
    }
  }
  return { name: c };
}

function isScopedClass(parts: string[]): boolean {
  // 市、县区政府各有关部门 / 市、县区发展改革、财政等部门: a level prefix scoping a class.
  if (LEVEL_ONLY.test(parts[0])) {
    if (parts.length === 2 || /^(部门|单位|机构)$/.test(parts[parts.length - 1])) return true;
    // 市、县区发展改革、人社、财政等部门: bare function words between the scope and the class.
    const middle = parts.slice(1, -1);
    return /(部门|单位|机构|等)$/.test(parts[parts.length - 1]) && middle.filter((p) => !UNIT_END_RE.test(p)).length * 2 >= middle.length;
  }
  const last = parts[parts.length - 1];
  // 各级政府、管委及其部门 / 县区政府、管委各相关部门: owners of a class of departments.
  if (/^[^各]{0,4}(委|政府|府|局|办)(及其)?各?(有关|相关)?(部门|单位)$/.test(last) && /(及其|各)/.test(last)) return true;
  // 发展改革、人社、财政等部门: function words that only make units with the shared suffix.
  if (/等(部门|单位)$/.test(last) && parts.slice(0, -1).some((p) => !UNIT_END_RE.test(p))) return true;
  return false;
}

/** 市发改委市农业农村局 (a separator missing) → two units. */
function splitGlued(unit: string): string[] {
  // The second unit ends in 局/委/办/中心: a name ending otherwise is not tried on the lazy pattern.
  if (!unit || !GLUED_ENDS.includes(unit[unit.length - 1])) return [unit];
  const m = /^(.{2,}?(?:局|委|办|中心))((?:市|县|区)[^、，,]{2,}(?:局|委|办|中心))$/.exec(unit);
  return m ? [m[1], m[2]] : [unit];
}

/** The last characters of 局, 委, 办, 中心, that splitGlued's second unit ends in. */
const GLUED_ENDS = '局委办心';

const LEVEL_ONLY = /^(省|市|县|区|县区|市县|市县区|乡|镇|乡镇|县市区|市区)$/;

/** A label naming the role of the units after it: 牵头单位：, 责任处室:, 配合部门：… */
const LABEL_RE = /^((?:牵头|主办|主责|责任|配合|协办|会办|参与|落实|承办)(?:单位|部门|处室|科室|股室|机构)|任务分工|责任分工)\s*[:：]\s*/;

/** The last characters of the role suffixes below (牵头, 负责, 落实, 主办, 配合, 协助, 参与…). */
const ROLE_ENDS = '头责实办合助与';
const ROLE_SUFFIXES: Array<[RegExp, 'lead' | 'responsible' | 'lead?']> = [
  [/(分别)?牵头(负责)?(落实)?$/, 'lead'],
  [/按(?:职责|职能)(?:分工)?(?:负责|落实)$/, 'lead?'],
  [/主办$/, 'lead'],
  [/(配合|协办|协助|参与|参照落实)$/, 'responsible'],
  [/(分别)?(负责)(落实)?$/, 'lead?'],
  [/落实$/, 'lead?'],
];

const UNIT_END_RE =
  /(局|办|委|委员会|中心|政府|部门|单位|管委|管委会|站|所|院|台|室|处|科|股|队|馆|公司|机构|厅|宣传部|组织部|统战部|武装部|[^局全内外]部|集团|支行|分行|银行|海关|税务|协会|联|联合会|会|社|校|学校|医院|企业|街道|（街）|\(街\)|镇|乡|村|办事处|团|人民政府|法院|检察院|办公室|工委|总队|大队|支队|机关|媒体|小组|工作组|专班)(等)?$/;

/** Cells that start with a verb are duties, not unit lists (推进…运行, 加强…部署). */
const ACTION_START_RE =
  /^(推进|推动|加强|做好|完善|落实|规范(?!性)|建立|健全|深化|开展|强化|提升|及时|继续|全面|保障|严格|有效|加大|加快|积极|进一步|围绕|聚焦|细化|优化|实行|实施|坚持|组织|制定|编制|公开|发布|依法|主动|着力|抓好|用好|整合|拓展|探索|创新|督促|指导|认真|扎实|切实|不断|持续|深入|大力|重点|统筹)/;

const COLLECTIVE_RE = /^(各|全市|全县|全区|市直|县直|区直)/;
