import { z } from 'zod';
import { citation, formatTask } from '../../answer/format-text.js';
import type { IndexedTask } from '../../search/corpus.js';
import { boundWords, ChatBindings } from '../../store/chat-bindings.js';
import { periodOf } from '../../tracking/period.js';
import { actorName, closureView, dayOf, type StatusEntry, whoDid } from '../../tracking/task-status.js';
import { allowed, type AnswerHandler, type ButtonHandler } from '../command.js';
import type { ConversationCore } from '../core.js';
import type { CallbackIncoming } from '../types.js';

/** Who closes or reopens a task: the sender, and the unit their granted binding names. */
export interface Closer {
  userId: number;
  userName?: string;
  unit: string;
}

/**
 * Closes (done) or reopens (open) one of the closer's unit's own tasks — a periodic task's period
 * holding `on` (the day of the reminder it came from; default today) — recording who, the day and
 * the note. Returns what to say: the task with its new status, or why not (not the unit's own task).
 */
export function changeState(core: ConversationCore, closer: Closer, task: IndexedTask, state: 'done' | 'open', note: string, today: string, on = today): string {
  if (!isOwn(core, closer.unit, task, today)) {
    return `[${citation(task.task, task.doc)}] 不是「${closer.unit}」牵头或负责的任务，不能由本单位${state === 'done' ? '办结' : '重新打开'}。`;
  }
  const user = { id: closer.userId, name: closer.userName };
  const period = periodOf(task.task, on);
  core.status.set(task.id, state, { by: closer.unit, user, note, day: today, period });
  const shown = formatTask(task, today, { closed: closureView(core.status.closure(task.id, period)) });
  return state === 'done' ? `已办结：${shown}` : `已重新打开：${shown}\n操作人：${actorName(user)}`;
}

/**
 * ✅ 办结 under a reminder: asks the presser (bound, granted, the task their unit's own) for a note —
 * a reply to the question, or 不填写说明 — remembered for them in this chat until they answer, send a
 * command, or the day ends. 不填写说明 closes at once.
 */
export const closeButton: ButtonHandler<'close'> = async (b, cb, core) => {
  const task = core.taskById(b.id);
  if (!task) return { notice: '这项任务已不在索引中。' };
  const closer = await closerOf(core, cb);
  if (typeof closer === 'string') return { notice: closer };
  if (!isOwn(core, closer.unit, task, cb.today)) return { notice: `这不是「${closer.unit}」牵头或负责的任务。` };
  const closed = core.status.closure(task.id, periodOf(task.task, b.today));
  if (b.op === 'skip') {
    new PendingNotes(core).drop(cb.chatId, cb.userId);
    if (closed) return { edit: { text: alreadyClosed(task, closed) }, notice: '已办结' };
    return { edit: { text: changeState(core, closer, task, 'done', '', cb.today, b.today) }, notice: '已办结' };
  }
  if (closed) return { notice: alreadyClosed(task, closed) };
  new PendingNotes(core).ask(cb.chatId, cb.userId, { id: task.id, on: b.today, asked: cb.today });
  const skip = { text: '不填写说明', data: core.buttons.encode({ kind: 'close', op: 'skip', today: b.today, id: task.id }) };
  return {
    notice: '请填写办结说明',
    replies: [{ text: `办结 [${citation(task.task, task.doc)}]：请回复本条消息写明办结说明（例如：已在政府网站公开），不需要说明请点「不填写说明」，发送 /cancel 放弃。`, buttons: [[skip]] }],
  };
};

/** The note answering ✅ 办结's question: closes the task with it. A command instead drops the question (/cancel says so). */
export const closeNote: AnswerHandler = async (msg, core) => {
  const notes = new PendingNotes(core);
  const asked = notes.of(msg.chatId, msg.userId);
  if (!asked) return undefined;
  notes.drop(msg.chatId, msg.userId);
  const text = msg.text.trim();
  if (text.startsWith('/')) return /^\/cancel(?:@\w+)?$/i.test(text) ? [{ text: '已放弃办结，任务仍未办结。' }] : undefined;
  // A question asked on an earlier day was forgotten: today's message is read as usual.
  if (asked.asked !== msg.today) return undefined;
  const task = core.taskById(asked.id);
  if (!task) return [{ text: '这项任务已不在索引中，没有办结。' }];
  const closer = await closerOf(core, msg);
  if (typeof closer === 'string') return [{ text: closer }];
  return [{ text: changeState(core, closer, task, 'done', text.slice(0, MAX_NOTE), msg.today, asked.on) }];
};

/** The sender as a closer: bound, by a binding that was granted (the rule of /done); else why not. */
async function closerOf(core: ConversationCore, at: Pick<CallbackIncoming, 'chatId' | 'userId' | 'userName' | 'isBotAdmin' | 'isChatAdmin'>): Promise<Closer | string> {
  const isGroup = at.chatId < 0;
  const binding = core.bindings.get(ChatBindings.ownerOf(at.chatId, at.userId, isGroup));
  if (!binding) return '请先用 /unit 绑定本单位，再办结。';
  const presser = { chatType: isGroup ? ('group' as const) : ('private' as const), isBotAdmin: at.isBotAdmin, isChatAdmin: at.isChatAdmin ?? (async () => false) };
  if (!(await allowed('granted', presser, binding))) return '您的单位绑定还在等待管理员批准，批准后才能办结。';
  return { userId: at.userId, userName: at.userName, unit: boundWords(binding) };
}

function isOwn(core: ConversationCore, unit: string, task: IndexedTask, today: string): boolean {
  return core.deps.library.current.ownTasks(unit, today).some((t) => t.id === task.id);
}

function alreadyClosed(task: IndexedTask, closed: StatusEntry): string {
  return `[${citation(task.task, task.doc)}] 已由 ${whoDid(closed)}于 ${dayOf(closed)} 办结。`;
}

/** A 办结 waiting for its note: the task, the day whose period it closes, the day it was asked. */
const PendingNote = z.object({ id: z.string().min(1), on: z.string(), asked: z.string() });
type PendingNote = z.infer<typeof PendingNote>;

/** The notes asked for, one per user and chat, in the store (a restart keeps the question). */
class PendingNotes {
  constructor(private readonly core: ConversationCore) {}

  ask(chatId: number, userId: number, note: PendingNote): void {
    this.core.deps.store.write(NS, `${chatId}|${userId}`, note);
  }

  of(chatId: number, userId: number): PendingNote | undefined {
    const parsed = PendingNote.safeParse(this.core.deps.store.read(NS, `${chatId}|${userId}`));
    return parsed.success ? parsed.data : undefined;
  }

  drop(chatId: number, userId: number): void {
    this.core.deps.store.delete(NS, `${chatId}|${userId}`);
  }
}

const NS = 'close-notes';
/** The longest note kept. */
const MAX_NOTE = 500;
