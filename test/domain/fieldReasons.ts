import type { FieldResult } from '../../src/domain';

export const HAN = /\p{Script=Han}/u;

/** Every case fails with its own reason and its own Chinese message. */
export function expectDistinctReasons(check: (input: string) => FieldResult<string>, cases: Record<string, string>): void {
  const messages = new Set<string>();
  for (const [reason, input] of Object.entries(cases)) {
    const result = check(input);
    expect(result).toMatchObject({ ok: false, reason });
    if (result.ok) throw new Error('unreachable');
    expect(result.message).toMatch(HAN);
    messages.add(result.message);
  }
  expect(messages.size).toBe(Object.keys(cases).length);
}

/** What a check answers for a value it accepts; `canonicalized` when it differs from the trimmed input. */
export const accepted = (value: string, canonicalized = false) => ({ ok: true, value, canonicalized });
