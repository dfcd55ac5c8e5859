/**
 * Who may do what. Every logged-in user reads (viewer); writes need a role:
 * a publisher is also a drafter, an admin may do everything.
 */
import type { Role } from '../store/types.ts';

export type Need = Role | 'audit-reader';

export function allowed(roles: readonly Role[], need: Need): boolean {
  if (roles.includes('admin')) return true;
  switch (need) {
    case 'viewer':
      return true;
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
