import { formatAnswer } from '../../answer/format-text.js';
import type { ButtonData } from '../buttons.js';
import type { Feature } from '../command.js';
import type { ConversationCore } from '../core.js';
import type { Button, Reply } from '../types.js';

/** Questions (/ask, /due, or plain text) and their pages, with a choice of region where a unit is named in several. */
export const askFeature: Feature = {
  commands: [
    {
      command: 'ask',
      description: '提问：谁在什么时候前要公开什么',
      who: 'everyone',
      handle: async ({ msg, args }, core) => [args ? answer(core, args, msg.today, msg.chatId) : { text: '用法：/ask 问题，例如 /ask 县财政局12月前要公开什么' }],
    },
    {
      command: 'due',
      description: '某单位到期任务：/due 单位 [时间]',
      who: 'everyone',
      handle: async ({ msg, args }, core) => [args ? answer(core, `${args} 要完成哪些任务`, msg.today, msg.chatId) : { text: '用法：/due 单位 [时间]，例如 /due 县财政局 12月前' }],
    },
  ],
  buttons: {
    region: async (b, cb, core) => ({ edit: answer(core, b.question, b.today, cb.chatId), notice: '已选择' }),
    page: async (b, _cb, core) => ({ edit: paged(core, formatAnswer(core.ask(b.question, b.today), { isDone: core.isDone }).pages, b), notice: `第 ${b.page + 1} 页` }),
  },
};

/** Answers a question, with buttons to choose a region when a unit is named in several. */
export function answer(core: ConversationCore, text: string, today: string, chatId: number): Reply {
  const { question, result } = core.askInRegion(text, today, chatId);
  const regions = [...new Set(result.groups.map((g) => g.doc.regionAliases[g.doc.regionAliases.length - 1] ?? g.doc.region))];
  if (result.query.unit && !result.query.unit.partial && result.query.regionWords.length === 0 && regions.length > 1) {
    // A unit named in several regions' plans: let the asker choose.
    const buttons = regions.map((r) => ({ text: r, data: core.buttons.encode({ kind: 'region', today, question: `${r} ${question}` }) }));
    const all = { text: '全部地区', data: core.buttons.encode({ kind: 'page', page: 0, today, question: `${question} ` }) };
    return { text: `「${result.query.unit.text}」出现在多个地区的方案中，请选择地区：`, buttons: [...chunk(buttons, 3), [all]] };
  }
  return paged(core, formatAnswer(result, { isDone: core.isDone }).pages, { kind: 'page', page: 0, today, question });
}

/** One page of several, with 上一页 / 下一页 buttons that carry the same button data at another page. */
export function paged(core: ConversationCore, pages: string[], at: Extract<ButtonData, { kind: 'page' | 'mine' }>): Reply {
  const p = Math.min(Math.max(at.page, 0), pages.length - 1);
  if (pages.length === 1) return { text: pages[0] };
  const nav: Button[] = [];
  const to = (page: number) => core.buttons.encode({ ...at, page });
  if (p > 0) nav.push({ text: '上一页', data: to(p - 1) });
  if (p < pages.length - 1) nav.push({ text: '下一页', data: to(p + 1) });
  return { text: `${pages[p]}\n\n（第 ${p + 1}/${pages.length} 页）`, buttons: [nav] };
}

function chunk<T>(xs: T[], n: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
}
