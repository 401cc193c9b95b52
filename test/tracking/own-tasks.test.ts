import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { orderForUnit } from '../../src/answer/format-text.js';
import type { SearchEngine } from '../../src/search/engine.js';
import { Library } from '../../src/library/library.js';
import { buildFromSeeds } from '../../src/library/open.js';
import { ArchivedPlans } from '../../src/store/archived-plans.js';
import { ChatBindings } from '../../src/store/chat-bindings.js';
import { MemoryStore } from '../../src/store/store.js';
import { ReminderScheduler } from '../../src/tracking/scheduler.js';
import { StatusBook } from '../../src/tracking/task-status.js';
import { OwnTaskCache } from '../../src/tracking/unit-tasks.js';
import { testApp } from '../helpers/app.js';
import { planFolder } from '../helpers/plan.js';

const log = pino({ level: 'silent' });
const FOLDERS = { seeds: 'seeds', 'real plans': 'test/fixtures/real/docs', 'test plan': planFolder() };

/** Every named unit of every plan, as a chat would bind it: the plan's region word and the unit (蕉岭 县审计局), with a day in the plan's year. */
function bindings(engine: SearchEngine): Array<{ words: string; today: string }> {
  const out = new Map<string, string>();
  for (const doc of engine.corpus.docs) {
    const region = doc.regionAliases[doc.regionAliases.length - 1] ?? doc.region;
    for (const t of engine.corpus.tasksOf(doc.doc)) {
      for (const u of [...t.lead, ...t.responsible]) if (!u.collective) out.set(`${region} ${u.raw}`, `${doc.year ?? 2016}-01-02`);
    }
  }
  return [...out].map(([words, today]) => ({ words, today }));
}

const ids = (tasks: Array<{ id: string }>) => tasks.map((t) => t.id).sort();

describe('a unit’s own tasks', () => {
  for (const [name, dir] of Object.entries(FOLDERS)) {
    it(`are the same for /mine, /done, /todo and the reminders, for every unit of the ${name}`, async () => {
      const engine = await buildFromSeeds(dir, log);
      const units = bindings(engine);
      expect(units.length).toBeGreaterThan(0);
      for (const { words, today } of units) {
        const mine = orderForUnit(engine.ask(words, today), today).groups.flatMap((g) => g.sections.filter((s) => s.kind !== 'collective').flatMap((s) => s.tasks));
        const own = engine.ownTasks(words, today);
        const current = new OwnTaskCache(engine, today, () => false).tasksOf(words);
        expect(ids(own), words).toEqual(ids(mine));
        // The reminders see every own task of the plans not archived, those whose year ended included.
        expect(ids(current), words).toEqual(ids(own));
      }
      // The reminders of a day reach only the bound unit's own tasks.
      const store = new MemoryStore();
      const chats = new ChatBindings(store);
      units.forEach(({ words }, i) => chats.set({ chatId: i + 1 }, { unit: words, at: 'x', granted: { by: 'test', at: 'x' } }));
      const scheduler = new ReminderScheduler({ library: new Library(engine, dir), store, status: new StatusBook(store), archived: new ArchivedPlans(store), log, send: async () => true, now: () => new Date(), timeZone: 'Asia/Shanghai' });
      const today = units[0].today;
      for (const r of scheduler.plan(today).send) expect(engine.ownTasks(units[r.chatId - 1].words, today).map((t) => t.id)).toContain(r.task.id);
    });
  }

  it('after /unit 蕉岭 县审计局, /todo lists the tasks /mine lists (it once saw none)', async () => {
    const app = await testApp('seeds');
    const say = async (text: string) => (await app.conversation.handle({ chatId: 9, chatType: 'private', userId: 9, text, isBotAdmin: false, isChatAdmin: async () => true, today: '2016-06-15' }))[0].text;
    // Pending (not yet granted), the unit's tasks are there to read.
    expect(await say('/unit 蕉岭 县审计局')).toBe('已登记：本对话 → 蕉岭 县审计局（待管理员批准）。现在可以用 /mine 查看本单位的任务；批准后才能办结、撤销和设置提醒。');
    const named = Number(/县审计局 共 (\d+) 项/.exec(await say('/mine'))?.[1]);
    expect(named).toBeGreaterThan(0);
    expect((await say('/todo')).split('\n')[0]).toBe(`【蕉岭 县审计局】未办结 ${named} 项，其中已逾期 0 项`);
  });
});
