import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { sha256Hex } from '../../src/domain';

const nodeSha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

describe('sha256Hex', () => {
  test.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    [
      'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq',
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    ],
  ])('matches the published test vector for %p', (text, expected) => {
    expect(sha256Hex(text)).toBe(expected);
  });

  test.each([
    ['the empty string', ''],
    ['abc', 'abc'],
    ['a long string over 64 bytes', 'The quick brown fox jumps over the lazy dog. '.repeat(10)],
    ['Chinese text', '个人信息授权书：本人同意授权贵公司收集、查询并验证本人的个人信息。'],
    ['text with a character outside the BMP', '姓名：𠮷野家，😀 ok'],
    ['two-byte UTF-8 characters', 'café · naïve'],
    ['a million a', 'a'.repeat(1_000_000)],
  ])('matches node:crypto for %s', (_what, text) => {
    expect(sha256Hex(text)).toBe(nodeSha256(text));
  });

  test.each([55, 56, 57, 63, 64, 65, 119, 120, 128])('matches node:crypto at the padding boundary of %i bytes', (length) => {
    const text = 'x'.repeat(length);
    expect(sha256Hex(text)).toBe(nodeSha256(text));
  });

  test('hashes a lone surrogate as U+FFFD, as node:crypto does', () => {
    expect(sha256Hex('a\uD800b')).toBe(createHash('sha256').update('a\uD800b').digest('hex'));
  });

  test('returns 64 lower-case hex characters', () => {
    expect(sha256Hex('张三')).toMatch(/^[0-9a-f]{64}$/);
  });

  test('matches node:crypto for arbitrary well-formed Unicode strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        expect(sha256Hex(text)).toBe(nodeSha256(text));
      }),
      { numRuns: 300 },
    );
  });
});
