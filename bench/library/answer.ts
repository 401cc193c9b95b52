import { answerJson } from '../../src/answer/answer-json.js';
import { formatAnswer } from '../../src/answer/format-text.js';
import type { SearchResult } from '../../src/search/retrieve.js';

/** The page a chat shows first, formatted as far as the chat does (src/conversation/features/ask.ts: collectives as one line per plan, through its page). */
export function chatPage(result: SearchResult): string {
  return formatAnswer(result, { collectives: 'count', through: 0 }).pages[0];
}

/** The answer as `ask --json` prints it: every task, serialised. */
export function jsonAnswer(result: SearchResult): string {
  return JSON.stringify(answerJson(result));
}
