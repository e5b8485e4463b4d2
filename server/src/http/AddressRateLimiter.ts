// Per-address token buckets for costly unauthenticated requests (creating boards, joining), with a bounded table.

interface Bucket {
  tokens: number;
  last: number;
}

/** Beyond this many tracked addresses, buckets that have refilled completely are forgotten (they hold nothing). */
const MAX_TRACKED = 10_000;

export class AddressRateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number,
  ) {}

  /** Takes one token for `address`: 0 when allowed, otherwise the whole seconds to wait before the next one. */
  take(address: string): number {
    const now = this.now();
    const ratePerMs = this.perMinute / 60_000;
    const bucket = this.buckets.get(address) ?? { tokens: this.perMinute, last: now };
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + (now - bucket.last) * ratePerMs);
    bucket.last = now;
    if (!this.buckets.has(address)) {
      if (this.buckets.size >= MAX_TRACKED) this.prune(now, ratePerMs);
      this.buckets.set(address, bucket);
    }
    if (bucket.tokens < 1) return Math.max(1, Math.ceil((1 - bucket.tokens) / ratePerMs / 1000));
    bucket.tokens -= 1;
    return 0;
  }

  private prune(now: number, ratePerMs: number): void {
    for (const [address, bucket] of this.buckets) {
      if (bucket.tokens + (now - bucket.last) * ratePerMs >= this.perMinute) this.buckets.delete(address);
    }
    // Under a flood of distinct addresses nothing has refilled: start over rather than grow without bound.
    if (this.buckets.size >= MAX_TRACKED) this.buckets.clear();
  }
}
