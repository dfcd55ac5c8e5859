/**
 * Failed logins are slowed per username and address: after a few free
 * attempts each further failure doubles the wait before the next attempt is
 * even checked. Memory is bounded: the oldest entries are dropped first.
 */
export interface Clock {
  now(): Date;
}

interface Entry {
  failures: number;
  /** ms epoch before which attempts are refused. */
  until: number;
}

export class LoginBackoff {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly clock: Clock,
    private readonly free = 5,
    private readonly maxEntries = 10_000,
    private readonly maxWaitMs = 15 * 60_000,
  ) {}

  private key(username: string, ip: string): string {
    return `${username}\u0000${ip}`;
  }

  /** Milliseconds to wait before this pair may try again (0 = may try now). */
  waitMs(username: string, ip: string): number {
    const e = this.entries.get(this.key(username, ip));
    return e ? Math.max(0, e.until - this.clock.now().getTime()) : 0;
  }

  fail(username: string, ip: string): void {
    const k = this.key(username, ip);
    const e = this.entries.get(k) ?? { failures: 0, until: 0 };
    e.failures++;
    const over = e.failures - this.free;
    e.until = over > 0 ? this.clock.now().getTime() + Math.min(this.maxWaitMs, 1000 * 2 ** (over - 1)) : 0;
    // re-insert so Map order is least-recently-failed first
    this.entries.delete(k);
    this.entries.set(k, e);
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  succeed(username: string, ip: string): void {
    this.entries.delete(this.key(username, ip));
  }

  get size(): number {
    return this.entries.size;
  }
}
