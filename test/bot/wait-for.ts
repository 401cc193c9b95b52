/** Waits until `cond` holds (an edit the emulator stored, a call the proxy saw); throws after `timeoutMs`. */
export async function waitFor(cond: () => boolean | undefined, timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out waiting for the bot');
    await new Promise((r) => setTimeout(r, 25));
  }
}
