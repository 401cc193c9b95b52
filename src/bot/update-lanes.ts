import type { Logger } from 'pino';
import type { Update } from 'telegraf/types';
import { Pending } from './pending.js';

/**
 * Runs updates one chat at a time per chat and chats side by side: an update waits only for the
 * earlier updates of its own chat, so a slow one (an upload, a /reload) holds up no other chat, and
 * each chat's replies keep the order of its questions. A handler's failure is logged, never thrown.
 */
export class UpdateLanes {
  private readonly tails = new Map<string, Promise<void>>();
  private readonly pending = new Pending();

  constructor(
    private readonly handle: (update: Update) => Promise<void>,
    private readonly log: Logger,
  ) {}

  /** Updates accepted and not yet handled. */
  get size(): number {
    return this.pending.size;
  }

  /** Queues an update behind its chat's earlier ones; resolves when it has been handled. */
  dispatch(update: Update): Promise<void> {
    const lane = laneOf(update);
    this.pending.add();
    const run = (this.tails.get(lane) ?? Promise.resolve())
      .then(() => this.handle(update))
      .catch((e: unknown) => this.log.error({ msg: 'update.failed', update_id: update.update_id, error: e }))
      .finally(() => {
        if (this.tails.get(lane) === run) this.tails.delete(lane);
        this.pending.done();
      });
    this.tails.set(lane, run);
    return run;
  }

  /** Waits until every accepted update is handled, for at most `timeoutMs`; true when none is left. */
  settled(timeoutMs: number): Promise<boolean> {
    return this.pending.settled(timeoutMs);
  }
}

/** The chat an update belongs to (its sender for updates without a chat). */
function laneOf(update: Update): string {
  const u = update as unknown as Record<string, { chat?: { id: number }; message?: { chat?: { id: number } }; from?: { id: number } } | undefined>;
  for (const kind of ['message', 'edited_message', 'channel_post', 'edited_channel_post', 'my_chat_member', 'chat_member', 'chat_join_request']) {
    const id = u[kind]?.chat?.id;
    if (id !== undefined) return `chat:${id}`;
  }
  const cb = u.callback_query;
  if (cb?.message?.chat) return `chat:${cb.message.chat.id}`;
  for (const v of Object.values(u)) if (v && typeof v === 'object' && v.from) return `user:${v.from.id}`;
  return 'other';
}
