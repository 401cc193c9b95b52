/** Administrative level a unit name is prefixed with (市财政局 → 市). '' when printed without one. */
export type UnitLevel = '省' | '市' | '县' | '区' | '镇' | '';

/**
 * What a unit name says about itself, for matching the forms people type:
 * 县发展改革局, 发改局 and 发展和改革委员会 share the key 发改.
 */
export interface UnitName {
  raw: string;
  /** Full/half width, spaces and bracket styles normalized: the form used for equality. */
  canonical: string;
  level: UnitLevel;
  /** Alias keys: the core name without its level, with common long/short forms folded together. */
  keys: string[];
  /** The name without level prefix and bracketed note, for partial matches (财政 → 市财政局). */
  core: string;
  /**
   * A collective: of departments/units (reaches departments), of a body's own 处室/科室 (reaches the
   * body's internal units), or of governments (reaches none).
   */
  collective?: 'departments' | 'internal' | 'governments';
  /** Units named inside a collective entry (区数据局等相关部门 → 数据; 机关党委办公室和各处室单位 → 机关党委办公室). */
  heads: string[];
  /** For a function list (市、县区发展改革、财政等部门): the functions it covers. Empty = all. */
  functions: string[];
  /** The alias keys of those functions (发展改革 → 发改), for matching a department to the list. */
  functionKeys: string[];
  /** The scope levels a collective reaches (市各有关单位 → 市). Empty = any. */
  scope: UnitLevel[];
}

const canonicalCache = new Map<string, string>();

/** Normalizes width, spaces and brackets so two printings of one name compare equal. */
export function canonicalUnit(raw: string): string {
  let c = canonicalCache.get(raw);
  if (c === undefined) {
    if (canonicalCache.size > 100_000) canonicalCache.clear();
    canonicalCache.set(raw, (c = canonicalize(raw)));
  }
  return c;
}

function canonicalize(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(/[\s\u00a0\u3000]+/g, '')
    .replace(/[（]/g, '(')
    .replace(/[）]/g, ')')
    .replace(/等$/, '')
    // 市科工商务局局: an organisation's ending printed twice is a typo of it once.
    .replace(/(局|委|厅|办|处|科|室)\1$/, '$1');
}

/** Reads a unit name; `docLevel` is the level of the plan it appears in (a bare 财政局 in a 市 plan is 市). */
export function analyzeUnit(raw: string, docLevel: UnitLevel = ''): UnitName {
  const canonical = canonicalUnit(raw);
  // 市直其他单位按职能分工: how the work is shared is not part of the name.
  const named = canonical.replace(/按(?:职能|职责)(?:分工)?(?:负责|落实)?$/, '');
  const { level, rest } = splitLevel(named);
  const note = /\(([^()]+)\)$/.exec(rest);
  const core = note ? rest.slice(0, note.index) : rest;
  const keys = [aliasKey(core)];
  if (note && ORG_END.test(note[1])) keys.push(aliasKey(splitLevel(note[1]).rest));
  // 市有关单位(见附件1,下同): a collective read without its note.
  const bare = note && !ORG_END.test(note[1]) ? named.slice(0, named.length - note[0].length) : named;
  const collective = collectiveKind(bare);
  const none = { functions: [], functionKeys: [], scope: [] as UnitLevel[], heads: [] as string[] };
  if (!collective) {
    // 市、县区政府办: one name over several levels.
    const scoped = /^(市、县区|市、县\(区\)|市县区|市、县|县区)、?(.{2,})$/.exec(bare);
    if (scoped && ORG_END.test(scoped[2])) {
      const scope = reach(bare).scope;
      return { raw, canonical, level: '', keys: [aliasKey(scoped[2])], core: scoped[2], ...none, scope };
    }
    // 区数据局等相关部门, 机关党委办公室和各处室单位: a named unit, then a collective.
    const tail = OPEN_TAIL.exec(bare);
    if (tail) {
      const head = analyzeUnit(tail[1], docLevel);
      const rest = analyzeUnit(tail[2], docLevel);
      return { ...rest, raw, canonical, level: head.level, heads: head.keys, core: head.core };
    }
  }
  const { functions, scope } = collective === 'departments' ? reach(bare) : { functions: [], scope: [] as UnitLevel[] };
  const functionKeys = [...new Set(functions.flatMap((f) => [aliasKey(f.endsWith('局') ? f : `${f}局`), aliasKey(f)]))];
  return { raw, canonical, level: level || (collective ? '' : docLevel), keys, core, collective, functions, functionKeys, scope, heads: [] };
}

/** A unit followed by an open collective: 区数据局等相关部门, 区应急管理局等重点部门, 机关党委办公室和各处室单位. */
const OPEN_TAIL = /^(.{2,}?(?:局|委|办|中心|室|处|科|股))(?:等|和)((?:相关|有关|重点|其他|其它)?(?:部门|单位)|各(?:有关|相关|业务)?(?:处室|科室|股室|处|科|室|股)(?:单位)?)$/;

/** The alias key of a core name: long and short forms of one bureau fold together. */
export function aliasKey(core: string): string {
  let c = core.replace(/^委(?=[\u4e00-\u9fff]{2,}(部|办|室)$)/, '');
  for (const [re, key] of ALIASES) if (re.test(c)) return key;
  c = c.replace(/(委员会|管理局|局|委)$/, '');
  return c || core;
}

/**
 * An organisation name read as its function and the kind of body it is: 住房和城乡建设厅 → 住房和城乡建设
 * + 局 (a bureau, whatever its printed ending: 局, 委, 委员会, 厅), 预算处 → 预算 + 处, 土地储备中心 →
 * 土地储备 + 中心. Undefined when the name ends in no kind of body.
 */
export function functionOf(core: string): { func: string; kind: string } | undefined {
  for (const [re, kind] of BODY_KINDS) {
    const m = re.exec(core);
    if (m) return { func: core.slice(0, m.index), kind };
  }
  return undefined;
}

/**
 * True when `typed` is `printed`, or the short form people make of it: its characters in order,
 * starting alike (住建 for 住房和城乡建设, 土储 for 土地储备, 应急 for 应急管理, 科工商务 for 科技工业和商务).
 */
export function abbreviates(typed: string, printed: string): boolean {
  if (typed === printed) return true;
  if (typed.length < 2 || typed.length >= printed.length || typed[0] !== printed[0]) return false;
  let i = 1;
  for (let j = 1; j < printed.length && i < typed.length; j++) if (printed[j] === typed[i]) i++;
  return i === typed.length;
}

const BODY_KINDS: Array<[RegExp, string]> = [
  [/(?:委员会|局|委|厅)$/, '局'],
  [/(?:办公室|办公厅|办)$/, '办'],
  [/中心$/, '中心'],
  [/处$/, '处'],
  [/科$/, '科'],
  [/室$/, '室'],
  [/站$/, '站'],
  [/所$/, '所'],
  [/院$/, '院'],
  [/队$/, '队'],
  [/馆$/, '馆'],
];

/**
 * A collective's name as people type it, for comparing: brackets, 人民 and a trailing bracketed
 * note dropped (各县(区)人民政府(管委会) → 各县区政府, 各县(市、区)人民政府 → 各县市区政府).
 */
export function looseName(canonical: string): string {
  let loose = looseCache.get(canonical);
  if (loose === undefined) {
    if (looseCache.size > 100_000) looseCache.clear();
    looseCache.set(canonical, (loose = canonical.replace(/\([^()]*\)$/, '').replace(/人民/g, '').replace(/[()、]/g, '')));
  }
  return loose;
}

const looseCache = new Map<string, string>();

/** True when a text reads as the name of an organisation (…局, …办, …委, 海关, 税务 …). */
export function looksLikeOrganisation(text: string): boolean {
  return ORG_END.test(text);
}

/** Every printed form of a key's bureau that people type (发改局, 发展改革委 …), for finding it in a question. */
export function aliasForms(key: string): string[] {
  const out: string[] = [];
  for (const [re, k] of ALIASES) if (k === key) out.push(...re.source.replace(/^\^\(|\)\$?$/g, '').split('|'));
  return out;
}

function splitLevel(name: string): { level: UnitLevel; rest: string } {
  const m = /^(省|市|县|区|镇)(?!场|民(?!政|族|宗)|区政府|直|、)(?=[\u4e00-\u9fff]{2,})/.exec(name);
  if (!m) return { level: '', rest: name };
  return { level: m[1] as UnitLevel, rest: name.slice(1) };
}

function collectiveKind(name: string): UnitName['collective'] {
  if (GOVERNMENTS.test(name) && !/(部门|单位|机构)/.test(name)) return 'governments';
  if (INTERNAL.test(name)) return 'internal';
  if (GENERIC_DEPARTMENTS.test(name)) return 'departments';
  // A scoped function list: 市、县区发展改革、财政等部门 / 市、县区审计部门.
  if (/^(市、县区|市、县\(区\)|市县区|市、县|县区|市县)/.test(name) && /(部门|单位)$/.test(name) && !/各.+(单位|机构)$/.test(name)) {
    return reach(name).functions.length ? 'departments' : undefined;
  }
  return undefined;
}

function reach(name: string): { functions: string[]; scope: UnitLevel[] } {
  const scopeMatch = /^(市、县区|市、县\(区\)|市县区|市、县|县区|市县|市|县|区)(?:、)?/.exec(name);
  const scope: UnitLevel[] = [];
  if (scopeMatch) {
    if (scopeMatch[1].includes('市')) scope.push('市');
    if (scopeMatch[1].includes('县')) scope.push('县', '区');
    else if (scopeMatch[1].includes('区')) scope.push('区');
  }
  const rest = scopeMatch ? name.slice(scopeMatch[0].length) : name;
  if (/各|有关|相关|所有|具有|政府/.test(rest)) return { functions: [], scope };
  const m = /^(.+?)(等)?(部门|单位)$/.exec(rest);
  if (!m) return { functions: [], scope };
  return { functions: m[1].split('、').map((w) => w.trim()).filter((w) => w.length >= 2), scope };
}

/**
 * Collectives that denote departments or units as such (各部门, 县直有关单位, 市政府各部门, 各有关单位,
 * 各行政执法单位, 具有…职权的部门). A class by activity (各收费单位, 各实施单位, 各学校) is not one.
 */
const GENERIC_DEPARTMENTS =
  /^(各|全市|全县|全区)?(有关|相关|重点|其他|其它)?(部门|单位)$|各(有关|相关)?(部门|单位)(、单位)?$|^(市|县|区)(直)?(各|有关|相关|直属)+(部门|单位)$|^(市|县|区)直(各|有关|相关|其他|其它)?(部门|单位)$|政府(各|有关|相关)+(部门|单位)|具有.{1,40}(职权|职能|权)的?(部门|单位)|行政执法(部门|单位)|各级政府各部门|直属(各)?(单位|机构)|及其(各)?(部门|单位)$|各(部门|单位)、/;

/** A body's own internal units as a whole: 各处室, 各有关处室, 各业务处室, 各科室, 厅(委)机关各处室, 各处室单位. */
const INTERNAL = /^(?:[厅局委](?:\([厅局委]\))?机关|机关)?各(?:有关|相关|业务)?(?:处室|科室|股室|处|科|室|股)(?:单位)?$/;

const ORG_END = /(局|办|委|委员会|中心|政府|部门|单位|管委会|站|所|院|台|室|处|科|股|队|馆|公司|机构|厅|部|集团|行|海关|税务|协会|联|会|社|校|署|办公室|法院|检察院)$/;

const GOVERNMENTS = /(政府|(?:^|各|、|区)管委会?|镇\(街\)|街道办事处|办事处|乡镇|街道|街镇|镇街|村委会|社区)$|^(各镇|各乡|各街道|各区|各县)/;

const ALIASES: Array<[RegExp, string]> = [
  [/^(发展和改革委员会|发展改革委员会|发展和改革委|发展改革委|发展和改革局|发展改革局|发改委|发改局)/, '发改'],
  [/^(住房和城乡建设局|住房城乡建设局|住房和城乡建设委员会|住房城乡建设委|住房建设局|住建局|住建委)$/, '住建'],
  [/^(人力资源和社会保障和社会保障局|人力资源和社会保障局|人力资源社会保障局|人力资源保障局|人社局)$/, '人社'],
  [/^(卫生和计划生育局|卫生和计划生育委员会|卫生计生委|卫生计生局|卫计局|卫计委)$/, '卫计'],
  [/^(卫生健康委员会|卫生健康委|卫生健康局|卫健委|卫健局)$/, '卫健'],
  [/^(环境保护局|环保局)$/, '环保'],
  [/^(市场监督管理局|市场监管局|市场监管委|市场和质量监管委|市场和质量监督管理委员会)$/, '市场监管'],
  [/^(食品药品监督管理局|食品药品监管局|食药监局)$/, '食药监'],
  [/^(人民政府办公室|人民政府办公厅|政府办公室|政府办公厅|政府办|府办)$/, '政府办'],
  [/^(机构编制委员会办公室|委编办|编委办|编办)$/, '编办'],
  [/^(公安分局|公安局)$/, '公安'],
  [/^(财政局|财政委)$/, '财政'],
  [/^(交通运输局|交通局|交运局)$/, '交通运输'],
  [/^(教育局|教育和体育局|教体局)$/, '教育'],
  [/^(自然资源和规划局|自然资源规划局|自然资源局|资规局)$/, '自然资源'],
  [/^(文化广电新闻出版局|文广新局|文广局)$/, '文广新'],
  [/^(国有资产监督管理委员会|国资委)$/, '国资'],
];
