/**
 * 用户管理 (admins): add users, set their roles, reset a password, disable or
 * enable a user. The server refuses to take the last admin away (409), and
 * the page says so in words.
 */
import { useCallback, useEffect, useState } from 'react';
import { api, ApiError } from '../api/client.ts';
import type { Role, User, UserRow } from '../api/types.ts';
import { roleName } from './app.tsx';
import { formatTime } from './status.tsx';

const ROLES: readonly Role[] = ['viewer', 'drafter', 'publisher', 'data-entry', 'admin'];
const message = (e: unknown) => (e instanceof ApiError ? e.refusal.message.zh : String(e));

function RolePicker({ value, onChange, label }: { value: readonly Role[]; onChange: (r: Role[]) => void; label: string }) {
  return (
    <fieldset className="roles" aria-label={label}>
      {ROLES.map((r) => (
        <label key={r}>
          <input type="checkbox" checked={value.includes(r)} onChange={(e) => onChange(e.target.checked ? [...value, r] : value.filter((x) => x !== r))} />
          {roleName(r)}
        </label>
      ))}
    </fieldset>
  );
}

export function UsersPage({ user }: { user: User }) {
  const [users, setUsers] = useState<UserRow[]>();
  const [error, setError] = useState<string>();
  const [ok, setOk] = useState<string>();
  const [adding, setAdding] = useState({ username: '', password: '', roles: ['viewer'] as Role[] });
  const [resetting, setResetting] = useState<{ username: string; password: string }>();

  const reload = useCallback(() => {
    api.users().then(setUsers, (e: unknown) => setError(message(e)));
  }, []);
  useEffect(reload, [reload]);

  const act = async (done: string, f: () => Promise<unknown>) => {
    setError(undefined);
    setOk(undefined);
    try {
      const answer = await f();
      // on a full disk the server ends access anyway and says the change is held in memory until it can be stored
      const held = (answer as { warning?: { message?: { zh?: string } } } | undefined)?.warning?.message?.zh;
      setOk(held ? `${done}。${held}` : done);
      reload();
      return true;
    } catch (e) {
      setError(message(e));
      return false;
    }
  };

  if (!user.roles.includes('admin')) return <main className="page">只有管理员可以管理用户。</main>;
  return (
    <main className="page users-page">
      <h1>用户管理</h1>
      {error && <p className="error" role="alert">{error}</p>}
      {ok && <p className="good" role="status">{ok}</p>}
      <table className="grid users">
        <thead>
          <tr>
            <th>用户名</th>
            <th>角色</th>
            <th>状态</th>
            <th>创建时间</th>
            <th>操作</th>
          </tr>
        </thead>
        <tbody>
          {(users ?? []).map((u) => (
            <tr key={u.username} data-user={u.username} className={u.disabled ? 'muted' : undefined}>
              <td>{u.username}</td>
              <td>
                <RolePicker label={`${u.username} 的角色`} value={u.roles} onChange={(roles) => void act(`已修改 ${u.username} 的角色`, () => api.updateUser(u.username, { roles }))} />
              </td>
              <td>{u.disabled ? '已停用' : '正常'}</td>
              <td>{formatTime(u.createdAt)}</td>
              <td className="actions">
                <button type="button" onClick={() => setResetting({ username: u.username, password: '' })}>重设密码</button>
                <button type="button" className={u.disabled ? undefined : 'danger'} onClick={() => void act(u.disabled ? `已启用 ${u.username}` : `已停用 ${u.username}`, () => api.updateUser(u.username, { disabled: !u.disabled }))}>
                  {u.disabled ? '启用' : '停用'}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {!users && !error && <p className="muted">载入中…</p>}

      <h2>添加用户</h2>
      <form
        className="add-user"
        onSubmit={(e) => {
          e.preventDefault();
          void act(`已添加用户 ${adding.username}`, () => api.createUser(adding.username, adding.password, adding.roles)).then((done) => done && setAdding({ username: '', password: '', roles: ['viewer'] }));
        }}
      >
        <label>
          用户名
          <input value={adding.username} onChange={(e) => setAdding({ ...adding, username: e.target.value })} autoComplete="off" />
        </label>
        <label>
          初始密码
          <input type="password" value={adding.password} onChange={(e) => setAdding({ ...adding, password: e.target.value })} autoComplete="new-password" />
        </label>
        <RolePicker label="新用户的角色" value={adding.roles} onChange={(roles) => setAdding({ ...adding, roles })} />
        <button type="submit" className="primary" disabled={!adding.username || adding.password.length < 8 || adding.roles.length === 0}>
          添加
        </button>
        <span className="muted small">密码至少 8 个字符</span>
      </form>

      {resetting && (
        <div className="modal-backdrop">
          <form
            className="modal"
            role="dialog"
            aria-modal="true"
            aria-labelledby="reset-title"
            onSubmit={(e) => {
              e.preventDefault();
              void act(`已重设 ${resetting.username} 的密码`, () => api.updateUser(resetting.username, { password: resetting.password })).then((done) => done && setResetting(undefined));
            }}
          >
            <h2 id="reset-title">重设 {resetting.username} 的密码</h2>
            <label className="field">
              新密码
              <input type="password" value={resetting.password} onChange={(e) => setResetting({ ...resetting, password: e.target.value })} autoComplete="new-password" />
            </label>
            <div className="actions">
              <button type="submit" className="primary" disabled={resetting.password.length < 8}>
                重设
              </button>
              <button type="button" onClick={() => setResetting(undefined)}>取消</button>
            </div>
          </form>
        </div>
      )}
    </main>
  );
}
