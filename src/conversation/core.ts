import type { Logger } from 'pino';
import type { IndexedTask } from '../search/corpus.js';
import type { Library, ReloadReport } from '../search/library.js';
import type { SearchResult } from '../search/retrieve.js';
import { type BindingOwner, boundWords, ChatBindings } from '../store/chat-bindings.js';
import { ChatSettingsStore } from '../store/chat-settings.js';
import type { KeyValueStore } from '../store/store.js';
import { StatusBook } from '../tracking/task-status.js';
import { OwnTaskCache } from '../tracking/unit-tasks.js';
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
 * chat settings, task states, archived plans), the button codec, and the questions asked so far.
 */
export class ConversationCore {
  readonly bindings: ChatBindings;
  readonly settings: ChatSettingsStore;
  readonly status: StatusBook;
  readonly buttons: ButtonCodec;
  readonly startedAt = Date.now();
  private questions = 0;

  constructor(readonly deps: ConversationDeps) {
    this.bindings = new ChatBindings(deps.store);
    this.settings = new ChatSettingsStore(deps.store);
    this.status = new StatusBook(deps.store);
    this.buttons = new ButtonCodec(deps.store);
  }

  /** How many questions were answered since start-up (/stats). */
  get answered(): number {
    return this.questions;
  }

  ask(question: string, today: string): SearchResult {
    this.questions++;
    return this.deps.library.current.ask(question, today);
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

  /** The sender's bound unit as words to ask with, or undefined when not bound. */
  boundUnit(msg: Incoming): string | undefined {
    const b = this.bindings.get(this.owner(msg));
    return b ? boundWords(b) : undefined;
  }

  /** A unit's own open-or-done tasks in the plans current on `today` (what /todo and reminders see). */
  currentOwnTasks(unit: string, today: string): IndexedTask[] {
    return new OwnTaskCache(this.deps.library.current, today, (d) => this.deps.plans.isArchived(d)).tasksOf(unit);
  }

  isDone = (taskId: string): boolean => this.status.isDone(taskId);

  /** Reloads the documents folder: the composed reload (which also saves the index) or the library's. */
  reload(): Promise<ReloadReport> {
    return this.deps.reload ? this.deps.reload() : this.deps.library.reload();
  }
}
