import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Conversation } from '../conversation/conversation.js';
import type { Button } from '../conversation/types.js';
import { todayIn } from '../domain/calendar.js';

export interface TerminalOptions {
  /** Where pictures and files the bot would send are saved. */
  outDir?: string;
  today?: string;
  timeZone?: string;
  /** Show a prompt when stdin is a terminal. */
  prompt: boolean;
}

/**
 * A terminal chat over the same conversation core as the bot (commands included): reads lines
 * from stdin (a terminal or a pipe alike), answers each on stdout, resolves when the input ends.
 * Typing a button's label (下一页, 上一页, a region) presses it.
 */
export async function runTerminalChat(conversation: Conversation, opts: TerminalOptions): Promise<void> {
  const tty = opts.prompt && process.stdin.isTTY;
  const rl = createInterface({ input: process.stdin, terminal: tty });
  const today = () => opts.today ?? todayIn(opts.timeZone);
  let buttons: Button[] = [];
  const show = (text: string, b?: Button[][], attachment?: { bytes: Buffer; filename: string }) => {
    buttons = (b ?? []).flat();
    let saved = '';
    if (attachment) {
      const dir = opts.outDir ?? 'data/exports';
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, attachment.filename), attachment.bytes);
      saved = `\n（附件已保存：${join(dir, attachment.filename)}）`;
    }
    process.stdout.write(`${text}${saved}${buttons.length ? `\n[${buttons.map((x) => x.text).join('] [')}]` : ''}\n\n`);
  };
  if (tty) process.stdout.write('问> ');
  for await (const line of rl) {
    const text = line.trim();
    if (text) {
      const pressed = buttons.find((b) => b.text === text);
      if (pressed) {
        const out = await conversation.handleCallback({ chatId: 0, userId: 0, data: pressed.data, isBotAdmin: true, today: today() });
        if (out.edit) show(out.edit.text, out.edit.buttons);
        else if (out.notice) show(out.notice);
      } else {
        const replies = await conversation.handle({
          chatId: 0,
          chatType: 'private',
          userId: 0,
          text,
          isBotAdmin: true,
          isChatAdmin: async () => true,
          today: today(),
        });
        for (const r of replies) show(r.text, r.buttons, r.photo ? { bytes: r.photo.png, filename: r.photo.filename } : r.file);
      }
    }
    if (tty) process.stdout.write('问> ');
  }
}
