import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../api/client.ts';
import type { User } from '../api/types.ts';

export function LoginPage({ onLogin }: { onLogin: (u: User) => void }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      onLogin((await api.login(username, password)).user);
    } catch (err) {
      setError(err instanceof ApiError ? err.refusal.message.zh : '登录失败');
    } finally {
      setBusy(false);
    }
  };
  return (
    <main className="login">
      <form onSubmit={submit} aria-label="登录">
        <h1>评议方案编辑器</h1>
        <p className="muted">万人评议 · 千人评议 · 三亮三评 —— 方案起草、校验、发布</p>
        <label>
          用户名
          <input name="username" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} autoFocus />
        </label>
        <label>
          密码
          <input name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
        </label>
        {error && <p className="error" role="alert">{error}</p>}
        <button type="submit" className="primary" disabled={busy || !username}>登录</button>
      </form>
    </main>
  );
}
