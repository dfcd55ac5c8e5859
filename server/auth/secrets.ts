/** Session ids and bearer tokens: random secrets, stored only as their sha256. */
import { createHash, randomBytes } from 'node:crypto';

export const newSecret = (): string => randomBytes(32).toString('base64url');
export const keyOf = (secret: string): string => createHash('sha256').update(secret).digest('hex');
