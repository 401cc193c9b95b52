import type { Agent } from 'node:http';
import type { Logger } from 'pino';
import { type Context, Input, Telegraf, type Telegram } from 'telegraf';
import type { BotCommand, BotCommandScope, ForceReply, InlineKeyboardMarkup, ReplyParameters, Update, User } from 'telegraf/types';
import type { Command } from '../conversation/command.js';
import { COMMANDS, type Conversation, EXPIRED } from '../conversation/conversation.js';
import { listed } from '../conversation/features/help.js';
import type { Incoming, Reply } from '../conversation/types.js';
import { MAX_UPLOAD_BYTES } from '../conversation/uploads.js';
import { todayIn } from '../domain/calendar.js';
import { download } from './download.js';
import type { Delivery } from './delivery.js';
import { keyboard, renderHtml } from './html.js';
import { splitText } from './split-text.js';

export interface BotDeps {
  token: string;
  apiRoot: string;
  agent?: Agent;
  adminIds: number[];
  timeZone: string;
  conversation: Conversation;
  delivery: Delivery;
  log: Logger;
  /** "Today" for answers; injectable for tests. */
  today?: () => string;
}

/**
 * The telegraf bot: a thin adapter from Telegram updates to the conversation core and back. In
 * private chats any text (or a photo's caption) is a question; in groups only commands, @mentions
 * and replies to the bot's own messages are (so it works with privacy mode on). Every answer replies
 * to the asking message; a text longer than a message is sent as several, split on line boundaries.
 * A group that became a supergroup takes what the bot keeps for it to its new id.
 */
export function createBot(deps: BotDeps): Telegraf {
  const bot = new Telegraf(deps.token, { telegram: { apiRoot: deps.apiRoot, agent: deps.agent }, handlerTimeout: 120_000 });
  const today = deps.today ?? (() => todayIn(deps.timeZone));

  // One log line per update: id, chat, latency, outcome; a child logger carries the ids.
  bot.use(async (ctx, next) => {
    const started = performance.now();
    const log = deps.log.child({ update_id: ctx.update.update_id, chat_id: ctx.chat?.id, user_id: ctx.from?.id });
    let outcome = 'ok';
    try {
      await next();
    } catch (e) {
      outcome = 'error';
      throw e;
    } finally {
      log.info({ msg: 'update', type: ctx.updateType, latency_ms: Math.round(performance.now() - started), outcome });
    }
  });

  bot.on('callback_query', async (ctx) => {
    const cb = ctx.callbackQuery;
    const data = 'data' in cb ? cb.data : undefined;
    const chat = cb.message?.chat;
    let notice: string | undefined;
    try {
      if (data && chat && cb.message) {
        const messageId = cb.message.message_id;
        const outcome = await deps.conversation.handleCallback({
          chatId: chat.id,
          userId: cb.from.id,
          userName: nameOf(cb.from),
          messageId,
          data,
          isBotAdmin: deps.adminIds.includes(cb.from.id),
          isChatAdmin: () => isChatAdmin(ctx, cb.from.id, deps.log),
          today: today(),
        });
        notice = outcome.notice;
        if (outcome.edit) void sendText(ctx.telegram, deps, chat.id, outcome.edit, { edit: messageId });
        for (const r of outcome.replies ?? []) void route(ctx.telegram, deps, chat.id, r, {});
      } else notice = EXPIRED;
    } finally {
      // Every callback query is answered, whatever happened above.
      deps.delivery.background('answerCbQuery', () => ctx.answerCbQuery(notice));
    }
  });

  // A plan file: in private chats, or in groups with a caption that @mentions the bot.
  bot.on('document', async (ctx) => {
    const msg = ctx.message;
    const isGroup = ctx.chat.type !== 'private';
    const username = ctx.botInfo?.username ?? '';
    if (isGroup && !(username && (msg.caption ?? '').includes(`@${username}`))) return;
    const incoming = toIncoming(ctx, msg.caption ?? '', msg.from, deps, today());
    const doc = msg.document;
    const reply = await deps.conversation.handleDocument(incoming, { name: doc.file_name ?? 'upload', size: doc.file_size }, async () =>
      download(await ctx.telegram.getFileLink(doc.file_id), deps.agent, MAX_UPLOAD_BYTES),
    );
    void send(ctx, deps, reply, msg.message_id);
  });

  bot.on('message', async (ctx) => {
    const msg = ctx.message;
    if ('migrate_to_chat_id' in msg) {
      deps.conversation.moveChat(ctx.chat.id, msg.migrate_to_chat_id);
      return;
    }
    // A question is a text, or the caption of a photo.
    const said = 'text' in msg ? msg.text : 'photo' in msg ? msg.caption : undefined;
    if (typeof said !== 'string') return;
    const isGroup = ctx.chat.type !== 'private';
    const repliedTo = 'reply_to_message' in msg ? msg.reply_to_message : undefined;
    const text = addressedText(ctx, said, repliedTo, isGroup);
    if (text === undefined) return;
    deps.delivery.background('sendChatAction', () => ctx.sendChatAction('typing'));
    const incoming = { ...toIncoming(ctx, text, msg.from, deps, today()), replyTo: repliedTo && repliedTo.from?.id === ctx.botInfo?.id ? repliedTo.message_id : undefined };
    const replies = await deps.conversation.handle(incoming);
    // Queued, not awaited: the chat's queue keeps the order, and polling goes on while Telegram's
    // rate limits space the sends out.
    for (const r of replies) void send(ctx, deps, r, msg.message_id);
  });

  bot.catch(async (err, ctx) => {
    deps.log.error({ msg: 'bot.error', update_id: ctx.update.update_id, error: String((err as Error)?.stack ?? err) });
    if (ctx.chat) {
      const chat = ctx.chat;
      await deps.delivery.run(chat.id, chat.type !== 'private', 'sendMessage', () => ctx.telegram.sendMessage(chat.id, '抱歉，处理这条消息时出错了，请稍后再试。'));
    }
  });
  return bot;
}

/** Sends a reminder (or any message not replying to one), with its buttons, through the same delivery as answers. */
export function sendReminder(bot: Telegraf, delivery: Delivery, chatId: number, reply: Reply): Promise<boolean> {
  return sendText(bot.telegram, { delivery }, chatId, reply, {}).then((id) => id !== undefined);
}

/** Registers the command menus with Telegram without holding anything up; a failure is only logged. */
export function registerCommands(bot: Telegraf, delivery: Delivery, adminIds: number[]): void {
  for (const menu of commandMenus(COMMANDS, adminIds)) delivery.background('setMyCommands', () => bot.telegram.setMyCommands(menu.commands, { scope: menu.scope }));
}

/**
 * The command menus of a command table: everyone's (the default scope) without the bot-admin
 * commands, and each admin's private chat (BotCommandScopeChat) with all of them.
 */
export function commandMenus(commands: Command[], adminIds: number[]): Array<{ scope: BotCommandScope; commands: BotCommand[] }> {
  const entry = (c: Command): BotCommand => ({ command: c.command, description: c.description });
  const shown = listed(commands);
  return [
    { scope: { type: 'default' }, commands: shown.filter((c) => c.who !== 'bot-admin').map(entry) },
    ...adminIds.map((id) => ({ scope: { type: 'chat', chat_id: id } as BotCommandScope, commands: shown.map(entry) })),
  ];
}

function toIncoming(ctx: Context<Update>, text: string, from: User | undefined, deps: BotDeps, today: string): Incoming {
  return {
    chatId: ctx.chat!.id,
    chatType: ctx.chat!.type,
    userId: from?.id ?? 0,
    userName: from && nameOf(from),
    botUsername: ctx.botInfo?.username,
    text,
    isBotAdmin: deps.adminIds.includes(from?.id ?? -1),
    isChatAdmin: () => isChatAdmin(ctx, from?.id, deps.log),
    today,
  };
}

/** Sends a reply to a message (or, with `to`, to another chat); an answer's message id goes back to the conversation (follow-ups). */
async function send(ctx: Context<Update>, deps: BotDeps, reply: Reply, replyTo: number): Promise<void> {
  const chatId = ctx.chat!.id;
  if (reply.editMessageId !== undefined) {
    await sendText(ctx.telegram, deps, chatId, reply, { edit: reply.editMessageId });
    return;
  }
  if (reply.to !== undefined) {
    await route(ctx.telegram, deps, chatId, reply, {});
    return;
  }
  const { delivery } = deps;
  const isGroup = chatId < 0;
  const reply_parameters = fileReplyTo(replyTo);
  if (reply.file) {
    const file = reply.file;
    await delivery.run(chatId, isGroup, 'sendDocument', () => ctx.telegram.sendDocument(chatId, Input.fromBuffer(file.bytes, file.filename), { caption: reply.text.slice(0, 1000), reply_parameters }));
    return;
  }
  if (reply.photo) {
    // Queued after the text, in the same chat queue: the picture follows the report it illustrates.
    const photo = reply.photo;
    setImmediate(() => void delivery.run(chatId, isGroup, 'sendPhoto', () => ctx.telegram.sendPhoto(chatId, Input.fromBuffer(photo.png, photo.filename), { reply_parameters })));
  }
  await route(ctx.telegram, deps, chatId, reply, { replyTo });
}

/** Sends a reply to its chat: `to` (a chat, or every bot admin's), else the chat it answers; remembers what an answer answers. */
async function route(telegram: Telegram, deps: Pick<BotDeps, 'delivery' | 'conversation' | 'adminIds'>, chatId: number, reply: Reply, opts: { replyTo?: number }): Promise<void> {
  const chats = reply.to === 'bot-admins' ? deps.adminIds : [reply.to ?? chatId];
  await Promise.all(
    chats.map(async (id) => {
      const sent = await sendText(telegram, deps, id, reply, id === chatId ? opts : {});
      if (sent !== undefined) deps.conversation.sent(id, sent, reply);
    }),
  );
}

/**
 * Sends a reply's text in as many messages as it takes (at most MAX_MESSAGE characters each, split
 * on line boundaries), all queued at once so nothing else of the chat comes between: the first
 * replies to `replyTo` or replaces the message `edit`, the buttons go with the last. Resolves to
 * the last message's id; undefined when it could not be delivered.
 */
function sendText(telegram: Telegram, deps: Pick<BotDeps, 'delivery'>, chatId: number, reply: Reply, opts: { replyTo?: number; edit?: number }): Promise<number | undefined> {
  const parts = splitText(reply.text, MAX_MESSAGE);
  const isGroup = chatId < 0;
  const last = parts.length - 1;
  const sends = parts.map((part, i) => {
    const html = renderHtml(part);
    if (i === 0 && opts.edit !== undefined) {
      const messageId = opts.edit;
      return deps.delivery
        .run(chatId, isGroup, 'editMessageText', () => telegram.editMessageText(chatId, messageId, undefined, html, { parse_mode: 'HTML', reply_markup: i === last ? keyboard(reply.buttons) : undefined }))
        .then((r) => (r === undefined ? undefined : messageId));
    }
    return deps.delivery
      .run(chatId, isGroup, 'sendMessage', () =>
        telegram.sendMessage(chatId, html, {
          parse_mode: 'HTML',
          reply_parameters: i === 0 && opts.replyTo !== undefined ? { message_id: opts.replyTo, allow_sending_without_reply: true } : undefined,
          reply_markup: i === last ? markup(reply) : undefined,
          link_preview_options: { is_disabled: true },
        }),
      )
      .then((m) => m?.message_id);
  });
  return Promise.all(sends).then((ids) => ids[last]);
}

/**
 * The reply_parameters of a call that uploads a file (sendPhoto, sendDocument), threading it under
 * the question. telegraf 4.16 sends such a call as multipart/form-data and writes only some object
 * fields (reply_markup …) as JSON: an object reply_parameters is dropped and the file arrives
 * unthreaded. As a JSON string it is a plain form field, which the Bot API reads as the object.
 */
function fileReplyTo(messageId: number): ReplyParameters {
  return JSON.stringify({ message_id: messageId, allow_sending_without_reply: true }) as unknown as ReplyParameters;
}

/** Inline buttons, or a forced reply (the chat opens an answer to this message) for a question. */
function markup(reply: Reply): InlineKeyboardMarkup | ForceReply | undefined {
  return reply.forceReply ? { force_reply: true, input_field_placeholder: reply.forceReply.slice(0, 64) } : keyboard(reply.buttons);
}

/**
 * The text of a message meant for the bot, without the @mention; undefined for group chatter.
 * In groups: commands (to this bot or to no bot in particular), @mentions, replies to the bot.
 */
function addressedText(ctx: Context<Update>, said: string, repliedTo: { from?: User } | undefined, isGroup: boolean): string | undefined {
  const username = ctx.botInfo?.username ?? '';
  const mention = username ? new RegExp(`@${username}\\b`, 'gi') : undefined;
  const command = /^\/[a-z_]+(?:@(\w+))?/i.exec(said);
  if (command) {
    if (command[1] && username && command[1].toLowerCase() !== username.toLowerCase()) return undefined;
    return said.replace(/^(\/[a-z_]+)@\w+/i, '$1');
  }
  if (!isGroup) return said;
  if (mention && mention.test(said)) return said.replace(mention, ' ').trim();
  if (repliedTo?.from && ctx.botInfo && repliedTo.from.id === ctx.botInfo.id) return said;
  return undefined;
}

/** A Telegram user as people know them: Li @user7. */
function nameOf(u: User): string {
  return [[u.first_name, u.last_name].filter(Boolean).join(' '), u.username && `@${u.username}`].filter(Boolean).join(' ');
}

async function isChatAdmin(ctx: Context<Update>, userId: number | undefined, log: Logger): Promise<boolean> {
  if (ctx.chat?.type === 'private') return true;
  if (userId === undefined) return false;
  try {
    const member = await ctx.getChatMember(userId);
    return member.status === 'creator' || member.status === 'administrator';
  } catch (e) {
    log.warn({ msg: 'telegram.get_chat_member_failed', error: String((e as Error).message) });
    return false;
  }
}

/** Telegram's longest message text. */
const MAX_MESSAGE = 4096;
