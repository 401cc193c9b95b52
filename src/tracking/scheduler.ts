import type { Logger } from 'pino';
import { localTime } from '../domain/calendar.js';
import type { Library } from '../library/library.js';
import type { IndexedTask } from '../search/corpus.js';
import type { ArchivedPlans } from '../store/archived-plans.js';
import { boundWords, ChatBindings } from '../store/chat-bindings.js';
import { ChatSettingsStore } from '../store/chat-settings.js';
import { moveChat, type KeyValueStore } from '../store/store.js';
import { morningMessages, type MorningMessage } from './morning-message.js';
import { DEFAULT_DAYS, dueReminders, type Reminder, type Subscription } from './reminders.js';
import { periodOf } from './period.js';
import { closureIn, type StatusBook } from './task-status.js';
import { OwnTaskCache } from './unit-tasks.js';

export interface SchedulerDeps {
  library: Library;
  store: KeyValueStore;
  status: StatusBook;
  archived: ArchivedPlans;
  log: Logger;
  /** Sends a chat's morning message (with its buttons) through the same rate-limited, retrying delivery as answers; true when delivered. */
  send: (message: MorningMessage) => Promise<boolean>;
  /** The clock (injectable for tests). */
  now: () => Date;
  timeZone: string;
  /** Local hour from which the day's reminders go out (9 = 09:00). */
  hour?: number;
}

/**
 * Sends each morning's reminders. What was sent is recorded in the store, so a restart neither
 * loses nor doubles one, and a bot that was down at 9:00 sends the day's reminders when it is back.
 */
export class ReminderScheduler {
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;
  private readonly bindings: ChatBindings;
  private readonly settings: ChatSettingsStore;

  constructor(private readonly deps: SchedulerDeps) {
    this.bindings = new ChatBindings(deps.store);
    this.settings = new ChatSettingsStore(deps.store);
  }

  start(everyMs = 60_000): void {
    this.timer = setInterval(() => void this.tick(), everyMs);
    this.timer.unref();
    void this.tick();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Runs the day's reminders if it is morning or later and they have not run today. Returns how many messages were sent. */
  tick(): Promise<number> {
    const { date, hour } = localTime(this.deps.now(), this.deps.timeZone);
    if (hour < (this.deps.hour ?? 9) || this.deps.store.read('reminders', 'lastRun') === date) return Promise.resolve(0);
    // A failed run (a store write on a full disk) is logged and tried again at the next tick: the
    // day is marked as run only when it finished.
    this.running ??= this.runDay(date)
      .catch((e: unknown) => {
        this.deps.log.error({ msg: 'reminders.failed', day: date, error: String((e as Error).message) });
        return 0;
      })
      .finally(() => {
        this.running = undefined;
      });
    return this.running;
  }

  /** Computes and sends the reminders of one day, one message per chat. Returns how many messages were delivered. */
  async runDay(today: string): Promise<number> {
    const reminders = this.plan(today).send;
    let sent = 0;
    for (const message of morningMessages(today, reminders)) {
      if (!(await this.deps.send(message))) continue;
      for (const key of message.keys) this.deps.store.write(SENT, sentKey(message.chatId, key), { sent: today });
      sent++;
    }
    this.deps.store.write('reminders', 'lastRun', today);
    this.deps.log.info({ msg: 'reminders.sent', day: today, messages: sent, reminders: reminders.length });
    return sent;
  }

  /** The reminders due on a day (each chat's, each task's), computed without sending anything. */
  plan(today: string): { send: Reminder[] } {
    const own = new OwnTaskCache(this.deps.library.current, today, (doc) => this.deps.archived.has(doc));
    // What was ever sent, and every task's record, read once for the whole run.
    const already = new Set(this.deps.store.list(SENT).map((r) => r.key));
    const records = this.deps.status.all();
    const closed = (t: IndexedTask) => {
      const r = records.get(t.id);
      return r !== undefined && closureIn(r, periodOf(t.task, today)) !== undefined;
    };
    return { send: dueReminders(today, this.subscriptions(), (unit) => own.tasksOf(unit), closed, (chatId, key) => already.has(sentKey(chatId, key))) };
  }

  /** Chats bound to a unit by a granted binding (private chats by default, groups that opted in with /remind on). */
  subscriptions(): Subscription[] {
    const subs = new Map<string, Subscription>();
    for (const { owner, binding } of this.bindings.all()) {
      if (!binding.granted) continue;
      const { chatId } = owner;
      const settings = this.settings.get(chatId);
      const isGroup = owner.userId !== undefined;
      if (settings.remind === false || (isGroup && settings.remind !== true)) continue;
      const unit = boundWords(binding);
      subs.set(`${chatId}|${unit}`, { chatId, unit, days: settings.remindDays ?? DEFAULT_DAYS });
    }
    return [...subs.values()];
  }
}

/** A group that became a supergroup: what was sent to it counts for its new id, so nothing is sent twice. */
export function moveSentReminders(store: KeyValueStore, from: number, to: number): void {
  moveChat(store, SENT, from, to);
}

function sentKey(chatId: number, key: string): string {
  return `${chatId}|${key}`;
}

const SENT = 'reminders-sent';
