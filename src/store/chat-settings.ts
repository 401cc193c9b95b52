import { z } from 'zod';
import { moveChat, type KeyValueStore } from './store.js';

export const ChatSettings = z.object({
  /** The group's default region for questions that name none. */
  region: z.string().optional(),
  /** Reminders: on by default for a chat bound to a unit, off by default in groups. */
  remind: z.boolean().optional(),
  remindDays: z.array(z.number().int().min(0).max(60)).optional(),
  /** A bot admin let this group's admins upload plans (/allow_uploads). */
  uploads: z.boolean().optional(),
});
export type ChatSettings = z.infer<typeof ChatSettings>;

/** Per-chat settings in the store; a missing or bad value reads as no settings. */
export class ChatSettingsStore {
  constructor(private readonly store: KeyValueStore) {}

  get(chatId: number): ChatSettings {
    const parsed = ChatSettings.safeParse(this.store.read(NS, String(chatId)));
    return parsed.success ? parsed.data : {};
  }

  /** Changes some settings of a chat, keeping the others. */
  update(chatId: number, change: Partial<ChatSettings>): void {
    this.store.write(NS, String(chatId), { ...this.get(chatId), ...change });
  }

  /** A group that became a supergroup: its settings move to the new chat id. */
  moveChat(from: number, to: number): void {
    moveChat(this.store, NS, from, to);
  }
}

const NS = 'chats';
