import { z } from 'zod';
import { moveChat, type KeyValueStore } from './store.js';

/**
 * A unit a chat (or a user in a group) is bound to: the words to ask with, e.g. 蕉岭 县财政局. A
 * binding someone claimed with /unit is pending until an admin grants it (or it came from an
 * invite): pending, the chat may ask about the unit but not close, reopen or be reminded of its tasks.
 */
export const Binding = z.object({
  unit: z.string().min(1),
  region: z.string().optional(),
  at: z.string(),
  /** Who granted it (an admin's approval, an invite link) and when; absent: pending. */
  granted: z.object({ by: z.string(), at: z.string() }).optional(),
  /** The id the approval buttons carry, while pending. */
  request: z.string().optional(),
});
export type Binding = z.infer<typeof Binding>;

/** Who a binding belongs to: a private chat as a whole, or one user in a group. */
export interface BindingOwner {
  chatId: number;
  /** Set for a user in a group; absent for a private chat. */
  userId?: number;
}

/**
 * Unit bindings, in the store: the chat in a private chat, each user in a group. The one place that
 * knows how an owner is keyed; stored values are validated on read (a bad one reads as unbound).
 */
export class ChatBindings {
  constructor(private readonly store: KeyValueStore) {}

  /** The owner of a message's binding: the chat when private, else the sender in that group. */
  static ownerOf(chatId: number, userId: number, isGroup: boolean): BindingOwner {
    return isGroup ? { chatId, userId } : { chatId };
  }

  get(owner: BindingOwner): Binding | undefined {
    const parsed = Binding.safeParse(this.store.read(NS, key(owner)));
    return parsed.success ? parsed.data : undefined;
  }

  set(owner: BindingOwner, binding: Binding): void {
    this.store.write(NS, key(owner), binding);
  }

  delete(owner: BindingOwner): void {
    this.store.delete(NS, key(owner));
  }

  /** The pending binding whose approval buttons carry `request`. */
  byRequest(request: string): { owner: BindingOwner; binding: Binding } | undefined {
    return this.all().find((b) => b.binding.request === request && !b.binding.granted);
  }

  /** Every valid binding with its owner. */
  all(): Array<{ owner: BindingOwner; binding: Binding }> {
    return this.store.list(NS).flatMap(({ key: k, value }) => {
      const parsed = Binding.safeParse(value);
      const owner = ownerOfKey(k);
      return parsed.success && owner ? [{ owner, binding: parsed.data }] : [];
    });
  }

  /** A group that became a supergroup: its bindings move to the new chat id. */
  moveChat(from: number, to: number): void {
    moveChat(this.store, NS, from, to);
  }
}

/** The words a binding asks with: region (if any) and unit, e.g. 蕉岭 县财政局. */
export function boundWords(b: Pick<Binding, 'unit' | 'region'>): string {
  return `${b.region ?? ''} ${b.unit}`.trim();
}

function key(owner: BindingOwner): string {
  return owner.userId === undefined ? `${owner.chatId}` : `${owner.chatId}:${owner.userId}`;
}

function ownerOfKey(k: string): BindingOwner | undefined {
  const m = /^(-?\d+)(?::(-?\d+))?$/.exec(k);
  if (!m) return undefined;
  return m[2] === undefined ? { chatId: Number(m[1]) } : { chatId: Number(m[1]), userId: Number(m[2]) };
}

const NS = 'bindings';
