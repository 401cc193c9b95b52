import pino from 'pino';
import { addDays, isoDate } from '../../src/domain/calendar.js';
import { Library } from '../../src/library/library.js';
import type { SearchEngine } from '../../src/search/engine.js';
import { ArchivedPlans } from '../../src/store/archived-plans.js';
import { ChatBindings } from '../../src/store/chat-bindings.js';
import { MemoryStore } from '../../src/store/store.js';
import type { MorningMessage } from '../../src/tracking/morning-message.js';
import { ReminderScheduler } from '../../src/tracking/scheduler.js';
import { StatusBook } from '../../src/tracking/task-status.js';

export type MorningClock = ReturnType<typeof morningClock>;

/**
 * The reminder scheduler over a fake clock, for chat 42 bound (granted) to 测试 县财政局: `sent`
 * collects each morning message with its day; `at` sets the clock, `runDays` ticks every morning.
 */
export function morningClock(engine: SearchEngine, seeds: string, store = new MemoryStore()) {
  const sent: Array<{ day: string; chatId: number; text: string; message: MorningMessage }> = [];
  let now = new Date('2016-06-01T01:00:00Z');
  const make = () =>
    new ReminderScheduler({
      library: new Library(engine, seeds),
      store,
      status: new StatusBook(store),
      archived: new ArchivedPlans(store),
      log: pino({ level: 'silent' }),
      send: async (m) => {
        sent.push({ day: now.toISOString().slice(0, 10), chatId: m.chatId, text: m.text, message: m });
        return true;
      },
      now: () => now,
      timeZone: 'Asia/Shanghai',
    });
  new ChatBindings(store).set({ chatId: 42 }, { unit: '测试 县财政局', at: 'x', granted: { by: 'test', at: 'x' } });
  /** 09:00 Shanghai on a day. */
  const at = (day: string, hour = 9) => {
    now = new Date(`${day}T${String(hour - 8).padStart(2, '0')}:00:00Z`);
  };
  const runDays = async (from: string, to: string, scheduler = make()) => {
    for (let day = from; day <= to; day = addDays(isoDate(day), 1)) {
      at(day);
      await scheduler.tick();
    }
  };
  /** The days on which a message listed the task cited (测试 1). */
  const daysOf = (cite: string) => sent.filter((r) => r.text.includes(`[${cite}]`)).map((r) => r.day);
  return { store, sent, make, at, runDays, daysOf };
}
