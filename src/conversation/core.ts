import type { Logger } from 'pino';
import { planEnded } from '../domain/status-label.js';
import { followUp } from '../query/follow-up.js';
import { parseQuery } from '../query/query-parser.js';
import type { Corpus, IndexedTask } from '../search/corpus.js';
import type { Library, ReloadReport } from '../library/library.js';
import type { SearchResult } from '../search/retrieve.js';
import { type Binding, type BindingOwner, boundWords, ChatBindings } from '../store/chat-bindings.js';
import { ChatSettingsStore } from '../store/chat-settings.js';
import { Invites } from '../store/invites.js';
import type { KeyValueStore } from '../store/store.js';
import { moveSentReminders } from '../tracking/scheduler.js';
import { periodOf, type Period } from '../tracking/period.js';
import { StatusBook, type StatusEntry } from '../tracking/task-status.js';
import { AnswerMemory } from './answer-memory.js';
import { ButtonCodec } from './buttons.js';
import type { PlanFolder } from './plan-folder.js';
import type { Incoming } from './types.js';
import type { Uploads } from './uploads.js';

export interface ConversationDeps {
  library: Library;
  store: KeyValueStore;
  log: Logger;
  /** The documents folder: uploads, /remove and /archive go through it. */
  plans: PlanFolder;
  /** Uploaded plans waiting for 加入索引; uploads are refused without it. */
  uploads?: Uploads;
  /** Re-reads the documents folder (and saves the index); defaults to the library's reload. */
  reload?: () => Promise<ReloadReport>;
  /** Group admins (not only bot admins) may upload plans and decide uploads in their group. */
  groupAdminsMayUpload?: boolean;
}

/**
 * What every feature works with: the engine behind the library, the store's repositories (bindings,
 * chat settings, task states, archived plans, the answers given), the button codec, and the
 * questions asked so far.
 */
export class ConversationCore {
  readonly bindings: ChatBindings;
  readonly settings: ChatSettingsStore;
  readonly status: StatusBook;
  readonly buttons: ButtonCodec;
  readonly answers: AnswerMemory;
  readonly invites: Invites;
  readonly startedAt = Date.now();
  private questions = 0;
  /** Each corpus's tasks by id (a reload makes a new corpus). */

  constructor(readonly deps: ConversationDeps) {
    this.bindings = new ChatBindings(deps.store);
    this.settings = new ChatSettingsStore(deps.store);
    this.status = new StatusBook(deps.store);
    this.buttons = new ButtonCodec(deps.store);
    this.answers = new AnswerMemory(deps.store);
    this.invites = new Invites(deps.store);
  }

  /** How many questions were answered since start-up (/stats). */
  get answered(): number {
    return this.questions;
  }

  /**
   * Answers a question — or, on several lines, a question and the follow-ups replying to its answer,
   * each read with the one before as context (followUp). Status questions (逾期的, 还有几项没完成)
   * count the 办结 record.
   */
  ask(question: string, today: string): SearchResult {
    this.questions++;
    const engine = this.deps.library.current;
    const lines = question.split('\n');
    if (lines.length === 1) return engine.ask(question, today, this.doneOn(today));
    const query = lines.map((line) => parseQuery(line, { today, vocab: engine.vocab })).reduce(followUp);
    return engine.answer(query, this.doneOn(today));
  }

  /** Asks a question; the chat's default region applies when the question names none it can use. */
  askInRegion(text: string, today: string, chatId: number): { question: string; result: SearchResult } {
    const question = text.trim();
    const result = this.ask(question, today);
    const region = this.settings.get(chatId).region;
    if (!region || result.query.regionWords.length > 0 || result.reason === 'not-understood') return { question, result };
    const regional = `${region} ${question}`;
    return { question: regional, result: this.ask(regional, today) };
  }

  owner(msg: Incoming): BindingOwner {
    return ChatBindings.ownerOf(msg.chatId, msg.userId, msg.chatType !== 'private');
  }

  /** The sender's binding, granted or pending; undefined when not bound. */
  binding(msg: Incoming): Binding | undefined {
    return this.bindings.get(this.owner(msg));
  }

  /** The sender's bound unit as words to ask with, or undefined when not bound. */
  boundUnit(msg: Incoming): string | undefined {
    const b = this.binding(msg);
    return b ? boundWords(b) : undefined;
  }

  /**
   * A group that became a supergroup (Telegram's migrate_to_chat_id): its bindings, settings
   * (default region, reminders, uploads), answers and the reminders sent to it move to the new id.
   */
  moveChat(from: number, to: number): void {
    this.bindings.moveChat(from, to);
    this.settings.moveChat(from, to);
    this.answers.moveChat(from, to);
    moveSentReminders(this.deps.store, from, to);
  }

  /**
   * The text with 我单位 / 本单位 / 我们局 / 我们单位 standing for the sender's bound unit (蕉岭 县财政局);
   * undefined when the text says so and the sender is not bound.
   */
  withBoundUnit(msg: Incoming, text: string): string | undefined {
    if (!OWN_UNIT.test(text)) return text;
    const unit = this.boundUnit(msg);
    return unit === undefined ? undefined : text.replace(new RegExp(OWN_UNIT.source, 'g'), ` ${unit} `).trim();
  }

  /** A unit's own tasks in the plans not archived: those of plans current on `today` (what reminders see), and of plans whose year ended. */
  ownTasks(unit: string, today: string): { current: IndexedTask[]; ended: IndexedTask[] } {
    const kept = this.deps.library.current.ownTasks(unit, today).filter((t) => !this.deps.plans.isArchived(t.doc.doc));
    return { current: kept.filter((t) => !planEnded(t.doc.year, today)), ended: kept.filter((t) => planEnded(t.doc.year, today)) };
  }

  /**
   * Whether a task is closed (办结) as of `today`: what answers, /todo, reminders, reports and the
   * export read. A periodic task (每月, 每季度, 每半年, 每年) is closed when its period holding
   * `today` is.
   */
  doneOn(today: string): (taskId: string) => boolean {
    return (taskId) => this.closure(taskId, today) !== undefined;
  }

  /** The 办结 (user, at, day, note, period) that closes a task as of `today` — its current period's, for a periodic task; undefined while open. */
  closure(taskId: string, today: string): StatusEntry | undefined {
    return this.status.closure(taskId, this.periodOf(taskId, today));
  }

  /** The period of a task holding `today` (periodOf); undefined for a task that does not recur by periods, or that no plan holds any more. */
  periodOf(taskId: string, today: string): Period | undefined {
    const task = this.taskById(taskId);
    return task && periodOf(task.task, today);
  }

  /** A task of the library by its id; undefined when no plan holds it (any more). */
  taskById(taskId: string): IndexedTask | undefined {
    return this.deps.library.current.corpus.taskById(taskId);
  }

  /** Reloads the documents folder: the composed reload (which also saves the index) or the library's. */
  reload(): Promise<ReloadReport> {
    return this.deps.reload ? this.deps.reload() : this.deps.library.reload();
  }
}

/** The sender's own unit, as people say it. */
const OWN_UNIT = /我单位|本单位|我们单位|我们局/;
