// Presence is fanned out to every peer and kept in memory: a board's states together stay within a byte budget.

export class PresenceBudget {
  /** JSON size of each presence state held. */
  private readonly sizes = new Map<number, number>();
  private total = 0;

  constructor(private readonly maxBytes: number) {}

  /** Takes `size` bytes for a client's new state (its old one is given back); false when over budget. */
  admit(clientId: number, size: number): boolean {
    const held = this.sizes.get(clientId) ?? 0;
    if (this.total - held + size > this.maxBytes) return false;
    this.set(clientId, size);
    return true;
  }

  /** A client's state was removed. */
  forget(clientId: number): void {
    this.set(clientId, 0);
  }

  private set(clientId: number, size: number): void {
    this.total += size - (this.sizes.get(clientId) ?? 0);
    if (size === 0) this.sizes.delete(clientId);
    else this.sizes.set(clientId, size);
  }
}
