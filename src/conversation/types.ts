/** A message as the conversation core sees it: no Telegram types. */
export interface Incoming {
  chatId: number;
  chatType: 'private' | 'group' | 'supergroup' | 'channel';
  userId: number;
  /** The text, command included (/ask …), with any @botname mention removed. */
  text: string;
  /** In ADMIN_IDS. */
  isBotAdmin: boolean;
  /** Asks the platform whether the sender administers this chat (group admins). */
  isChatAdmin: () => Promise<boolean>;
  /** YYYY-MM-DD in the configured time zone. */
  today: string;
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
}

export interface CallbackIncoming {
  chatId: number;
  userId: number;
  data: string;
  isBotAdmin: boolean;
  isChatAdmin?: () => Promise<boolean>;
  today: string;
}

/** What a button press does: a short notice (toast) and/or a new content for the same message. */
export interface CallbackOutcome {
  notice?: string;
  edit?: Reply;
}
