import { z } from 'zod';
import type { KeyValueStore } from '../store/store.js';

/** A unit a chat (or a user in a group) is bound to: the words to ask with, e.g. 蕉岭 县财政局. */
export const Binding = z.object({ unit: z.string().min(1), region: z.string().optional(), at: z.string() });
export type Binding = z.infer<typeof Binding>;

export const ChatSettings = z.object({
  region: z.string().optional(),
  /** Reminders: on by default for a chat bound to a unit, off by default in groups. */
  remind: z.boolean().optional(),
  remindDays: z.array(z.number().int().min(0).max(60)).optional(),
});
export type ChatSettings = z.infer<typeof ChatSettings>;

/**
 * Per-chat state on top of the store: unit bindings (the chat in a private chat, each user in a
 * group) and chat settings (the default region). Stored values are validated on read.
 */
export class ChatState {
  constructor(private readonly store: KeyValueStore) {}

  bindingKey(chatId: number, userId: number, isGroup: boolean): string {
    return isGroup ? `${chatId}:${userId}` : `${chatId}`;
  }

  binding(key: string): Binding | undefined {
    const parsed = Binding.safeParse(this.store.read('bindings', key));
    return parsed.success ? parsed.data : undefined;
  }

  bind(key: string, b: Binding): void {
    this.store.write('bindings', key, b);
  }

  settings(chatId: number): ChatSettings {
    const parsed = ChatSettings.safeParse(this.store.read('chats', String(chatId)));
    return parsed.success ? parsed.data : {};
  }

  setRegion(chatId: number, region: string): void {
    this.update(chatId, { region });
  }

  update(chatId: number, change: Partial<ChatSettings>): void {
    this.store.write('chats', String(chatId), { ...this.settings(chatId), ...change });
  }

  allBindings(): Array<{ key: string; binding: Binding }> {
    return this.store.list('bindings').flatMap(({ key, value }) => {
      const parsed = Binding.safeParse(value);
      return parsed.success ? [{ key, binding: parsed.data }] : [];
    });
  }
}
