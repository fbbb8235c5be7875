import { createHmac } from 'node:crypto';

/** What a hash stands for; each kind gets its own domain so equal inputs of different kinds never collide. */
export type HashKind = 'caller' | 'person' | 'triple' | 'mobile';

/** Keyed hashes (HMAC-SHA256, hex) stored instead of personal data; without the secret they cannot be reversed by guessing. */
export interface Hasher {
  hash(kind: HashKind, value: string): string;
}

export function createHasher(secret: string): Hasher {
  if (!secret) throw new Error('hash secret is empty');
  return {
    hash: (kind, value) => createHmac('sha256', secret).update(`mobileCheck/${kind}\u0000${value}`, 'utf8').digest('hex'),
  };
}

/** The three fields as one unambiguous string (no separator can be forged inside a field). */
export const tripleValue = (fields: { name: string; idCard: string; mobile: string }): string =>
  JSON.stringify([fields.name, fields.idCard, fields.mobile]);
