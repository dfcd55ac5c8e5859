/**
 * Failed logins are slowed twice over, by account and by address, each with
 * its own count: once an account has had `free` failures every further
 * attempt on it waits 1 s, 2 s, 4 s … up to a short cap, whoever tries; once
 * an address has had its failures, attempts from it wait up to a long cap,
 * whatever name they try. Keyed by the pair instead (as before issue 17
 * D16), anyone behind the same proxy could hold `admin` for 15 minutes; now
 * an attacker holds the account for at most the account cap and only slows
 * their own address for longer. A success clears the account's count, never
 * the address's (a spraying attacker with one valid login would reset it);
 * old failures are forgotten after `forgetMs`. An admin may unlock either.
 * Memory is bounded: the least recently failed entries are dropped first.
 */
export interface Clock {
  now(): Date;
}

export interface BackoffPolicy {
  /** Failures allowed before waiting starts: the attempt after the `free`-th failure waits 1 s. */
  free: number;
  maxWaitMs: number;
  /** A count whose last failure is older than this starts again from zero. */
  forgetMs: number;
}

export const ACCOUNT_BACKOFF: BackoffPolicy = { free: 5, maxWaitMs: 60_000, forgetMs: 15 * 60_000 };
/** More free failures: an office behind one NAT address shares them. */
export const ADDRESS_BACKOFF: BackoffPolicy = { free: 20, maxWaitMs: 15 * 60_000, forgetMs: 60 * 60_000 };

interface Entry {
  failures: number;
  /** ms epoch of the last failure. */
  last: number;
  /** ms epoch before which attempts are refused. */
  until: number;
}

class Counts {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly clock: Clock,
    private readonly policy: BackoffPolicy,
    private readonly maxEntries: number,
  ) {}

  private live(key: string): Entry | undefined {
    const e = this.entries.get(key);
    if (e && this.clock.now().getTime() - e.last > this.policy.forgetMs) {
      this.entries.delete(key);
      return undefined;
    }
    return e;
  }

  waitMs(key: string): number {
    const e = this.live(key);
    return e ? Math.max(0, e.until - this.clock.now().getTime()) : 0;
  }

  fail(key: string): void {
    const now = this.clock.now().getTime();
    const e = this.live(key) ?? { failures: 0, last: now, until: 0 };
    e.failures++;
    e.last = now;
    const over = e.failures - this.policy.free;
    e.until = over >= 0 ? now + Math.min(this.policy.maxWaitMs, 1000 * 2 ** Math.min(over, 30)) : 0;
    // re-inserted so Map order is least recently failed first
    this.entries.delete(key);
    this.entries.set(key, e);
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  clear(key: string): boolean {
    return this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}

export interface BackoffOptions {
  account?: Partial<BackoffPolicy>;
  address?: Partial<BackoffPolicy>;
  /** Per kind (accounts, addresses). */
  maxEntries?: number;
}

export class LoginBackoff {
  private readonly accounts: Counts;
  private readonly addresses: Counts;

  constructor(clock: Clock, opts: BackoffOptions = {}) {
    const max = opts.maxEntries ?? 10_000;
    this.accounts = new Counts(clock, { ...ACCOUNT_BACKOFF, ...opts.account }, max);
    this.addresses = new Counts(clock, { ...ADDRESS_BACKOFF, ...opts.address }, max);
  }

  /** Milliseconds to wait before this name from this address may try again (0 = may try now). */
  waitMs(username: string, address: string): number {
    return Math.max(this.accounts.waitMs(username), this.addresses.waitMs(address));
  }

  fail(username: string, address: string): void {
    this.accounts.fail(username);
    this.addresses.fail(address);
  }

  succeed(username: string): void {
    this.accounts.clear(username);
  }

  /** An admin's unlock: the account may try again now. True when it was held or counted. */
  unlockAccount(username: string): boolean {
    return this.accounts.clear(username);
  }

  unlockAddress(address: string): boolean {
    return this.addresses.clear(address);
  }

  get size(): { accounts: number; addresses: number } {
    return { accounts: this.accounts.size, addresses: this.addresses.size };
  }
}
