import { boundWords } from '../store/chat-bindings.js';
import { allowed, type ButtonHandler, type Command, type Feature } from './command.js';
import { ConversationCore, type ConversationDeps } from './core.js';
import { ask, askFeature } from './features/ask.js';
import { bindingFeature } from './features/binding.js';
import { helpFeature, listed } from './features/help.js';
import { plansFeature } from './features/plans.js';
import { trackingFeature } from './features/tracking.js';
import { ledgerFeature } from './features/ledger.js';
import { morningReply } from './features/morning.js';
import type { MorningMessage } from '../tracking/morning-message.js';
import { isAnswerState } from './answer-memory.js';
import type { ButtonKind } from './buttons.js';
import { echo } from './echo.js';
import type { CallbackIncoming, CallbackOutcome, Incoming, Reply } from './types.js';

export type { ConversationDeps } from './core.js';

/** The features, in the order their commands appear in the menus and in /help. */
const FEATURES: Feature[] = [askFeature, bindingFeature, trackingFeature, ledgerFeature, plansFeature, helpFeature(() => COMMANDS)];

/** The one table of commands: dispatch, the command menus (setMyCommands) and /help all read it. */
export const COMMANDS: Command[] = FEATURES.flatMap((f) => f.commands);

/**
 * What the bot says, independent of Telegram: commands, questions, pages and button presses.
 * Adapters (telegraf bot, terminal) turn an incoming message into `Incoming` and send the replies.
 */
export class Conversation {
  private readonly core: ConversationCore;

  constructor(deps: ConversationDeps) {
    this.core = new ConversationCore(deps);
  }

  /** Handles one message; returns the replies to send, in order (usually one). */
  async handle(msg: Incoming): Promise<Reply[]> {
    const uploads = this.core.deps.uploads;
    if (uploads?.awaitsCorrection(msg.chatId, msg.userId)) {
      // The answer to 改地区 / 改年份; a command instead drops the question.
      if (!msg.text.trim().startsWith('/')) return (await uploads.answerCorrection(msg.chatId, msg.userId, msg.text)) ?? [];
      uploads.cancelCorrection(msg.chatId, msg.userId);
      if (/^\/cancel$/i.test(msg.text.trim())) return [{ text: '已放弃修改，预览保持不变。' }];
    }
    for (const f of FEATURES) {
      const answered = await f.answer?.(msg, this.core);
      if (answered) return answered;
    }
    const replies = await this.dispatch(msg);
    // The last answer of the chat is known before it is sent: typed 下一页 may follow at once.
    for (const r of replies) if (r.answers) this.core.answers.remember(msg.chatId, r.answers);
    return replies;
  }

  /**
   * Tells the conversation the id of a message it sent in a chat: a reply to that message is then
   * read as a follow-up of the question it answers. Adapters without message ids need not call it.
   */
  sent(chatId: number, messageId: number, reply: Reply): void {
    if (reply.answers) this.core.answers.remember(chatId, reply.answers, messageId);
  }

  private async dispatch(msg: Incoming): Promise<Reply[]> {
    const parsed = /^\/([a-z_]+)(?:@\w+)?(?:\s+([\s\S]*))?$/i.exec(msg.text.trim());
    if (!parsed) return [ask(this.core, msg, msg.text)];
    const name = parsed[1].toLowerCase();
    const command = COMMANDS.find((c) => c.command === name);
    if (!command) return [{ text: `不认识的命令 /${echo(parsed[1], 32)}。${listed(COMMANDS).map((c) => `/${c.command}`).join(' ')}` }];
    const binding = this.core.binding(msg);
    const unit = binding && boundWords(binding);
    if (!(await allowed(command.who, msg, binding))) {
      this.core.deps.log.warn({ msg: `${command.command}.refused`, chat_id: msg.chatId, user_id: msg.userId });
      return [{ text: command.who === 'granted' && binding ? PENDING : (command.refusal ?? '') }];
    }
    return command.handle({ msg, args: (parsed[2] ?? '').trim(), unit }, this.core);
  }

  /** A chat's morning reminders as the message to send: with a ✅ 办结 and a 查看 button per task. */
  reminder(message: MorningMessage): Reply {
    return morningReply(this.core, message);
  }

  /** A group became a supergroup (migrate_to_chat_id): what the bot keeps for it moves to the new id. */
  moveChat(from: number, to: number): void {
    this.core.moveChat(from, to);
    this.core.deps.log.info({ msg: 'chat.migrated', from, to });
  }

  /** Handles a plan file sent to the bot. */
  async handleDocument(msg: Incoming, file: { name: string; size?: number }, download: () => Promise<Uint8Array>): Promise<Reply> {
    return plansFeature.document!(msg, file, download, this.core);
  }

  /** Handles a button press; a button this version did not make (or whose data is gone) has expired. */
  async handleCallback(cb: CallbackIncoming): Promise<CallbackOutcome> {
    const button = this.core.buttons.decode(cb.data);
    const handler = button && (BUTTONS[button.kind] as ButtonHandler<typeof button.kind> | undefined);
    if (!button || !handler) return { notice: EXPIRED };
    if (isAnswerState(button) && cb.messageId !== undefined) {
      // The same page pressed twice (a double tap): the message shows it already, and editing a
      // message to itself is an error at Telegram. Claimed before the page is built, so a second
      // press while the first is still running is the same press.
      const shown = this.core.answers.of(cb.chatId, cb.messageId);
      if (shown && JSON.stringify(shown) === JSON.stringify(button)) return { notice: `第 ${button.page + 1} 页` };
      this.core.answers.remember(cb.chatId, button, cb.messageId);
    }
    const outcome = await handler(button as never, cb, this.core);
    if (outcome.edit?.answers) this.core.answers.remember(cb.chatId, outcome.edit.answers, cb.messageId);
    return outcome;
  }
}

/** The reply to a button that no longer means anything. */
export const EXPIRED = '这个按钮已过期，请重新提问。';

/** The refusal for a sender whose binding waits for an admin. */
const PENDING = '您的单位绑定还在等待管理员批准：批准前可以查询本单位的任务（/mine、/todo），不能办结、撤销或设置提醒。也可以请管理员用 /invite 发给您邀请链接。';

/** Which feature answers each kind of button. */
const BUTTONS: { [K in ButtonKind]?: ButtonHandler<K> } = Object.assign({}, ...FEATURES.map((f) => f.buttons ?? {}));
