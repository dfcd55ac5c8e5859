/**
 * Who may do what. Every logged-in user with at least one role reads
 * (viewer); writes need a role: a publisher is also a drafter, an admin may
 * do everything. A user with no roles reads nothing: only `self` (who am I).
 */
import type { Role } from '../store/types.ts';

export type Need = Role | 'audit-reader' | 'self';

export function allowed(roles: readonly Role[], need: Need): boolean {
  if (roles.includes('admin')) return true;
  switch (need) {
    case 'self':
      return true;
    case 'viewer':
      return roles.length > 0;
    case 'drafter':
      return roles.includes('drafter') || roles.includes('publisher');
    case 'publisher':
      return roles.includes('publisher');
    case 'data-entry':
      return roles.includes('data-entry');
    case 'admin':
      return false;
    case 'audit-reader':
      return roles.includes('publisher');
    default: {
      const never: never = need;
      return never;
    }
  }
}
