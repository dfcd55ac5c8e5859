/**
 * Sessions kept in memory only, for a login whose session could not be
 * written because the disk is full (issue #17 D3: nobody could log in to a
 * full server, not even to clear it). Authentication consults them after
 * the stored ones; they are lost at restart, which the login logs.
 */
import type { SessionRecord } from './types.ts';

export class VolatileSessions {
  private readonly sessions = new Map<string, SessionRecord>();

  add(s: SessionRecord): void {
    this.sessions.set(s.key, s);
  }

  /** The live session with this key (an expired one is dropped). */
  find(key: string, nowIso: string): SessionRecord | undefined {
    const s = this.sessions.get(key);
    if (s && s.expiresAt <= nowIso) this.sessions.delete(key);
    return s && s.expiresAt > nowIso ? s : undefined;
  }

  remove(key: string): boolean {
    return this.sessions.delete(key);
  }

  /** A new password ends the user's sessions, these too. */
  removeUser(username: string): void {
    for (const [k, s] of this.sessions) if (s.username === username) this.sessions.delete(k);
  }
}
