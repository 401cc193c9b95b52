import type { Binding } from '../store/chat-bindings.js';
import type { ButtonData, ButtonKind } from './buttons.js';
import type { ConversationCore } from './core.js';
import type { CallbackIncoming, CallbackOutcome, Incoming, Reply } from './types.js';

/**
 * Who may use a command: everyone; a sender bound to a unit (`/unit`, granted or pending); a sender
 * whose binding an admin granted (or an invite); a bot admin or a bound sender; a chat admin (a bot
 * admin, the group's admins, anyone in a private chat); a bot admin (ADMIN_IDS). Bot-admin commands
 * appear only in the admins' own command menus.
 */
export type Who = 'everyone' | 'bound' | 'granted' | 'admin-or-bound' | 'chat-admin' | 'bot-admin';

export interface CommandRequest {
  msg: Incoming;
  /** The text after the command, trimmed. */
  args: string;
  /** The sender's bound unit as words to ask with (蕉岭 县财政局); set whenever the sender is bound. */
  unit?: string;
}

/** One command: its name, its Chinese description (menus, /help), who may use it, and its handler. */
export interface Command {
  command: string;
  description: string;
  who: Who;
  /** The reply to a sender who is not `who` (every `who` but everyone has one). */
  refusal?: string;
  /** False for a command that is neither in the menus nor in /help (/start). */
  listed?: boolean;
  handle(req: CommandRequest, core: ConversationCore): Promise<Reply[]>;
}

export type ButtonHandler<K extends ButtonKind> = (button: Extract<ButtonData, { kind: K }>, cb: CallbackIncoming, core: ConversationCore) => Promise<CallbackOutcome>;

/** A file sent to the bot (a plan upload). */
export type DocumentHandler = (msg: Incoming, file: { name: string; size?: number }, download: () => Promise<Uint8Array>, core: ConversationCore) => Promise<Reply>;

/** A message that may answer a question a feature asked its sender (a 办结 note): the replies, or undefined when it asked nothing, so the message is read as usual. */
export type AnswerHandler = (msg: Incoming, core: ConversationCore) => Promise<Reply[] | undefined>;

/** A feature: its commands, the buttons it answers, the answers to its questions, and (plans) the files it takes. */
export interface Feature {
  commands: Command[];
  buttons?: { [K in ButtonKind]?: ButtonHandler<K> };
  answer?: AnswerHandler;
  document?: DocumentHandler;
}

/** Whether a sender (of a message, or the presser of a button) is `who`, given their binding. */
export async function allowed(who: Who, msg: Pick<Incoming, 'chatType' | 'isBotAdmin' | 'isChatAdmin'>, binding: Binding | undefined): Promise<boolean> {
  switch (who) {
    case 'everyone':
      return true;
    case 'bound':
      return binding !== undefined;
    case 'granted':
      return binding?.granted !== undefined;
    case 'admin-or-bound':
      return msg.isBotAdmin || binding !== undefined;
    case 'chat-admin':
      return msg.chatType === 'private' || msg.isBotAdmin || (await msg.isChatAdmin());
    case 'bot-admin':
      return msg.isBotAdmin;
  }
}
