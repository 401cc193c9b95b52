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

/** A feature: its commands, the buttons it answers, and (plans) the files it takes. */
export interface Feature {
  commands: Command[];
  buttons?: { [K in ButtonKind]?: ButtonHandler<K> };
  document?: DocumentHandler;
}
