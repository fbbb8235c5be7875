import { createHmac } from 'node:crypto';
import type { Hasher } from './ports';

/** HMAC-SHA256, hex. */
export function createHasher(secret: string): Hasher {
  if (!secret) throw new Error('hash secret is empty');
  return {
    hash: (kind, value) => createHmac('sha256', secret).update(`mobileCheck/${kind}\u0000${value}`, 'utf8').digest('hex'),
  };
}
