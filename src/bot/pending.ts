/** A count of work under way, and a wait for it to reach zero. */
export class Pending {
  private count = 0;
  private waiting: Array<() => void> = [];

  get size(): number {
    return this.count;
  }

  add(): void {
    this.count++;
  }

  done(): void {
    if (--this.count === 0) for (const r of this.waiting.splice(0)) r();
  }

  /** Waits until nothing is under way, for at most `timeoutMs`; true when nothing is left. */
  settled(timeoutMs: number): Promise<boolean> {
    if (this.count === 0) return Promise.resolve(true);
    return Promise.race([
      new Promise<boolean>((r) => this.waiting.push(() => r(true))),
      new Promise<boolean>((r) => setTimeout(() => r(false), timeoutMs).unref()),
    ]);
  }
}
