import type { Incoming, Reply } from '../../src/conversation/types.js';
import type { SearchEngine } from '../../src/search/engine.js';
import { testApp } from './app.js';

/**
 * A private chat (chat and user 7) with the conversation of an app over `seedsDir` (`engine` when
 * a test already built it), on `today` (default 2016-07-05). `say` sends a text and returns the
 * first reply; a /unit request is granted at once, as a bot admin pressing 批准.
 */
export async function privateChat(seedsDir: string, opts: { today?: string; engine?: SearchEngine; userName?: string } = {}) {
  const { conversation } = await testApp(seedsDir, { engine: opts.engine });
  const today = opts.today ?? '2016-07-05';
  const say = async (text: string, as: { isBotAdmin?: boolean } = {}): Promise<Reply> => {
    const msg: Incoming = { chatId: 7, chatType: 'private', userId: 7, userName: opts.userName, text, isBotAdmin: as.isBotAdmin ?? false, isChatAdmin: async () => true, today };
    const replies = await conversation.handle(msg);
    const request = replies.find((r) => r.to === 'bot-admins')?.buttons?.[0][0];
    if (request) await conversation.handleCallback({ chatId: 1001, userId: 1001, data: request.data, isBotAdmin: true, today });
    return replies[0];
  };
  return { say };
}
