import type { AnswerState } from './answer-memory.js';

/** A message as the conversation core sees it: no Telegram types. */
export interface Incoming {
  chatId: number;
  chatType: 'private' | 'group' | 'supergroup' | 'channel';
  userId: number;
  /** The sender as people know them (Li @user7), for who did what. */
  userName?: string;
  /** The bot's own username, for links that open a chat with it (invites). */
  botUsername?: string;
  /** The text, command included (/ask …), with any @botname mention removed. */
  text: string;
  /** In ADMIN_IDS. */
  isBotAdmin: boolean;
  /** Asks the platform whether the sender administers this chat (group admins). */
  isChatAdmin: () => Promise<boolean>;
  /** YYYY-MM-DD in the configured time zone. */
  today: string;
  /** The id of the bot's message this one replies to (Telegram reply_to_message), if any. */
  replyTo?: number;
}

export interface Button {
  text: string;
  data: string;
}

/** One message to send: a page of text, inline buttons (rows), and optionally a picture or a file. */
export interface Reply {
  text: string;
  buttons?: Button[][];
  photo?: { png: Buffer; filename: string };
  file?: { bytes: Buffer; filename: string };
  /** Asks for an answer: the chat opens a reply to this message, with this placeholder in the input field. */
  forceReply?: string;
  /** Replaces an earlier message of the bot in the same chat (e.g. an upload preview) instead of sending a new one. */
  editMessageId?: number;
  /** What this message answers: a reply to it is a follow-up of that question; typed 下一页 turns its page. */
  answers?: AnswerState;
  /** Goes to another chat, as a message of its own: a chat's id, or every bot admin's private chat. */
  to?: number | 'bot-admins';
}

export interface CallbackIncoming {
  chatId: number;
  userId: number;
  userName?: string;
  /** The message whose button was pressed. */
  messageId?: number;
  data: string;
  isBotAdmin: boolean;
  isChatAdmin?: () => Promise<boolean>;
  today: string;
}

/** What a button press does: a short notice (toast), a new content for the same message, and/or new messages (in this chat, or `to` another). */
export interface CallbackOutcome {
  notice?: string;
  edit?: Reply;
  replies?: Reply[];
}
