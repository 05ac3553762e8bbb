/**
 * Fixed-window counter per client address: cheap, memory-bounded, good enough to stop a
 * script from flooding the moderation queue.
 */
export interface RateLimitOptions {
  /** Requests allowed per window. */
  max: number;
  windowMs: number;
}

export type RateVerdict = { ok: true } | { ok: false; retryAfterSeconds: number };

export class RateLimiter {
  private windows = new Map<string, { start: number; count: number }>();

  constructor(private readonly options: RateLimitOptions, private readonly now: () => number = Date.now) {}

  /** Counts one request from `client` and says whether it may go ahead. */
  hit(client: string): RateVerdict {
    const now = this.now();
    let window = this.windows.get(client);
    if (!window || now - window.start >= this.options.windowMs) {
      if (this.windows.size > 10_000) this.sweep(now);
      window = { start: now, count: 0 };
      this.windows.set(client, window);
    }
    if (window.count >= this.options.max) {
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((window.start + this.options.windowMs - now) / 1000)) };
    }
    window.count++;
    return { ok: true };
  }

  private sweep(now: number): void {
    for (const [client, window] of this.windows) {
      if (now - window.start >= this.options.windowMs) this.windows.delete(client);
    }
  }
}
