import type { DocumentHint, Level } from '../domain/document.js';
import { isAncestor, placeOf, placesIn, regionName } from '../domain/gazetteer.js';

export interface Metadata {
  title: string;
  issuer: string;
  region: string;
  regionAliases: string[];
  level: Level;
  year: number | null;
  /** How the year was found, for the warning when it was not. */
  yearSource: 'hint' | 'title' | 'text' | 'date-line' | 'file-name' | 'none';
}

/**
 * Reads a plan's title, issuer, region, level and plan year from its text.
 *
 * - Issuer: the issuing body as the document prints it — a 发文机构/发布机构 field, the issuer of its own
 *   notice title (X关于印发…), its letterhead (X文件), the signature above its date line, or the body
 *   its title starts with (X局2022年政务公开工作要点). A government's general office stays itself
 *   (X人民政府办公室); a department's office is the department (X厅办公室 → X厅). A name printed
 *   without its place (省民政厅) takes the region's.
 * - Region: the administrative division (GB/T 2260) named by the title, else by the issuer; a
 *   district with its city (亳州市谯城区), the city found from the gazetteer when the title prints the
 *   district alone. The addressee line (…各县区人民政府,X新区:) and the body never count.
 * - Year: the title's year; else the year the preamble says the plan is for (2022年政务公开工作…);
 *   else the document's own date line (成文日期, 落款); else a four-digit year in the file name; else null.
 *
 * Each field of `hint` (a catalog entry or the admin's correction) overrides what the text says; a
 * hinted region gets its aliases computed from it, a hinted title is the one year and region are read from.
 */
export function readMetadata(text: string, fileName: string, tableLine?: number, hint: DocumentHint = {}): Metadata {
  const lines = text.split('\n').map((l) => l.replace(/[\u00a0\u3000]/g, ' ').trim());
  const head = lines.slice(0, preambleEnd(lines, tableLine));
  const title = hint.title ?? findTitle(lines, head, fileName);
  const notices = head.map(noticeTitle).filter((n): n is Notice => n !== undefined);
  const issuers = issuerCandidates(head, title, notices, hint.issuer);
  const region = hint.region ?? findRegion([title, ...notices.map((n) => n.plan)], issuers, head);
  const { year, yearSource } = findYear(hint, title, notices, head, lines, fileName);
  return {
    title,
    issuer: chooseIssuer(issuers, region),
    region,
    regionAliases: regionAliases(region),
    level: levelOf(region),
    year,
    yearSource,
  };
}

/** The names people type for a region: itself, a district without its city, the name without its suffix (长宁). */
export function regionAliases(region: string): string[] {
  if (!region) return [];
  const mentions = placesIn(region);
  const last = mentions[mentions.length - 1];
  // A district printed after its city (亳州市谯城区) is also known alone (谯城区).
  const local = mentions.length > 1 && last.end === region.length ? last.name : region.replace(/^.*?[市盟](?=[^市盟]{2,}[区县旗]$)/, '');
  let short = local.replace(/(特别行政区|自治区|自治州|自治县|自治旗|地区|新区|县|市|区|旗|省|盟|州)$/, '');
  if (/自治[区州县旗]$/.test(local)) while (ETHNIC.test(short)) short = short.replace(ETHNIC, '');
  return [...new Set([region, local, short].filter((a) => a.length >= 2))];
}

interface Notice {
  issuer: string;
  plan: string;
}

/** Where the preamble (title, notice, signature) ends: the table's header, else the first outline item. */
function preambleEnd(lines: string[], tableLine?: number): number {
  const limit = tableLine ? tableLine - 1 : Math.min(lines.length, 60);
  const item = lines.slice(0, limit).findIndex((l, i) => i > 0 && OUTLINE_NUMBER.test(l));
  return item > 0 && !tableLine ? item : limit;
}

const TITLE_RE = /(方案|要点|清单|计划|安排|任务|分工|表)(\s*[（(][^）)]*[）)])?$/;

/**
 * The plan's own title: the last title-like line of the preamble; else the title that opens a line
 * running on into the table (a flattened PDF); else the plan named by the notice title; else the file
 * name without its extension.
 */
function findTitle(lines: string[], head: string[], fileName: string): string {
  const candidates = head.filter((l) => l.length >= 6 && l.length <= 80 && TITLE_RE.test(l) && !/[|\t]|[:：]$/.test(l) && !OUTLINE_NUMBER.test(l));
  if (candidates.length) return squeeze(candidates[candidates.length - 1]).replace(/^附件\d*[:：]?/, '').replace(/^#+\s*/, '');
  for (const l of lines.slice(0, 3)) {
    const m = /^(?:\d{1,3}[、.．]\s*)?(\S.{4,78}?(?:方案|要点|清单|计划|分工|分解表))(?=序号|工作|具体|任务|责任|牵头|\s|$)/.exec(l);
    if (m && l.length > 80 && /[\u4e00-\u9fff]/.test(m[1])) return squeeze(m[1]);
  }
  const notice = head.map(noticeTitle).find((n) => n && n.plan.length >= 4);
  if (notice) return notice.plan;
  const named = head.find((l) => l.length <= 80 && /政务公开/.test(l) && !/[，。,;；|\t]|[:：]$/.test(l));
  return named ? squeeze(named) : fileName.replace(/\.[^.]+$/, '');
}

/** `X关于印发Y的通知` (also after a 名称: label): X is the issuer, Y the plan. */
function noticeTitle(line: string): Notice | undefined {
  const m = /^(?:[•·]?\s*名\s*称\s*[:：]\s*)?(.*?)关于印发(.*?)(?:的通知)?$/.exec(line);
  // A notice quoted in a sentence (根据《X关于印发…的通知》要求) is another document's.
  if (!m || line.length > 120 || (m[1] && !orgName(m[1]))) return undefined;
  return { issuer: orgName(m[1]) ?? '', plan: squeeze(m[2]).replace(/[《》]/g, '') };
}

/**
 * The issuing bodies the document prints, most telling first. Addressee lines (ending with a colon)
 * are never among them: they say to whom the plan is sent.
 */
function issuerCandidates(head: string[], title: string, notices: Notice[], hinted?: string): string[] {
  const out: string[] = [];
  const add = (s: string | undefined) => {
    const org = s ? orgName(s) : undefined;
    if (org && !out.includes(org)) out.push(org);
  };
  add(hinted);
  for (const l of head) add(/^[•·]?\s*(?:发文机构|发布机构|发文单位|发文机关|制发机关|成文机关|发布单位|编制单位|填报单位|制表单位)\s*[:：]\s*([^\s:：]+)/.exec(l)?.[1]);
  for (const n of notices) add(n.issuer);
  for (const l of head) add(/^(.{4,40}?)文件$/.exec(l)?.[1]);
  head.forEach((l, i) => {
    const next = head.slice(i + 1).find((x) => x.length > 0);
    if (l.length <= 40 && !/[:：]$/.test(l) && next && DATE_LINE.test(next)) add(l);
  });
  for (const l of head) add(/^[•·]?\s*(?:信息)?来源\s*[:：]\s*([^\s:：]+)/.exec(l)?.[1]);
  add(TITLE_ORG.exec(title.replace(/^(?:19|20)\d{2}\s*年度?/, ''))?.[0]);
  return out;
}

/**
 * The issuer: the first candidate that names its place, else the first one, completed with the
 * region where it prints only a level (省民政厅 + 辽宁省 → 辽宁省民政厅); a region's own government
 * when the document names no body.
 */
function chooseIssuer(candidates: string[], region: string): string {
  const chosen = candidates.find((c) => placeOf(c).length > 0) ?? candidates[0];
  if (!chosen) return region ? `${region}人民政府` : '';
  if (region && /^[省市区县]/.test(chosen) && placeOf(chosen).length === 0) {
    const at = region.lastIndexOf(chosen[0]);
    if (at > 0) return region.slice(0, at + 1) + chosen.slice(1);
  }
  return chosen;
}

/**
 * The region: the division the title names, made precise by the issuer's (普陀区 + 上海市普陀区人民政府办公室
 * → 上海市普陀区); the issuer's when the title names none; an ambiguous name settled by another place
 * the preamble names, else left as printed.
 */
function findRegion(titles: string[], issuers: string[], head: string[]): string {
  const fromTitle = titles.map(placeOf).find((p) => p.length > 0) ?? [];
  const fromIssuer = issuers.map(placeOf).find((p) => p.length > 0) ?? [];
  let places = fromTitle.length ? fromTitle : fromIssuer;
  if (fromTitle.length && fromIssuer.length) {
    const pairs = fromTitle.flatMap((t) => fromIssuer.flatMap((i) => (isAncestor(t, i) ? [i] : isAncestor(i, t) ? [t] : [])));
    if (pairs.length) places = [...new Set(pairs)];
  }
  if (places.length > 1) {
    const named = placesIn(head.join('\n')).flatMap((m) => (m.places.length === 1 ? m.places : []));
    const settled = places.filter((p) => named.some((n) => n !== p && isAncestor(n, p)));
    if (settled.length === 1) places = settled;
  }
  if (places.length === 1) return regionName(places[0]);
  // Still ambiguous (普陀区 alone): the name as printed, which both divisions share.
  if (places.length) return places[0].name;
  // No division the gazetteer knows: a place-like name opening the title or the issuer (a division
  // set up after the data, a zone with its own plan) is kept as printed.
  for (const s of [...titles, ...issuers]) {
    const m = PRINTED_PLACE.exec(s.replace(/^(?:19|20)\d{2}\s*年度?/, ''));
    if (m) return m[1];
  }
  return '';
}

function findYear(hint: DocumentHint, title: string, notices: Notice[], head: string[], lines: string[], fileName: string): Pick<Metadata, 'year' | 'yearSource'> {
  if (hint.year) return { year: hint.year, yearSource: 'hint' };
  const ty = /((?:19|20)\d{2})\s*年/.exec(title);
  if (ty) return { year: Number(ty[1]), yearSource: 'title' };
  const said = [...notices.map((n) => n.plan), ...head].map((l) => PLAN_YEAR.exec(l)).find(Boolean);
  if (said) return { year: Number(said[1]), yearSource: 'text' };
  const dated = [...head, ...lines.slice(-15)].map((l) => (DATE_LINE.test(l) ? l : DATE_FIELD.exec(l)?.[1])).find(Boolean);
  if (dated) return { year: Number(dated.slice(0, 4)), yearSource: 'date-line' };
  const fy = /(?:^|\D)((?:19|20)\d{2})(?!\d)/.exec(fileName);
  if (fy) return { year: Number(fy[1]), yearSource: 'file-name' };
  return { year: null, yearSource: 'none' };
}

/** A body's name, brackets and spaces removed; undefined for anything else (a sentence, a date). */
function orgName(s: string): string | undefined {
  const name = squeeze(s).replace(/[（(][^）)]*[）)]/g, '');
  if (!/^[\u4e00-\u9fff]{2,30}$/.test(name) || !ORG_END.test(name) || NOT_ORG.test(name)) return undefined;
  // A department's own office issues for the department; a government's general office is itself the issuer.
  return name.replace(/^(.+(?:厅|局|委员会|委|中心|署))(?:办公室|办公厅)$/, '$1');
}

function levelOf(region: string): Level {
  if (!region) return '';
  if (/(省|自治区|特别行政区)$/.test(region)) return '省';
  if (/(县|旗)$/.test(region)) return '县';
  if (/区$/.test(region) && !/地区$/.test(region)) return '区';
  return '市';
}

function squeeze(s: string): string {
  return s.replace(/\s+/g, '');
}

/** An outline item's number (一、 (二) 3.), not a year (2016年). */
const OUTLINE_NUMBER = /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d{1,2}[.．、](?!\d))/;
/** A line that is only a date: the signature's 2024年4月24日 (or a page's mangled 2020824, 2024-04-28). */
const DATE_LINE = /^(?:19|20)\d{2}(?:\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[-./]\d{1,2}[-./]\d{1,2}|\d{2,4})$/;
const DATE_FIELD = /(?:成文日期|发文日期|印发日期|发布日期|发布时间)\s*[:：]\s*((?:19|20)\d{2})\s*[-年./]/;
/** The year a preamble says the plan is for: 2022年市应急管理局政务公开总体要求是, 做好2020年政务公开工作. */
const PLAN_YEAR = /((?:19|20)\d{2})\s*年度?(?!\s*\d{1,2}\s*月)[^。；;，,\n]{0,16}?(?:政务公开|工作要点|工作方案|重点工作)/;
/** A place-like name (2-6 characters and a division's suffix) that no level word opens: 榆岭县, 漳河新区. */
const PRINTED_PLACE = /^((?![全本各我省市区县])[\u4e00-\u9fff]{2,6}?(?:自治县|自治州|自治区|新区|省|市|县|区|旗|盟))(?![委直级属长场])/;
const ORG_END = /(人民政府|政府|办公室|办公厅|委员会|管委会|局|厅|委|办|中心|署|院|所|站)$/;
const NOT_ORG = /关于|印发|贯彻|落实|通知|方案|要点|工作|各/;
/** A body that opens a title: 天津市应急管理局(2022年…), 厦门市财政局(政务公开…), 省民政厅(2020年…). */
const TITLE_ORG = /^[\u4e00-\u9fff]{2,20}?(?:人民政府|政府|委员会|管委会|局|厅|委|中心|署)(?:办公室|办公厅)?/;
/** Ethnic names in autonomous divisions' names (宁夏回族自治区 → 宁夏), stripped one at a time from the end. */
const ETHNIC = /(?:蒙古|回|藏|维吾尔|苗|彝|壮|布依|朝鲜|满|侗|瑶|白|土家|哈尼|哈萨克|傣|黎|傈僳|佤|畲|拉祜|水|东乡|纳西|景颇|柯尔克孜|土|达斡尔|仫佬|羌|布朗|撒拉|毛南|仡佬|锡伯|普米|塔吉克|怒|鄂温克|裕固|独龙|鄂伦春|赫哲)族$/;
