/**
 * First start: seed the shipped schemes and create the admin user. The
 * admin password is random and shown once (or taken from
 * PINGYI_ADMIN_PASSWORD, for scripts and tests); it is never stored in clear.
 */
import { hashPassword, randomPassword } from './auth/password.ts';
import { seedFromSchemes } from './store/seed.ts';
import type { Store } from './store/store.ts';

export interface FirstStart {
  seeded: string[];
  /** Set only when the admin user was created now. */
  admin?: { username: string; password: string; generated: boolean };
}

export async function firstStart(store: Store, schemesDir: string, now: string, adminPassword?: string): Promise<FirstStart> {
  const seeded = await seedFromSchemes(store, schemesDir, now);
  if (store.data.users.length > 0) return { seeded };
  const password = adminPassword && adminPassword.length > 0 ? adminPassword : randomPassword();
  const { salt, hash } = await hashPassword(password);
  await store.write((db) => {
    if (db.users.length > 0) return;
    db.users.push({ username: 'admin', roles: ['admin'], salt, hash, createdAt: now });
    db.audit.push({ at: now, user: 'system', action: 'user-created', target: 'user:admin', summary: ['角色 roles: admin'] });
  });
  return { seeded, admin: { username: 'admin', password, generated: !adminPassword } };
}
