import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { citation, formatAnswer, formatTask, orderForUnit, paginateLines } from '../answer/format-text.js';
import { writeCatalogEntry } from '../ingest/catalog.js';
import { reportChart } from '../tracking/chart.js';
import { exportXlsx } from '../tracking/export.js';
import { reportRows, reportText } from '../tracking/report.js';
import { StatusBook } from '../tracking/task-status.js';
import { ownTasks, ownsTask } from '../tracking/unit-tasks.js';
import type { IndexedTask } from '../search/corpus.js';
import type { Library } from '../search/library.js';
import type { SearchResult } from '../search/retrieve.js';
import type { KeyValueStore } from '../store/store.js';
import { type ButtonAction, decodeButton, encodeButton } from './callback-data.js';
import { ChatState } from './chat-state.js';
import { COMMANDS, HELP_TEXT, START_TEXT } from './help-text.js';
import type { Button, CallbackIncoming, CallbackOutcome, Incoming, Reply } from './types.js';
import type { Uploads } from './uploads.js';

export interface ConversationDeps {
  library: Library;
  store: KeyValueStore;
  log: Logger;
  /** Where uploaded plans go once confirmed; uploads are refused without it. */
  uploads?: Uploads;
  seedsDir?: string;
  /** Group admins (not only bot admins) may upload plans in their group. */
  groupAdminsMayUpload?: boolean;
}

/** The question text that asks for a bound unit's own tasks (/mine), carried by its page buttons. */
const MINE = '\u0001mine ';

/**
 * What the bot says, independent of Telegram: commands, questions, pages and button presses.
 * Adapters (telegraf bot, terminal) turn an incoming message into `Incoming` and send the replies.
 */
export class Conversation {
  private readonly state: ChatState;
  private readonly status: StatusBook;
  private readonly startedAt = Date.now();
  private answered = 0;

  constructor(private readonly deps: ConversationDeps) {
    this.state = new ChatState(deps.store);
    this.status = new StatusBook(deps.store);
  }

  /** Handles one message; returns the replies to send, in order (usually one). */
  async handle(msg: Incoming): Promise<Reply[]> {
    const uploads = this.deps.uploads;
    if (uploads?.awaitsCorrection(msg.chatId, msg.userId)) {
      // The answer to 改地区 / 改年份; a command instead drops the question.
      if (!msg.text.trim().startsWith('/')) return (await uploads.answerCorrection(msg.chatId, msg.userId, msg.text)) ?? [];
      uploads.cancelCorrection(msg.chatId, msg.userId);
      if (/^\/cancel$/i.test(msg.text.trim())) return [{ text: '已放弃修改，预览保持不变。' }];
    }
    const cmd = /^\/([a-z_]+)(?:@\w+)?(?:\s+([\s\S]*))?$/i.exec(msg.text.trim());
    if (!cmd) return [this.answer(msg.text, msg.today, msg.chatId)];
    const args = (cmd[2] ?? '').trim();
    switch (cmd[1].toLowerCase()) {
      case 'start':
        return [{ text: START_TEXT }];
      case 'help':
        return [{ text: HELP_TEXT }];
      case 'ask':
        return [args ? this.answer(args, msg.today, msg.chatId) : { text: '用法：/ask 问题，例如 /ask 县财政局12月前要公开什么' }];
      case 'due':
        return [args ? this.answer(`${args} 要完成哪些任务`, msg.today, msg.chatId) : { text: '用法：/due 单位 [时间]，例如 /due 县财政局 12月前' }];
      case 'unit':
        return [this.bind(msg, args)];
      case 'mine':
        return [this.mine(msg)];
      case 'region':
        return [await this.setRegion(msg, args)];
      case 'docs':
        return [{ text: this.docs() }];
      case 'reload':
        return [await this.reload(msg)];
      case 'stats':
        return [this.stats(msg)];
      case 'remove':
        return [this.askRemove(msg, args)];
      case 'done':
      case 'undo':
        return [this.close(msg, args, cmd[1].toLowerCase() === 'done' ? 'done' : 'open')];
      case 'todo':
        return [this.todo(msg)];
      case 'report':
        return await this.report(msg, args);
      case 'export':
        return [await this.export(msg, args)];
      case 'remind':
        return [this.remind(msg, args)];
      case 'archive':
        return [this.archive(msg, args)];
      default:
        return [{ text: `不认识的命令 /${cmd[1]}。${COMMANDS.map((c) => `/${c.command}`).join(' ')}` }];
    }
  }

  /** Handles a plan file sent to the bot: admins only; parsed and summarized, added on confirmation. */
  async handleDocument(msg: Incoming, file: { name: string; size?: number }, download: () => Promise<Uint8Array>): Promise<Reply> {
    if (!(await this.mayManage(msg))) {
      this.deps.log.warn({ msg: 'upload.refused', chat_id: msg.chatId, user_id: msg.userId });
      return { text: '只有管理员可以上传工作方案。' };
    }
    if (!this.deps.uploads) return { text: '本机器人没有开启上传功能。' };
    return this.deps.uploads.receive({ ...file, chatId: msg.chatId, userId: msg.userId }, download);
  }

  /** Handles a button press: turns a page, re-asks for the region chosen, corrects or decides an upload, or a removal. */
  async handleCallback(cb: CallbackIncoming): Promise<CallbackOutcome> {
    const manage = /^([ux]):(\w+):([\w-]+)$/.exec(cb.data);
    if (manage) return this.manageCallback(cb, manage[1], manage[2], manage[3]);
    const action = decodeButton(cb.data, this.deps.store);
    if (!action) return { notice: '这个按钮已失效，请重新提问。' };
    if (action.action === 'region') return { edit: this.answer(action.question, action.today, cb.chatId), notice: '已选择' };
    const reply = action.question.startsWith(MINE)
      ? this.mineReply(action.question.slice(MINE.length), action.today, action.page)
      : this.page(this.ask(action.question, action.today), action, action.page);
    return { edit: reply, notice: `第 ${action.page + 1} 页` };
  }

  private ask(question: string, today: string): SearchResult {
    this.answered++;
    return this.deps.library.current.ask(question, today);
  }

  /** Answers a question, with buttons to choose a region when a unit is named in several. */
  private answer(text: string, today: string, chatId: number): Reply {
    const { question, result } = this.askInRegion(text, today, chatId);
    const regions = [...new Set(result.groups.map((g) => g.doc.regionAliases[g.doc.regionAliases.length - 1] ?? g.doc.region))];
    if (result.query.unit && !result.query.unit.partial && result.query.regionWords.length === 0 && regions.length > 1) {
      // A unit named in several regions' plans: let the asker choose.
      const buttons = regions.map((r) => ({ text: r, data: encodeButton({ action: 'region', page: 0, today, question: `${r} ${question}` }, this.deps.store) }));
      const all = { text: '全部地区', data: encodeButton({ action: 'page', page: 0, today, question: `${question} ` }, this.deps.store) };
      return { text: `「${result.query.unit.text}」出现在多个地区的方案中，请选择地区：`, buttons: [...chunk(buttons, 3), [all]] };
    }
    return this.page(result, { action: 'page', page: 0, today, question }, 0);
  }

  private page(result: SearchResult, action: ButtonAction, page: number): Reply {
    return this.paged(formatAnswer(result, { isDone: (id) => this.status.isDone(id) }).pages, action, page);
  }

  private paged(pages: string[], action: ButtonAction, page: number): Reply {
    const p = Math.min(Math.max(page, 0), pages.length - 1);
    if (pages.length === 1) return { text: pages[0] };
    const nav: Button[] = [];
    const to = (n: number) => encodeButton({ ...action, action: 'page', page: n }, this.deps.store);
    if (p > 0) nav.push({ text: '上一页', data: to(p - 1) });
    if (p < pages.length - 1) nav.push({ text: '下一页', data: to(p + 1) });
    return { text: `${pages[p]}\n\n（第 ${p + 1}/${pages.length} 页）`, buttons: [nav] };
  }

  private bind(msg: Incoming, args: string): Reply {
    if (!args) return { text: '用法：/unit 单位，例如 /unit 蕉岭 县财政局' };
    const { result } = this.askInRegion(args, msg.today, msg.chatId);
    const unit = result.query.unit;
    if (!unit || result.reason === 'unknown-unit') {
      const names = result.suggestions?.units ?? [];
      return { text: `没有找到单位「${args}」。${names.length ? `您是不是要找：${names.join('、')}？` : '请写出单位全称，例如 /unit 蕉岭 县财政局'}` };
    }
    const regions = [...new Set(result.groups.map((g) => g.doc.region))];
    if (regions.length > 1 && result.query.regionWords.length === 0) {
      return { text: `「${unit.text}」出现在多个地区（${regions.join('、')}）的方案中，请加上地区，例如 /unit ${regions[0]} ${unit.text}` };
    }
    const region = result.query.regionWords[0];
    const key = this.state.bindingKey(msg.chatId, msg.userId, msg.chatType !== 'private');
    this.state.bind(key, { unit: unit.text, region, at: new Date().toISOString() });
    const who = msg.chatType === 'private' ? '本对话' : '您在本群';
    return { text: `已绑定：${who} → ${region ?? ''}${region ? ' ' : ''}${unit.text}。发送 /mine 查看本单位的全部任务。` };
  }

  private mine(msg: Incoming): Reply {
    const key = this.state.bindingKey(msg.chatId, msg.userId, msg.chatType !== 'private');
    const b = this.state.binding(key);
    if (!b) return { text: '还没有绑定单位。先发送 /unit 单位，例如 /unit 蕉岭 县财政局' };
    return this.mineReply(`${b.region ?? ''} ${b.unit}`.trim(), msg.today, 0);
  }

  private mineReply(question: string, today: string, page: number): Reply {
    const result = orderForUnit(this.ask(question, today), today);
    return this.paged(formatAnswer(result, { isDone: (id) => this.status.isDone(id) }).pages, { action: 'page', page, today, question: `${MINE}${question}` }, page);
  }

  private boundUnit(msg: Incoming): string | undefined {
    const b = this.state.binding(this.state.bindingKey(msg.chatId, msg.userId, msg.chatType !== 'private'));
    return b ? `${b.region ?? ''} ${b.unit}`.trim() : undefined;
  }

  /** /done 蕉岭 10.2 [说明] and /undo: a bound unit closes or reopens one of its own tasks. */
  private close(msg: Incoming, args: string, state: 'done' | 'open'): Reply {
    const unit = this.boundUnit(msg);
    if (!unit) return { text: '请先用 /unit 绑定本单位，例如 /unit 蕉岭 县财政局' };
    // The reference is the longest leading part of the text that names one task (蕉岭 10.2); the rest is the note.
    const words = args.split(/\s+/).filter(Boolean);
    let found: { ref: string; note: string; tasks: IndexedTask[] } | undefined;
    for (let k = words.length; k > 0 && !found; k--) {
      const ref = words.slice(0, k).join(' ');
      const result = this.ask(ref, msg.today);
      const tasks = result.groups.flatMap((g) => g.sections.flatMap((s) => s.tasks));
      if (result.query.detail && tasks.length) found = { ref, note: words.slice(k).join(' '), tasks };
    }
    if (!found) return { text: `用法：/${state === 'done' ? 'done' : 'undo'} 引用 [说明]，引用照答案中的出处写，例如 /done 蕉岭 10.2 已在政府网站公开` };
    const tasks = found.tasks;
    if (tasks.length > 1) return { text: `「${found.ref}」包含 ${tasks.length} 个子项，请写明子项，例如 ${citation(tasks[0].task, tasks[0].doc)}` };
    const task = tasks[0];
    if (!ownsTask(this.deps.library.current, unit, task.id, msg.today)) {
      return { text: `[${citation(task.task, task.doc)}] 不是「${unit}」牵头或负责的任务，不能由本单位${state === 'done' ? '办结' : '重新打开'}。` };
    }
    this.status.set(task.id, state, `${unit}（${msg.userId}）`, found.note);
    return { text: `${state === 'done' ? '已办结' : '已重新打开'}：${formatTask(task, msg.today, state === 'done')}` };
  }

  /** /todo: the bound unit's open tasks in current plans, overdue first. */
  private todo(msg: Incoming): Reply {
    const unit = this.boundUnit(msg);
    if (!unit) return { text: '请先用 /unit 绑定本单位，例如 /unit 蕉岭 县财政局' };
    const open = ownTasks(this.deps.library.current, unit, msg.today, (d) => this.archived(d)).filter((t) => !this.status.isDone(t.id));
    if (!open.length) return { text: `「${unit}」在当前年度的方案中没有未办结的任务。` };
    const date = (t: (typeof open)[number]) => (t.task.deadline.kind === 'by' ? t.task.deadline.date : '9999');
    open.sort((a, b) => date(a).localeCompare(date(b)));
    const overdue = open.filter((t) => date(t) < msg.today).length;
    const pages = paginateLines([`【${unit}】未办结 ${open.length} 项，其中已逾期 ${overdue} 项`, ...open.map((t) => formatTask(t, msg.today, false))]);
    return { text: pages[0] + (pages.length > 1 ? `\n……共 ${open.length} 项，完整列表请用 /export` : '') };
  }

  /** /report [单位|文档]: per unit due, done and overdue counts, as text and as a chart. */
  private async report(msg: Incoming, args: string): Promise<Reply[]> {
    const bound = this.boundUnit(msg);
    if (!msg.isBotAdmin && !bound) return [{ text: '只有管理员或已绑定单位的用户可以查看报告。' }];
    const unit = args ? undefined : bound;
    const engine = this.deps.library.current;
    const year = Number(msg.today.slice(0, 4));
    const current = (d: { doc: string; year: number | null }) => !this.archived(d.doc) && (d.year === null || d.year >= year);
    let tasks;
    let title: string;
    const subject = args || unit;
    if (subject) {
      const result = this.ask(subject, msg.today);
      tasks = result.groups.filter((g) => current(g.doc)).flatMap((g) => (result.query.unit ? g.sections.filter((s) => s.kind !== 'collective') : g.sections).flatMap((s) => s.tasks));
      title = `${subject} 任务办理情况`;
    } else {
      tasks = engine.corpus.tasks.filter((t) => current(t.doc));
      title = '当前年度方案任务办理情况';
    }
    const isDone = (id: string) => this.status.isDone(id);
    const rows = reportRows(tasks, isDone, msg.today);
    const text = reportText(`${title}（截至 ${msg.today}）`, rows);
    if (!rows.length) return [{ text }];
    return [{ text, photo: { png: await reportChart(title, rows), filename: 'report.png' } }];
  }

  /** /export [单位]: the tasks with deadlines, units and status as an .xlsx 台账. */
  private async export(msg: Incoming, args: string): Promise<Reply> {
    const subject = args || this.boundUnit(msg);
    if (!subject) return { text: '用法：/export 单位（或先 /unit 绑定本单位）' };
    const result = this.ask(subject, msg.today);
    const tasks = result.groups.flatMap((g) => g.sections.flatMap((s) => s.tasks));
    if (!tasks.length) return { text: `没有「${subject}」的任务可导出。` };
    const bytes = await exportXlsx(tasks, (id) => this.status.isDone(id), msg.today);
    return { text: `「${subject}」任务台账：${tasks.length} 项`, file: { bytes, filename: `任务台账-${subject.replace(/\s+/g, '')}-${msg.today}.xlsx` } };
  }

  /** /remind on|off|3,1: reminders for this chat, and how many days ahead. */
  private remind(msg: Incoming, args: string): Reply {
    const a = args.trim().toLowerCase();
    if (a === 'on' || a === '开') {
      this.state.update(msg.chatId, { remind: true });
      return { text: '已开启到期提醒：每天上午提醒本对话绑定单位的任务（到期前 7 天、1 天、当天，逾期后每周）。' };
    }
    if (a === 'off' || a === '关') {
      this.state.update(msg.chatId, { remind: false });
      return { text: '已关闭本对话的到期提醒。' };
    }
    const days = a.split(/[,，\s]+/).filter(Boolean).map(Number);
    if (days.length && days.every((d) => Number.isInteger(d) && d >= 0 && d <= 60)) {
      this.state.update(msg.chatId, { remind: true, remindDays: [...new Set([...days, 0])].sort((x, y) => y - x) });
      return { text: `已设置：到期前 ${days.join('、')} 天及当天提醒，逾期后每周提醒。` };
    }
    const s = this.state.settings(msg.chatId);
    return { text: `到期提醒：${s.remind === false ? '已关闭' : s.remind ? '已开启' : msg.chatType === 'private' ? '已开启（绑定单位后）' : '未开启'}。用法：/remind on｜off｜3,1（提前天数）` };
  }

  /** /archive 文档: retires a plan by hand from reminders, /todo and overdue counts. */
  private archive(msg: Incoming, args: string): Reply {
    if (!msg.isBotAdmin) return { text: '只有管理员可以归档文档。' };
    const docs = this.deps.library.current.corpus.docs.filter((d) => args && (d.doc === args || d.doc.includes(args) || d.regionAliases.some((r) => args.includes(r))));
    if (docs.length !== 1) return { text: docs.length ? `请写出文件名：${docs.map((d) => d.doc).join('、')}` : '用法：/archive 文档名或地区' };
    this.deps.store.write('archived', docs[0].doc, true);
    return { text: `已归档 ${docs[0].region} ${docs[0].year ?? ''}（${docs[0].doc}）：不再提醒，也不计入 /todo 和逾期统计。` };
  }

  private archived(doc: string): boolean {
    return this.deps.store.read('archived', doc) === true;
  }

  private async setRegion(msg: Incoming, args: string): Promise<Reply> {
    if (msg.chatType !== 'private' && !msg.isBotAdmin && !(await msg.isChatAdmin())) {
      return { text: '只有本群管理员可以设置默认地区。' };
    }
    const forms = this.deps.library.current.vocab.regionForms;
    const known = forms.map((f) => f.form);
    if (!args) {
      const now = this.state.settings(msg.chatId).region;
      return { text: `${now ? `当前默认地区：${now}。` : '尚未设置默认地区。'}用法：/region 地区，可选：${[...new Set(known)].join('、')}` };
    }
    const hit = forms.find((f) => args.includes(f.form));
    if (!hit) return { text: `没有「${args}」的方案。已收录的地区：${[...new Set(known)].join('、')}` };
    this.state.setRegion(msg.chatId, hit.form);
    return { text: `已设置本群默认地区：${hit.form}。没有写明地区的问题将按${hit.form}的方案回答。` };
  }

  private docs(): string {
    const docs = this.deps.library.current.corpus.docs;
    if (!docs.length) return '还没有收录任何文档。';
    return ['已收录的文档：', ...docs.map((d) => `• ${d.region} ${d.year ?? '年度未知'} · ${d.taskCount} 项 · ${d.title}（${d.format} 文件 ${d.doc}）`)].join('\n');
  }

  private async manageCallback(cb: CallbackIncoming, kind: string, op: string, id: string): Promise<CallbackOutcome> {
    if (!cb.isBotAdmin && !(this.deps.groupAdminsMayUpload && (await cb.isChatAdmin?.()))) return { notice: '只有管理员可以操作。' };
    if (kind === 'u') {
      if (!this.deps.uploads) return { notice: '上传功能未开启。' };
      if (op === 'region' || op === 'year') return this.deps.uploads.askCorrection(id, op, { chatId: cb.chatId, userId: cb.userId, messageId: cb.messageId });
      const d = this.deps.uploads.decide(op, id);
      if (!d.reload) return { edit: { text: d.text, buttons: d.buttons }, notice: op === 'no' ? '已取消' : undefined };
      return { edit: { text: `${d.text}\n${await this.reloadText()}` }, notice: '已加入' };
    }
    const name = this.deps.store.read('removals', id);
    if (typeof name !== 'string' || !this.deps.seedsDir) return { edit: { text: '这个操作已处理或已过期。' } };
    this.deps.store.delete('removals', id);
    if (op !== 'del') return { edit: { text: `已取消，${name} 仍在索引中。` }, notice: '已取消' };
    rmSync(join(this.deps.seedsDir, name), { force: true });
    try {
      writeCatalogEntry(this.deps.seedsDir, name, {});
    } catch (e) {
      this.deps.log.warn({ msg: 'catalog.write_failed', doc: name, error: String((e as Error).message) });
    }
    return { edit: { text: `已移除 ${name}。\n${await this.reloadText()}` }, notice: '已移除' };
  }

  private askRemove(msg: Incoming, args: string): Reply {
    if (!msg.isBotAdmin) return { text: '只有管理员可以移除文档。' };
    if (!args) return { text: '用法：/remove 文档名或地区，例如 /remove 开平' };
    const docs = this.deps.library.current.corpus.docs.filter((d) => d.doc === args || d.doc.includes(args) || d.regionAliases.some((a) => args.includes(a)));
    if (docs.length !== 1) {
      return { text: docs.length ? `「${args}」对应多份文档：${docs.map((d) => d.doc).join('、')}，请写出文件名。` : `没有找到文档「${args}」。发送 /docs 查看已收录的文档。` };
    }
    const id = randomBytes(6).toString('base64url');
    this.deps.store.write('removals', id, docs[0].doc);
    return {
      text: `确认从索引中移除 ${docs[0].region} ${docs[0].year ?? ''}（${docs[0].doc}，${docs[0].taskCount} 项任务）吗？文件将从文档目录删除。`,
      buttons: [[{ text: '确认移除', data: `x:del:${id}` }, { text: '取消', data: `x:no:${id}` }]],
    };
  }

  private async mayManage(msg: Incoming): Promise<boolean> {
    if (msg.isBotAdmin) return true;
    return Boolean(this.deps.groupAdminsMayUpload && msg.chatType !== 'private' && (await msg.isChatAdmin()));
  }

  private async reload(msg: Incoming): Promise<Reply> {
    if (!msg.isBotAdmin) {
      this.deps.log.warn({ msg: 'reload.refused', chat_id: msg.chatId, user_id: msg.userId });
      return { text: '只有管理员可以重新加载索引。' };
    }
    return { text: await this.reloadText() };
  }

  /** Reloads the index and says what changed: per-document counts, tasks added and removed, bad files. */
  private async reloadText(): Promise<string> {
    const r = await this.deps.library.reload();
    this.deps.log.info({ msg: 'reload.done', ok: r.ok, docs: r.docs.length, added: r.added, removed: r.removed, ms: r.ms });
    const problems = r.warnings.map((w) => `• ${w.doc}：${w.message}`);
    if (!r.ok) return ['重新加载失败，继续使用原来的索引。', ...problems].join('\n');
    const total = r.docs.reduce((n, d) => n + d.tasks, 0);
    return [
      `重新加载完成：${r.docs.length} 份文档，${total} 项任务（新增 ${r.added} 项，删除 ${r.removed} 项，用时 ${r.ms} ms）。`,
      ...r.docs.map((d) => `• ${d.region} ${d.year ?? ''}：${d.tasks} 项（${d.doc}）`),
      ...(problems.length ? ['未能读取：', ...problems] : []),
    ].join('\n');
  }

  private stats(msg: Incoming): Reply {
    if (!msg.isBotAdmin) return { text: '只有管理员可以查看统计。' };
    const c = this.deps.library.current.corpus;
    const hours = ((Date.now() - this.startedAt) / 3600000).toFixed(1);
    return {
      text: `文档 ${c.docs.length} 份，任务 ${c.tasks.length} 项；已回答 ${this.answered} 次；绑定单位 ${this.state.allBindings().length} 个；运行 ${hours} 小时。`,
    };
  }

  /** Asks a question; the chat's default region applies when the question names none it can use. */
  private askInRegion(text: string, today: string, chatId: number): { question: string; result: SearchResult } {
    const question = text.trim();
    const result = this.ask(question, today);
    const region = this.state.settings(chatId).region;
    if (!region || result.query.regionWords.length > 0 || result.reason === 'not-understood') return { question, result };
    const regional = `${region} ${question}`;
    return { question: regional, result: this.ask(regional, today) };
  }
}

function chunk<T>(xs: T[], n: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
}
