import { z } from 'zod';
import { moveChat, type KeyValueStore } from '../store/store.js';
import { ButtonData } from './buttons.js';

/** What an answer shows: a question (with its follow-ups), a unit's tasks (/mine) or an answer's collective tasks, at a page. */
export type AnswerState = Extract<ButtonData, { kind: 'page' | 'mine' | 'more' }>;

/**
 * Which question each answer message of a chat answers, and the chat's last answer, in the store:
 * a reply to an answer is read with its question as context, typed 下一页 turns the last answer's
 * page. Bounded: a chat keeps its latest MAX_MESSAGES answer messages; a bad record reads as none.
 */
export class AnswerMemory {
  constructor(private readonly store: KeyValueStore) {}

  /** Makes `state` the chat's last answer and, with the id of the message that shows it, that message's. */
  remember(chatId: number, state: AnswerState, messageId?: number): void {
    const prev = this.read(chatId);
    const messages = messageId === undefined ? prev.messages : [...prev.messages.filter((m) => m.id !== messageId), { id: messageId, state }].slice(-MAX_MESSAGES);
    this.store.write(NS, String(chatId), { last: state, messages });
  }

  last(chatId: number): AnswerState | undefined {
    return this.read(chatId).last;
  }

  /** What a message of the bot answers; undefined for a message that is not an answer, or forgotten. */
  of(chatId: number, messageId: number): AnswerState | undefined {
    return this.read(chatId).messages.find((m) => m.id === messageId)?.state;
  }

  /** A group that became a supergroup: its answers move to the new chat id (replies to them still read as follow-ups). */
  moveChat(from: number, to: number): void {
    moveChat(this.store, NS, from, to);
  }

  private read(chatId: number): Memory {
    const parsed = Memory.safeParse(this.store.read(NS, String(chatId)));
    return parsed.success ? parsed.data : { messages: [] };
  }
}

/** Whether a button shows an answer (a page of a question, of /mine, of the collective tasks). */
export function isAnswerState(b: ButtonData): b is AnswerState {
  return b.kind === 'page' || b.kind === 'mine' || b.kind === 'more';
}

const State = ButtonData.refine(isAnswerState);
const Memory = z.object({ last: State.optional(), messages: z.array(z.object({ id: z.number().int(), state: State })) });
type Memory = { last?: AnswerState; messages: Array<{ id: number; state: AnswerState }> };

const NS = 'answers';
const MAX_MESSAGES = 100;
