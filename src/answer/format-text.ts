import type { Deadline, Task } from '../domain/task.js';
import { type DocumentMeta, issuedByBody } from '../domain/document.js';
import type { IndexedTask } from '../search/corpus.js';
import type { ResultGroup, ResultSection, SearchResult } from '../search/retrieve.js';
import { planEnded, statusLabel } from '../domain/status-label.js';

/** A page of answer text: plain Chinese text, no markup (adapters escape and style it). */
export interface AnswerText {
  pages: string[];
  /** False when formatting stopped after the pages asked for (FormatOptions.through): more pages follow. */
  complete?: boolean;
}

/** Longest page, in characters: under Telegram's 4096 with room for markup. */
export const PAGE_LIMIT = 3500;

export interface FormatOptions {
  /** The 办结 that closes a task (by id), shown beside it; undefined (or no function): open, its status computed from dates. */
  closure?: (taskId: string) => ClosureView | undefined;
  /**
   * The tasks reaching a unit only through collectives (各部门, 各有关单位): listed in full ('list',
   * the default), one line with their count per plan ('count': a chat on a phone, with a button
   * or /more), or alone ('only': what that button shows).
   */
  collectives?: 'list' | 'count' | 'only';
  /**
   * Format pages only as far as this one (0-based) and a few beyond, then stop: a chat shows one
   * page of an answer that may run to thousands (`complete` says whether more follow). Unset: every page.
   */
  through?: number;
}

/** Pages formatted beyond the one shown, so a short answer still knows its page count. */
const PAGES_AHEAD = 10;

/** A 办结 as readers see it beside a task: who closed it, on which day, with what note, and (a periodic task) which period (2016年第一季度). */
export interface ClosureView {
  who: string;
  day: string;
  note: string;
  period?: string;
}

/**
 * What is shown of a task's status: the 办结 that closes it (undefined: open), and for a periodic
 * task the instance a list is about — this period's or, once this one is closed, the next — by its last day.
 */
export interface TaskStatus {
  closed?: ClosureView;
  instance?: { next: boolean; end: string };
}

/**
 * Turns a search result into what a person reads: a summary line, then each task with its
 * requirement, deadline, lead units and citation, grouped per document, cut into pages.
 */
export function formatAnswer(result: SearchResult, opts: FormatOptions = {}): AnswerText {
  const q = result.query;
  const status = (t: IndexedTask): TaskStatus => ({ closed: opts.closure?.(t.id) });
  const taskLine = (t: IndexedTask) => (q.detail ? formatDetail(t, q.today, status(t)) : formatTask(t, q.today, status(t)));
  if (result.reason === 'problem') return { pages: [q.problems.join('\n')] };
  if (result.reason === 'not-understood') return { pages: [NOT_UNDERSTOOD] };
  if (result.reason === 'no-document') {
    const inside = [...new Set((result.suggestions?.plans ?? []).map((d) => `${planName(d)}${d.year ?? ''}年`))];
    if (q.unknownRegion && inside.length) return { pages: [`还没有收录${q.unknownRegion}本级的工作方案。辖区内已收录：${inside.join('、')}方案，请指明区县再问。`] };
    const what = q.unknownRegion ? `还没有收录${q.unknownRegion}的工作方案。` : '没有找到符合条件的工作方案文档。';
    return { pages: [`${what}可发送「/docs」查看已收录的文档。`] };
  }
  if (result.reason === 'unknown-region') {
    return { pages: [`没有找到这个地区的工作方案。您是不是要找：${(result.suggestions?.regions ?? []).join('、')}？`] };
  }
  if (result.reason === 'unplaced') {
    return { pages: [`没有任务提到「${q.unplaced.join('」「')}」，无法据此查找。请换一种说法，或去掉这个词再问。`] };
  }
  if (result.reason === 'no-year') {
    const plans = (result.suggestions?.plans ?? []).map((d) => `${planName(d)}${d.year ?? ''}年`);
    return { pages: [`没有${q.year}年的工作方案。${plans.length ? `现有：${[...new Set(plans)].join('、')}方案，可按这些年份再问。` : '可发送「/docs」查看已收录的文档。'}`] };
  }
  if (result.reason === 'no-detail') {
    return { pages: [`没有找到${q.detail ? `第${q.detail.seq}项${q.detail.item ? `第${q.detail.item}点` : ''}` : '该项任务'}。请检查序号，或指明地区，例如「蕉岭 第20项」。`] };
  }
  if (result.reason === 'unknown-unit') {
    const names = result.suggestions?.units ?? [];
    return {
      pages: [
        `没有文档把「${q.unit?.text}」列为牵头或责任单位，因此没有它的任务。` +
          (names.length ? `\n您是不是要找：${names.join('、')}？` : ''),
      ],
    };
  }
  if (result.reason === 'no-match') {
    const next = result.suggestions?.next ?? [];
    const role = q.role === 'lead' ? '牵头' : q.role === 'responsible' ? '配合/责任' : '';
    const kind = q.kind ? q.kind.label : '';
    // A status asked (已办结, 逾期) is said of the unit's tasks, not taken for their absence.
    const head = q.unit
      ? q.status
        ? `「${q.unit.text}」${q.window ? `在${q.window.label}` : ''}${role ? `作为${role}单位的` : ''}${kind}任务中，没有${STATUS_WORD[q.status]}的。`
        : `「${q.unit.text}」${q.window ? `在${q.window.label}` : ''}没有${role ? `作为${role}单位的` : ''}${q.topic.length ? `与「${q.topic.join('、')}」相关的` : ''}${kind}任务。`
      : `没有找到${q.status ? `${STATUS_WORD[q.status]}的` : ''}相关任务。`;
    return { pages: [head + (next.length ? `\n接下来的期限：\n${next.map((t) => taskLine(t)).join('\n')}` : '')] };
  }

  const limit = opts.through === undefined ? Infinity : opts.through + 1 + PAGES_AHEAD;
  const { pages, complete } = paginate(answerBlocks(result, opts.collectives ?? 'list', taskLine), limit);
  return { pages, complete };
}

/** The blocks of an answer's text, in order, each formatted only when reached. */
function* answerBlocks(result: SearchResult, collectives: 'list' | 'count' | 'only', taskLine: (t: IndexedTask) => string): Generator<string> {
  const q = result.query;
  if (q.intent === 'count' && collectives !== 'only') yield countLine(result);
  for (const g of result.groups) {
    const sections = collectives === 'only' ? g.sections.filter((s) => s.kind === 'collective') : g.sections;
    if (!sections.length) continue;
    yield collectives === 'only' ? `【${groupName(g)}】${q.unit ? `${q.unit.text} ` : ''}通过集体表述涉及 ${sections[0].tasks.length} 项` : summaryLine(g, result);
    const ended = endedBanner(g, result);
    if (ended) yield ended;
    for (const s of sections) {
      if (s.kind === 'collective' && collectives === 'count') {
        yield `— 通过「各部门」「各有关单位」等集体表述涉及 ${s.tasks.length} 项，发送 /more 查看 —`;
        continue;
      }
      const title = collectives === 'only' ? '' : sectionTitle(s, result);
      if (title) yield title;
      for (const t of s.tasks) yield taskLine(t);
    }
  }
}

/** The distinct tasks of a result that reach the unit only through collectives (0 without a unit). */
export function collectiveCount(result: SearchResult): number {
  return distinct(result, (k) => k === 'collective');
}

/**
 * A unit's own tasks in the order a unit wants them (/mine): upcoming deadlines first by date,
 * then undated, then past deadlines, then tasks reaching it through collectives.
 */
export function orderForUnit(result: SearchResult, today: string): SearchResult {
  const groups = result.groups.map((g) => {
    const named = g.sections.filter((s) => s.kind === 'named' || s.kind === 'undated').flatMap((s) => s.tasks);
    const date = (t: IndexedTask) => (t.task.deadline.kind === 'by' ? t.task.deadline.date : '');
    const upcoming = named.filter((t) => date(t) >= today).sort((a, b) => date(a).localeCompare(date(b)));
    const undated = named.filter((t) => !date(t));
    const past = named.filter((t) => date(t) && date(t) < today).sort((a, b) => date(b).localeCompare(date(a)));
    const sections: ResultSection[] = [
      { kind: 'named' as const, tasks: upcoming },
      { kind: 'undated' as const, tasks: undated },
      { kind: 'past' as const, tasks: past },
      ...g.sections.filter((s) => s.kind === 'collective'),
    ].filter((s) => s.tasks.length);
    return { ...g, sections };
  });
  return { ...result, groups };
}

/** 蕉岭 10.2: the document's short name and the task's 序号 and sub-item, as answers cite them. */
export function citation(t: Task, doc: DocumentMeta): string {
  const short = doc.regionAliases[doc.regionAliases.length - 1] ?? doc.region;
  const seq = t.seq ? t.seq.replace(/\//g, '') : `第${t.line}行`;
  return `${short} ${seq}${t.item ? `.${t.item}` : ''}`;
}

export function describeDeadline(d: Deadline): string {
  switch (d.kind) {
    case 'by':
      return `${d.date} 前`;
    case 'ongoing':
      return '全年/长期';
    case 'periodic':
      return EVERY[d.every];
    case 'relative':
    case 'conditional':
      return d.text;
    default:
      return '未列时限';
  }
}

/**
 * One task as a reader sees it: citation, requirement (cut at 160 characters), deadline with its
 * status (and the instance of a periodic task a list is about), units, and who closed it, when, with what note.
 */
export function formatTask(t: IndexedTask, today: string, status: TaskStatus = {}): string {
  const req = t.task.requirement.length > 160 ? `${t.task.requirement.slice(0, 160)}…` : t.task.requirement;
  const units = unitsText(t);
  const next = status.instance?.next;
  const instance = status.instance ? `·${next ? '下一期' : '本期'}至 ${status.instance.end}` : '';
  const label = next ? '本期已办结' : statusLabel(t.task, status.closed !== undefined, today);
  return [
    `• [${citation(t.task, t.doc)}] ${req}`,
    `  时限：${describeDeadline(t.task.deadline)}${instance}（${label}）${units ? `｜${units}` : ''}`,
    ...closureLines(status),
  ].join('\n');
}

/** A task asked for by its number (第3项): the whole requirement, its 工作任务 heading, the deadline as printed, units, its 办结. */
export function formatDetail(t: IndexedTask, today: string, status: TaskStatus = {}): string {
  const units = unitsText(t);
  const deadline = t.task.deadline_raw.trim() || describeDeadline(t.task.deadline);
  return [
    `• [${citation(t.task, t.doc)}] ${t.task.requirement}`,
    ...(t.task.task ? [`  工作任务：${t.task.task}`] : []),
    `  完成时限：${deadline}（${statusLabel(t.task, status.closed !== undefined, today)}）`,
    ...(units ? [`  ${units}`] : []),
    ...closureLines(status),
  ].join('\n');
}

/** 2016-03-20 由 Li（id 7）办结（2016年第一季度）：已在政府网站公开 — nothing for an open task. */
function closureLines({ closed: c }: TaskStatus): string[] {
  return c ? [`  ${c.day} 由 ${c.who}办结${c.period ? `（${c.period}）` : ''}${c.note ? `：${c.note}` : ''}`] : [];
}

function unitsText(t: IndexedTask): string {
  return [t.task.lead.length ? `牵头：${t.task.lead.join('、')}` : '', t.task.responsible.length ? `责任：${t.task.responsible.join('、')}` : ''].filter(Boolean).join('；');
}

/** 共 N 项任务 for a count question: distinct tasks, the unit's own apart from its collectives (as /report counts). */
function countLine(r: SearchResult): string {
  const q = r.query;
  const own = distinct(r, (k) => k !== 'collective');
  const through = collectiveCount(r);
  const status = q.status ? STATUS_WORD[q.status] : '';
  const who = q.unit ? `${q.unit.text} ` : '';
  return `${who}${status ? `${status} ${own} 项` : `共 ${own} 项任务`}${through ? `（另有通过集体表述涉及 ${through} 项）` : ''}。`;
}

function distinct(r: SearchResult, kinds: (k: ResultSection['kind']) => boolean): number {
  return new Set(r.groups.flatMap((g) => g.sections.filter((s) => kinds(s.kind)).flatMap((s) => s.tasks.map((t) => t.id)))).size;
}

/** 蕉岭县现有方案为2016年度（已结束）: said under a plan whose year ended before the question's day. */
function endedBanner(g: ResultGroup, r: SearchResult): string {
  const year = g.doc.year;
  if (year === null || !planEnded(year, r.query.today)) return '';
  const later = (latestYears(r).get(g.doc.region) ?? 0) > year;
  return later ? `${g.doc.region}${year}年度方案（已结束）` : `${g.doc.region}现有方案为${year}年度（已结束）`;
}

const latest = new WeakMap<SearchResult, Map<string, number>>();
/** Each region's latest plan year among an answer's groups, once per answer (a library-wide answer has thousands of groups). */
function latestYears(r: SearchResult): Map<string, number> {
  let years = latest.get(r);
  if (!years) {
    years = new Map();
    for (const o of r.groups) years.set(o.doc.region, Math.max(years.get(o.doc.region) ?? 0, o.doc.year ?? 0));
    latest.set(r, years);
  }
  return years;
}

/** A plan as the answer names it: its region, or a body's own plan by the body (洛阳市市场监督管理局). */
function planName(d: DocumentMeta): string {
  return issuedByBody(d) ? d.issuer : d.region;
}

function groupName(g: ResultGroup): string {
  return `${g.inner ? '辖区内·' : ''}${planName(g.doc)}${g.doc.year ?? ''}`;
}

function summaryLine(g: ResultGroup, r: SearchResult): string {
  const q = r.query;
  // A numbered task answers for itself, whatever unit the question (or the one it follows) named.
  const unit = q.detail ? undefined : q.unit;
  const name = groupName(g);
  const count = (k: ResultSection['kind']) => g.sections.filter((s) => s.kind === k).reduce((n, s) => n + s.tasks.length, 0);
  const who = unit ? `${unit.text}${q.role === 'lead' ? '（牵头）' : q.role === 'responsible' ? '（配合/责任）' : ''}` : '';
  const parts: string[] = [];
  if (q.window) parts.push(`${who} ${q.window.label}到期 ${count('named')} 项`);
  else if (unit) parts.push(`${who} 共 ${count('named') + count('undated') + count('past')} 项${count('named') && (count('undated') || count('past')) ? `（即将到期 ${count('named')} 项）` : ''}`);
  else parts.push(`${q.kind ? q.kind.label : q.topic.length ? `「${q.topic.join(' ')}」相关` : '任务'} ${count('matched')} 项`);
  if (count('undated')) parts.push(`另有持续性/周期性/视情况任务 ${count('undated')} 项`);
  if (count('past')) parts.push(`已过期限 ${count('past')} 项`);
  if (count('collective')) parts.push(`通过集体表述涉及 ${count('collective')} 项`);
  return `【${name}】${parts.join('，').trim()}`;
}

function sectionTitle(s: ResultSection, r: SearchResult): string {
  if (s.kind === 'undated') return '— 持续性 / 周期性 / 视情况 —';
  if (s.kind === 'past') return '— 已过期限 —';
  if (s.kind === 'collective') return '— 通过「各部门」「各有关单位」等集体表述涉及 —';
  if (s.kind === 'named' && r.query.window) return `— ${r.query.window.label}到期（按日期）—`;
  return '';
}

/** Cuts blocks of text into pages of at most PAGE_LIMIT characters. */
export function paginateLines(blocks: Iterable<string>): string[] {
  return paginate(blocks, Infinity).pages;
}

/** Cuts blocks into pages, taking blocks only until `limit` pages are full; `complete` is false when blocks were left. */
function paginate(blocks: Iterable<string>, limit: number): { pages: string[]; complete: boolean } {
  const pages: string[] = [];
  let cur = '';
  for (const b of blocks) {
    const piece = b.length > PAGE_LIMIT ? `${b.slice(0, PAGE_LIMIT - 1)}…` : b;
    if (cur && cur.length + piece.length + 1 > PAGE_LIMIT) {
      pages.push(cur);
      cur = '';
      if (pages.length >= limit) return { pages, complete: false };
    }
    cur = cur ? `${cur}\n${piece}` : piece;
  }
  if (cur) pages.push(cur);
  return { pages, complete: true };
}

const STATUS_WORD: Record<NonNullable<SearchResult['query']['status']>, string> = { open: '未办结', done: '已办结', overdue: '已逾期' };
const EVERY: Record<string, string> = { month: '每月', quarter: '每季度', halfyear: '每半年', year: '每年', week: '每周', day: '每日' };

export const NOT_UNDERSTOOD = [
  '没有理解您的问题。可以这样问：',
  '• 县财政局12月前要公开什么',
  '• 开平市编办牵头哪些工作',
  '• 六安 第56项',
  '• 深圳有哪些每季度公开的任务',
  '• 安居区预决算公开由谁负责',
].join('\n');
