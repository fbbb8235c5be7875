import { ERROR_CODES, ERROR_MESSAGES } from '../../src/domain';
import { HAN } from './fieldReasons';


// The codes docs/contract.md promises to callers; NETWORK_ERROR is produced by the mini-program itself.
const DESIGNED = [
  'INVALID_REQUEST', 'INVALID_NAME', 'INVALID_ID_CARD', 'INVALID_MOBILE', 'CONSENT_REQUIRED',
  'UNAUTHENTICATED', 'RATE_LIMITED', 'SERVICE_MISCONFIGURED', 'VENDOR_QUOTA_EXHAUSTED',
  'VENDOR_THROTTLED', 'VENDOR_TIMEOUT', 'VENDOR_UNAVAILABLE', 'VENDOR_BAD_RESPONSE', 'INTERNAL',
  'FORBIDDEN', 'BUDGET_EXHAUSTED', 'PHONE_CODE_INVALID', 'PHONE_QUOTA_EXHAUSTED', 'PHONE_UNAVAILABLE', 'MINOR_NEEDS_GUARDIAN',
];

describe('ERROR_MESSAGES', () => {
  test('has every code promised in the design', () => {
    expect(ERROR_CODES).toEqual(expect.arrayContaining(DESIGNED));
  });

  test('has no codes beyond the design', () => {
    expect([...ERROR_CODES].sort()).toEqual([...DESIGNED].sort());
  });

  test('keeps the client-only NETWORK_ERROR out of the codes the function answers', () => {
    expect(ERROR_CODES).not.toContain('NETWORK_ERROR');
    expect(ERROR_MESSAGES.NETWORK_ERROR).toMatch(HAN);
  });

  test.each(Object.keys(ERROR_MESSAGES))('gives %s a non-empty Chinese message', (code) => {
    const message = ERROR_MESSAGES[code as keyof typeof ERROR_MESSAGES];
    expect(typeof message).toBe('string');
    expect(message.trim().length).toBeGreaterThan(0);
    expect(message).toMatch(HAN);
  });

  test('gives every code its own message', () => {
    expect(new Set(Object.values(ERROR_MESSAGES)).size).toBe(Object.keys(ERROR_MESSAGES).length);
  });
});
