import { collectiveCount, formatAnswer, orderForUnit } from '../../answer/format-text.js';
import { parseIsoDate } from '../../domain/calendar.js';
import { planEnded } from '../../domain/status-label.js';
import type { SearchResult } from '../../search/retrieve.js';
import { closureView } from '../../tracking/task-status.js';
import type { AnswerState } from '../answer-memory.js';
import type { Feature } from '../command.js';
import type { ConversationCore } from '../core.js';
import type { Button, Incoming, Reply } from '../types.js';

/**
 * Questions (/ask, /due, or plain text) and their pages (buttons, or typed 下一页 / 上一页), a reply
 * to an answer read as its follow-up, 我单位 as the bound unit, a choice of region where a unit is
 * named in several, suggested names as buttons, and the tasks an answer reaches only through
 * collectives behind one line (/more, or its button).
 */
export const askFeature: Feature = {
  commands: [
    {
      command: 'ask',
      description: '提问：谁在什么时候前要公开什么',
      who: 'everyone',
      handle: async ({ msg, args }, core) => [args ? ask(core, msg, args) : { text: '用法：/ask 问题，例如 /ask 县财政局12月前要公开什么' }],
    },
    {
      command: 'due',
      description: '某单位到期任务：/due 单位 [时间]',
      who: 'everyone',
      handle: async ({ msg, args }, core) => [args ? ask(core, msg, `${args} 要完成哪些任务`) : { text: '用法：/due 单位 [时间]，例如 /due 县财政局 12月前' }],
    },
    {
      command: 'more',
      description: '上一个回答中通过「各部门」等集体表述涉及的任务',
      who: 'everyone',
      handle: async ({ msg }, core) => {
        const last = core.answers.last(msg.chatId);
        if (!last) return [{ text: NOTHING_TO_PAGE }];
        return [view(core, { kind: 'more', page: 0, today: last.today, question: subjectOf(last) })];
      },
    },
  ],
  buttons: {
    choice: async (b, cb, core) => ({ edit: answer(core, b.question, b.today, cb.chatId), notice: '已选择' }),
    regions: async (b, cb, core) => ({ edit: answer(core, b.question, b.today, cb.chatId, b.page), notice: `第 ${b.page + 1} 页` }),
    page: async (b, _cb, core) => ({ edit: view(core, b), notice: `第 ${b.page + 1} 页` }),
    more: async (b, _cb, core) => ({ edit: view(core, b), notice: `第 ${b.page + 1} 页` }),
  },
};

/**
 * A question from a message: 下一页 / 上一页 turn the page of the answer replied to (else the chat's
 * last one); 我单位 is the sender's bound unit; a reply to an answer is a follow-up of its question.
 */
export function ask(core: ConversationCore, msg: Incoming, text: string): Reply {
  const typed = text.replace(/\s+/g, ' ').trim();
  const replied = msg.replyTo === undefined ? undefined : core.answers.of(msg.chatId, msg.replyTo);
  const turn = PAGE_WORDS[typed];
  if (turn) return turnPage(core, replied ?? core.answers.last(msg.chatId), turn);
  const own = core.withBoundUnit(msg, typed);
  if (own === undefined) return { text: UNBOUND };
  const question = own.slice(0, MAX_QUESTION);
  const chain = replied ? [...subjectOf(replied).split('\n'), question] : [question];
  // A chain longer than a button carries (or than is worth re-reading) starts over from the reply.
  const kept = chain.length > MAX_CHAIN || chain.join('\n').length > MAX_QUESTION ? [question] : chain;
  return answer(core, kept.join('\n'), msg.today, msg.chatId);
}

/**
 * Answers a question, with buttons to choose a region when a unit is named in several: at most a
 * screenful of them at a time (`choicePage`), with 上一页 / 下一页 beyond that.
 */
export function answer(core: ConversationCore, text: string, today: string, chatId: number, choicePage = 0): Reply {
  const { question, result } = core.askInRegion(text, today, chatId);
  const regions = [...new Set(result.groups.map((g) => g.doc.regionAliases[g.doc.regionAliases.length - 1] ?? g.doc.region))];
  if (result.query.unit && !result.query.unit.partial && result.query.regionWords.length === 0 && regions.length > 1) {
    // A unit named in several regions' plans: let the asker choose.
    const pages = Math.ceil(regions.length / CHOICES_PER_PAGE);
    const p = Math.min(Math.max(choicePage, 0), pages - 1);
    const shown = regions.slice(p * CHOICES_PER_PAGE, (p + 1) * CHOICES_PER_PAGE);
    const buttons = shown.map((r) => ({ text: r, data: core.buttons.encode({ kind: 'choice', today, question: `${r} ${question}` }) }));
    const all = { text: '全部地区', data: core.buttons.encode({ kind: 'page', page: 0, today, question: `${question} ` }) };
    const to = (page: number) => ({ text: page < p ? '上一页' : '下一页', data: core.buttons.encode({ kind: 'regions', page, today, question: text }) });
    const nav = [...(p > 0 ? [to(p - 1)] : []), ...(p < pages - 1 ? [to(p + 1)] : [])];
    const head = `「${result.query.unit.text}」出现在多个地区的方案中，请选择地区：`;
    if (pages === 1) return { text: head, buttons: [...chunk(buttons, 3), [all]] };
    return { text: `${head}\n（共 ${regions.length} 个地区，第 ${p + 1}/${pages} 页；也可以写上地区再问，例如：${regions[0]} ${question}）`, buttons: [...chunk(buttons, 3), nav, [all]] };
  }
  return notCovered(core, question, result) ?? view(core, { kind: 'page', page: 0, today, question }, result);
}

/**
 * The page of an answer a state shows, with its buttons: 上一页 / 下一页, the one that opens the
 * tasks reached only through collectives (or 返回 from them), and one per suggested name.
 * `result` saves asking again when the caller has it.
 */
export function view(core: ConversationCore, at: AnswerState, result?: SearchResult): Reply {
  const subject = subjectOf(at);
  const asked = result ?? core.ask(subject, at.today);
  const shown = at.kind === 'mine' ? orderForUnit(asked, at.today) : asked;
  const through = collectiveCount(shown);
  if (at.kind === 'more' && !through) return { text: '这个回答没有通过「各部门」「各有关单位」等集体表述涉及的任务。' };
  const text = formatAnswer(shown, { closure: (id) => closureView(core.closure(id, at.today)), collectives: at.kind === 'more' ? 'only' : 'count', through: at.page });
  const extra: Button[][] =
    at.kind === 'more'
      ? [[{ text: '返回', data: core.buttons.encode({ kind: 'page', page: 0, today: at.today, question: subject }) }]]
      : through
        ? [[{ text: `查看通过集体表述涉及的 ${through} 项`, data: core.buttons.encode({ kind: 'more', page: 0, today: at.today, question: subject }) }]]
        : [];
  return paged(core, text.pages, at, [...extra, ...chunk(suggestionButtons(core, subject, shown), 3)], text.complete === false ? (at.kind === 'more' ? through : shown.total - through) : undefined);
}

/**
 * One page of several, with 上一页 / 下一页 buttons that carry the same state at another page, and
 * the state shown. `moreTasks`: only the first pages were formatted (a long answer) — the page
 * says how many tasks the answer holds instead of how many pages.
 */
export function paged(core: ConversationCore, pages: string[], at: AnswerState, extra: Button[][] = [], moreTasks?: number): Reply {
  const p = Math.min(Math.max(at.page, 0), pages.length - 1);
  const answers = { ...at, page: p };
  if (pages.length === 1) return { text: pages[0], answers, ...(extra.length ? { buttons: extra } : {}) };
  const nav: Button[] = [];
  const to = (page: number) => core.buttons.encode({ ...at, page });
  if (p > 0) nav.push({ text: '上一页', data: to(p - 1) });
  if (p < pages.length - 1) nav.push({ text: '下一页', data: to(p + 1) });
  const where = moreTasks === undefined ? `第 ${p + 1}/${pages.length} 页` : `第 ${p + 1} 页，共 ${moreTasks} 项`;
  return { text: `${pages[p]}\n\n（${where}）`, buttons: [nav, ...extra], answers };
}

/** Typed 下一页 / 上一页: the next or previous page of an answer, as a new message. */
function turnPage(core: ConversationCore, at: AnswerState | undefined, delta: number): Reply {
  if (!at) return { text: NOTHING_TO_PAGE };
  const reply = view(core, { ...at, page: at.page + delta });
  if (reply.answers?.page === at.page) return { text: delta > 0 ? '已经是最后一页了。' : '已经是第一页了。' };
  return reply;
}

/**
 * Where a question's time (今年, 本月, 下个月: a window of calendar years) falls in no plan's year,
 * says so and offers the latest plan: the same question asked as on the same day of that plan's year.
 */
function notCovered(core: ConversationCore, question: string, result: SearchResult): Reply | undefined {
  const q = result.query;
  const years = [q.window?.from?.year, q.window?.to.year].filter((y): y is number => typeof y === 'number');
  if (!q.window || !years.length || (result.reason && result.reason !== 'no-match' && result.reason !== 'no-year')) return undefined;
  const all = core.deps.library.current.corpus.docs;
  const picked = new Set([...q.docs, ...q.innerDocs]);
  const scope = picked.size ? all.filter((d) => picked.has(d.doc)) : all;
  const dated = scope.flatMap((d) => (d.year === null ? [] : [d.year]));
  if (dated.length < scope.length || !dated.length || dated.some((y) => y >= Math.min(...years) && y <= Math.max(...years))) return undefined;
  const latest = Math.max(...dated);
  const ended = planEnded(latest, q.today) ? '（已结束）' : '';
  const regions = [...new Set(scope.map((d) => d.region))];
  const head =
    regions.length === 1
      ? `${regions[0]}现有方案为${[...new Set(dated)].sort().join('、')}年度${ended}`
      : `最新的方案为${latest}年度${ended}（${[...new Set(scope.filter((d) => d.year === latest).map((d) => d.region))].join('、')}）`;
  const text = `${head}，没有覆盖「${q.window.label}」的方案。`;
  const then = sameDayIn(q.today, latest);
  if (!core.ask(question, then).groups.length) return { text: `${text}可发送「/docs」查看已收录的文档。` };
  return {
    text: `${text}可以按${latest}年度方案回答（视今天为 ${then}）。`,
    buttons: [[{ text: `按${latest}年度方案回答`, data: core.buttons.encode({ kind: 'page', page: 0, today: then, question }) }]],
  };
}

/** Buttons re-asking the question with each name suggested for a unit or a place it could not find. */
function suggestionButtons(core: ConversationCore, question: string, result: SearchResult): Button[] {
  const q = result.query;
  const names = result.reason === 'unknown-unit' ? (result.suggestions?.units ?? []) : result.reason === 'unknown-region' ? (result.suggestions?.regions ?? []) : [];
  return names.flatMap((name) => {
    const typed = result.reason === 'unknown-unit' ? q.unit?.text : q.mistyped;
    const at = typed ? question.lastIndexOf(typed) : -1;
    if (!typed || at < 0) return [];
    const asked = `${question.slice(0, at)}${name}${question.slice(at + typed.length)}`;
    return [{ text: name, data: core.buttons.encode({ kind: 'choice', today: q.today, question: asked }) }];
  });
}

/** The words an answer state asks with. */
function subjectOf(at: AnswerState): string {
  return at.kind === 'mine' ? at.unit : at.question;
}

/** The same month and day in another year (29 February becomes the 28th). */
function sameDayIn(today: string, year: number): string {
  const day = `${year}${today.slice(4)}`;
  return parseIsoDate(day) ? day : `${year}-02-28`;
}

function chunk<T>(xs: T[], n: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
}

/** Region buttons on one page of a choice: a phone's screenful (Telegram refuses a keyboard of more than 100). */
const CHOICES_PER_PAGE = 24;
/** The longest question (with its follow-ups) a button carries (buttons.ts). */
const MAX_QUESTION = 2000;
/** The most lines (a question and its follow-ups) a chain keeps. */
const MAX_CHAIN = 20;
const PAGE_WORDS: Record<string, number | undefined> = { 下一页: 1, 下页: 1, 上一页: -1, 上页: -1 };
const NOTHING_TO_PAGE = '还没有可以查看的回答，请先提问。';
const UNBOUND = '「我单位」指您绑定的单位，但还没有绑定。先发送 /unit 地区 单位，例如 /unit 蕉岭 县财政局';
