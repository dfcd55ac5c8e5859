/** The page: who is logged in, and which view the hash route names. */
import { useCallback, useEffect, useState } from 'react';
import { api, ApiError } from '../api/client.ts';
import type { User } from '../api/types.ts';
import { LoginPage } from './login-page.tsx';
import { go, mayLeave, parseRoute, useRoute } from './route.ts';
import { SchemesPage } from './schemes-page.tsx';
import { UsersPage } from './users-page.tsx';
import { prefetchWorkspace } from './workspace/prefetch.ts';
import { loadNodeForm, warmMonaco, Workspace } from './workspace/workspace.tsx';

/**
 * A workspace link: its scheme and version, the form and Monaco's chunk are asked for while the
 * session is checked. Called by main.tsx before React's first render: from App's first effect,
 * after that render and its commit, Monaco's chunk went out ≈ 150–350 ms later in fresh windows on
 * the loaded test machine (no difference measured in a window that had settled).
 */
export function prefetchFirstRoute(): void {
  const first = parseRoute(window.location.hash);
  if (first.page === 'workspace') {
    // Monaco's chunk first: the largest and the last to be ready (its parse alone takes longer than the document's request)
    warmMonaco();
    prefetchWorkspace(first.id, first.version);
    void loadNodeForm();
  }
}

export function App() {
  const route = useRoute();
  const [user, setUser] = useState<User | null | undefined>(undefined);

  useEffect(() => {
    api.me().then(setUser, (e: unknown) => {
      if (e instanceof ApiError && e.status === 401) setUser(null);
      else setUser(null);
    });
  }, []);

  const logout = useCallback(async () => {
    if (!mayLeave({ page: 'login' })) return;
    await api.logout().catch(() => undefined);
    setUser(null);
    go({ page: 'login' });
  }, []);

  if (user === undefined) return <div className="loading">载入中…</div>;
  if (user === null || route.page === 'login') {
    return (
      <LoginPage
        onLogin={(u) => {
          setUser(u);
          if (route.page === 'login') go({ page: 'schemes' });
        }}
      />
    );
  }
  return (
    <div className="app">
      <header className="topbar">
        <a href="#/" className="brand">评议方案编辑器</a>
        {user.roles.includes('admin') && (
          <a href="#/users" className="nav">
            用户管理
          </a>
        )}
        <span className="spacer" />
        <span className="who" title={user.roles.join(', ')}>
          {user.username}({user.roles.map(roleName).join('、')})
        </span>
        <button type="button" onClick={logout}>退出登录</button>
      </header>
      {route.page === 'workspace' ? <Workspace key={`${route.id}@${route.version}`} route={route} user={user} /> : route.page === 'users' ? <UsersPage user={user} /> : <SchemesPage user={user} />}
    </div>
  );
}

const ROLE_NAMES: Record<string, string> = { viewer: '查看', drafter: '起草', publisher: '发布', 'data-entry': '数据录入', admin: '管理员' };
export const roleName = (r: string) => ROLE_NAMES[r] ?? r;
export const can = (user: User, role: 'drafter' | 'publisher' | 'data-entry') =>
  user.roles.includes('admin') || user.roles.includes(role) || (role === 'drafter' && user.roles.includes('publisher'));
