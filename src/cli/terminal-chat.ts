import { createInterface } from 'node:readline';
import { formatAnswer } from '../answer/format-text.js';
import type { SearchEngine } from '../search/engine.js';

/**
 * A terminal chat over the same core the bot uses: reads questions line by line from stdin (a
 * terminal or a pipe alike), answers each on stdout, resolves when the input ends.
 */
export async function runTerminalChat(engine: SearchEngine, opts: { today?: string; prompt: boolean }): Promise<void> {
  const rl = createInterface({ input: process.stdin, terminal: opts.prompt && process.stdin.isTTY });
  const out = (s: string) => process.stdout.write(s + '\n');
  if (opts.prompt && process.stdin.isTTY) process.stdout.write('问> ');
  for await (const line of rl) {
    const text = line.trim();
    if (text) out(formatAnswer(engine.ask(text, opts.today)).pages.join('\n\n') + '\n');
    if (opts.prompt && process.stdin.isTTY) process.stdout.write('问> ');
  }
}
