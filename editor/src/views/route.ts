/**
 * Client-side routes in the URL hash (`#/s/pingyang-2021/1.0.1/edit`), so a
 * reload or a shared link opens the same view whatever path the server saw.
 */
import { useEffect, useState } from 'react';

export type Route =
  | { page: 'schemes' }
  | { page: 'login' }
  | { page: 'users' }
  | { page: 'workspace'; id: string; version: string; tab: WorkspaceTab };

export const TABS = ['edit', 'clauses', 'impact', 'diff', 'preview', 'cases', 'fulltext'] as const;
export type WorkspaceTab = (typeof TABS)[number];

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'login') return { page: 'login' };
  if (parts[0] === 'users') return { page: 'users' };
  if (parts[0] === 's' && parts[1] && parts[2]) {
    const tab = (TABS as readonly string[]).includes(parts[3] ?? '') ? (parts[3] as WorkspaceTab) : 'edit';
    return { page: 'workspace', id: parts[1], version: parts[2], tab };
  }
  return { page: 'schemes' };
}

export function href(route: Route): string {
  switch (route.page) {
    case 'schemes':
      return '#/';
    case 'login':
      return '#/login';
    case 'users':
      return '#/users';
    case 'workspace':
      return `#/s/${encodeURIComponent(route.id)}/${encodeURIComponent(route.version)}/${route.tab}`;
    default: {
      const never: never = route;
      return never;
    }
  }
}

export function go(route: Route): void {
  window.location.hash = href(route);
}

/**
 * Asked before the route changes (a link, the back button, a typed address,
 * logging out): the workspace refuses while the clerk has unsaved edits and
 * does not confirm leaving them.
 */
type LeaveGuard = (to: Route) => boolean;
let leaveGuard: LeaveGuard | undefined;

export function setLeaveGuard(guard: LeaveGuard | undefined): void {
  leaveGuard = guard;
}

export const mayLeave = (to: Route): boolean => !leaveGuard || leaveGuard(to);

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const on = (e: HashChangeEvent) => {
      const next = parseRoute(window.location.hash);
      // refused: the address goes back without a new history entry (replaceState fires no hashchange)
      if (!mayLeave(next)) window.history.replaceState(null, '', e.oldURL);
      else setRoute(next);
    };
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return route;
}
