import type { DocumentHint, Level } from '../domain/document.js';

export interface Metadata {
  title: string;
  issuer: string;
  region: string;
  regionAliases: string[];
  level: Level;
  year: number | null;
  /** How the year was found, for the warning when it was not. */
  yearSource: 'title' | 'date-line' | 'file-name' | 'none';
}

/**
 * Reads a plan's title, issuing government, region, level and plan year from its text. The plan year
 * is the year in the title; failing that, the document's own date line (发文日期, 落款); failing that,
 * a four-digit year in the file name; otherwise null.
 */
export function readMetadata(text: string, fileName: string, tableLine?: number, hint: DocumentHint = {}): Metadata {
  const lines = text.split('\n').map((l) => l.replace(/[\u00a0\u3000]/g, ' ').trim());
  const title = findTitle(lines, tableLine);
  let year: number | null = null;
  let yearSource: Metadata['yearSource'] = 'none';
  const ty = /((?:19|20)\d{2})\s*年/.exec(title);
  if (ty) {
    year = Number(ty[1]);
    yearSource = 'title';
  } else {
    const dl = text.match(/(?:发文日期|发布日期|成文日期|印发日期)?[:：]?\s*((?:19|20)\d{2})\s*(?:年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|-\d{1,2}-\d{1,2})/);
    if (dl) {
      year = Number(dl[1]);
      yearSource = 'date-line';
    } else {
      const fy = /(?:^|\D)((?:19|20)\d{2})(?!\d)/.exec(fileName);
      if (fy) {
        year = Number(fy[1]);
        yearSource = 'file-name';
      }
    }
  }
  const { region, level } = findRegion(title, text);
  const short = region.replace(/^.+?[市州盟](?=.+[区县旗]$)/, '').replace(/(自治县|自治州|新区|县|市|区|旗|省)$/, '');
  const aliases = [...new Set([region, region.replace(/^.+?[市州盟](?=.+[区县旗]$)/, ''), short].filter((a) => a.length >= 2))];
  const issuerMatch = /([\u4e00-\u9fff]{2,12}?(?:人民政府办公室|人民政府办公厅|人民政府|政府办公室|政务公开领导小组办公室))/.exec(text.slice(0, 2000));
  return {
    title,
    issuer: issuerMatch ? issuerMatch[1] : region ? `${region}人民政府` : '',
    region,
    regionAliases: aliases,
    level,
    year,
    yearSource,
  };
}

const TITLE_RE = /(方案|要点|清单|计划|安排|任务|分工)(\s*[（(][^）)]*[）)])?$/;

function findTitle(lines: string[], tableLine?: number): string {
  const limit = tableLine ? tableLine - 1 : Math.min(lines.length, 60);
  const candidates = lines.slice(0, limit).filter((l) => l.length >= 6 && l.length <= 80 && TITLE_RE.test(l) && !/^[（(]?[一二三四五六七八九十\d]/.test(l));
  if (candidates.length) return candidates[candidates.length - 1].replace(/\s+/g, '').replace(/^附件\d*[:：]?/, '');
  const notice = lines.slice(0, 60).find((l) => /关于印发.+的通知/.test(l));
  if (notice) return /关于印发(.+)的通知/.exec(notice)![1].replace(/[《》\s]/g, '');
  return lines.find((l) => l.length >= 4 && l.length <= 80) ?? '';
}

function findRegion(title: string, text: string): { region: string; level: Level } {
  const body = title.replace(/^(?:(?:19|20)\d{2}\s*年度?)/, '');
  const m = /([\u4e00-\u9fff]{2,5}?(?:自治县|自治州|新区|省|市|县|区|旗))(?!长|委|直|级|属|场|民|政府办|场监管)/.exec(body);
  if (!m) return { region: '', level: '' };
  let region = m[1];
  // A district of a city is known by both: 遂宁市安居区.
  const city = /([\u4e00-\u9fff]{2}市)[\u4e00-\u9fff]{2,4}区/.exec(body);
  if (city) region = body.slice(city.index, city.index + city[0].length);
  else if (/区$/.test(region)) {
    const parent = /([\u4e00-\u9fff]{2})市(?:电子政务|人民政府|政府办|委|政务公开)/.exec(text);
    if (parent && !region.startsWith(parent[1])) region = `${parent[1]}市${region}`;
  }
  const suffix = /(省)$/.test(region) ? '省' : /(县|旗)$/.test(region) ? '县' : /区$/.test(region) ? '区' : '市';
  return { region, level: suffix as Level };
}
