/**
 * Passwords: scrypt with a random salt per user, compared in constant time.
 *
 * A login for a name nobody has still runs one scrypt with the same
 * parameters against a dummy salt and hash: otherwise the answer's time
 * tells which usernames exist (44.6 ms against 1.4 ms, issue 17 D13). The
 * key derivation is injectable so a test can count that it really runs.
 */
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

const KEY_LENGTH = 64;
const SALT_LENGTH = 16;

/** Derives a password's key from its salt; every call is one full scrypt. */
export type Kdf = (password: string, salt: Buffer) => Promise<Buffer>;

export const scryptKdf: Kdf = (password, salt) =>
  new Promise((resolve, reject) => {
    scrypt(password, salt, KEY_LENGTH, { N: 16384, r: 8, p: 1 }, (err, key) => (err ? reject(err) : resolve(key)));
  });

export interface Passwords {
  hash(password: string): Promise<{ salt: string; hash: string }>;
  verify(password: string, salt: string, hash: string): Promise<boolean>;
  /** The same work as {@link verify} for a user who does not exist (or may not log in); always false. */
  verifyNobody(password: string): Promise<boolean>;
}

export function makePasswords(kdf: Kdf = scryptKdf): Passwords {
  // made once per process: the dummy costs what a real user's check costs, and matches nothing
  const dummySalt = randomBytes(SALT_LENGTH);
  const dummyHash = randomBytes(KEY_LENGTH);
  const verify = async (password: string, salt: string, hash: string): Promise<boolean> => {
    const expected = Buffer.from(hash, 'hex');
    const actual = await kdf(password, Buffer.from(salt, 'hex'));
    return expected.length === actual.length && timingSafeEqual(expected, actual);
  };
  return {
    async hash(password) {
      const salt = randomBytes(SALT_LENGTH);
      return { salt: salt.toString('hex'), hash: (await kdf(password, salt)).toString('hex') };
    },
    verify,
    async verifyNobody(password) {
      const actual = await kdf(password, dummySalt);
      timingSafeEqual(dummyHash, actual);
      return false;
    },
  };
}

const defaults = makePasswords();
export const hashPassword = defaults.hash;
export const verifyPassword = defaults.verify;

/** A password nobody has to type twice: printed once at the first start. */
export function randomPassword(): string {
  return randomBytes(12).toString('base64url');
}
