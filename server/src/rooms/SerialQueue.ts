// Runs async tasks one at a time, in the order given; a failed task does not stop the ones after it.

export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private waiting = 0;

  /** Runs `task` after everything queued before it; resolves or rejects with its outcome. */
  run<T>(task: () => T | Promise<T>): Promise<T> {
    this.waiting++;
    const run = this.tail.then(task);
    this.tail = run.catch(() => undefined).finally(() => this.waiting--);
    return run;
  }

  /** Resolves once everything queued so far has run. */
  idle(): Promise<void> {
    return this.tail.then(() => undefined);
  }

  /** Tasks queued or running (the running one included). */
  get size(): number {
    return this.waiting;
  }

  /** No task is queued or running. */
  get isIdle(): boolean {
    return this.waiting === 0;
  }
}
