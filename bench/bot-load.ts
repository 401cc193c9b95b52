import { TELEGRAM_LIMITS } from '../src/bot/delivery.js';
import { startBot, startEmulator, TOKEN } from '../test/helpers/telegram.js';
import { benchQuestions } from './questions.js';
import { percentile, round } from './stats.js';

/**
 * Load run through the Bot API emulator: `tsx bench/bot-load.ts CHATS PER_CHAT`. CHATS simulated
 * private chats each send PER_CHAT questions at once; the real bot answers within Telegram's
 * real rate limits. Prints one JSON line: updates/s, p50/p99 reply latency, lost replies.
 */
const chats = Number(process.argv[2] ?? 20);
const perChat = Number(process.argv[3] ?? 5);
const server = await startEmulator();
const running = await startBot(server.config.apiURL, { limits: TELEGRAM_LIMITS });
const questions = benchQuestions();
const sentAt = new Map<number, number[]>();
const started = performance.now();
await Promise.all(
  Array.from({ length: chats }, async (_, c) => {
    const chatId = 7000 + c;
    const client = server.getClient(TOKEN, { userId: chatId, chatId, type: 'private' });
    const times: number[] = [];
    sentAt.set(chatId, times);
    for (let k = 0; k < perChat; k++) {
      const q = questions[(c * perChat + k) % questions.length];
      times.push(performance.now());
      await client.sendMessage(client.makeMessage(q.q));
    }
  }),
);
const received = new Map<number, number[]>();
const seen = new Set<number>();
const deadline = performance.now() + 120_000;
while (performance.now() < deadline) {
  for (const m of server.storage.botMessages) {
    if (seen.has(m.messageId)) continue;
    seen.add(m.messageId);
    const chatId = Number(m.message.chat_id);
    received.set(chatId, [...(received.get(chatId) ?? []), performance.now()]);
  }
  if (seen.size >= chats * perChat) break;
  await new Promise((r) => setTimeout(r, 5));
}
const elapsed = (performance.now() - started) / 1000;
const latencies: number[] = [];
for (const [chatId, sends] of sentAt) {
  const got = received.get(chatId) ?? [];
  sends.forEach((t, i) => {
    if (got[i] !== undefined) latencies.push(got[i] - t);
  });
}
await running.stop();
await server.stop();
process.stdout.write(
  JSON.stringify({
    chats,
    questions_per_chat: perChat,
    updates: chats * perChat,
    updates_per_s: round((chats * perChat) / elapsed, 1),
    p50_reply_ms: round(percentile(latencies, 50), 0),
    p99_reply_ms: round(percentile(latencies, 99), 0),
    lost_replies: chats * perChat - seen.size,
  }) + '\n',
);
process.exit(0);
