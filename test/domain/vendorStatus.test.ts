import { isVendorStatusCode, VENDOR_STATUS_CODES, vendorStatus } from '../../src/domain';
import type { VendorStatusCode } from '../../src/domain';
import { HAN } from './fieldReasons';

const ALL: VendorStatusCode[] = ['01', '02', '202', '203', '204', '205', '206', '207'];

describe('vendorStatus', () => {
  test('lists exactly the documented codes 01, 02 and 202 to 207', () => {
    expect([...VENDOR_STATUS_CODES].sort()).toEqual([...ALL].sort());
  });

  test.each(ALL)('gives %s a verdict, a Chinese title and a non-empty Chinese message', (code) => {
    const status = vendorStatus(code);
    expect(status.code).toBe(code);
    expect(['pass', 'fail', 'unverifiable']).toContain(status.verdict);
    expect(status.title).toMatch(HAN);
    expect(status.message.trim().length).toBeGreaterThan(0);
    expect(status.message).toMatch(HAN);
    expect(typeof status.final).toBe('boolean');
  });

  test('gives only 01 the verdict pass', () => {
    expect(ALL.filter((code) => vendorStatus(code).verdict === 'pass')).toEqual(['01']);
  });

  test.each([
    ['02', 'fail'],
    ['202', 'unverifiable'],
    ['203', 'unverifiable'],
    ['204', 'fail'],
    ['205', 'fail'],
    ['206', 'fail'],
    ['207', 'unverifiable'],
  ] as [VendorStatusCode, string][])('gives %s the verdict %s', (code, verdict) => {
    expect(vendorStatus(code).verdict).toBe(verdict);
  });

  test('marks 202 and 203 as not final and every other code as final', () => {
    expect(ALL.filter((code) => !vendorStatus(code).final).sort()).toEqual(['202', '203']);
  });

  test.each([
    ['204', 'name'],
    ['205', 'idCard'],
    ['206', 'mobile'],
  ] as [VendorStatusCode, string][])('points %s at the field %s', (code, field) => {
    expect(vendorStatus(code).field).toBe(field);
  });

  test.each(['01', '02', '202', '203', '207'] as VendorStatusCode[])('points %s at no field', (code) => {
    expect(vendorStatus(code).field).toBeUndefined();
  });

  test('gives every code its own title and message', () => {
    expect(new Set(ALL.map((code) => vendorStatus(code).title)).size).toBe(ALL.length);
    expect(new Set(ALL.map((code) => vendorStatus(code).message)).size).toBe(ALL.length);
  });

  test('returns a fresh object, so changing one answer does not change the table', () => {
    const first = vendorStatus('01');
    first.verdict = 'fail';
    first.message = 'changed';
    expect(vendorStatus('01')).toMatchObject({ verdict: 'pass' });
    expect(vendorStatus('01').message).not.toBe('changed');
  });
});

describe('isVendorStatusCode', () => {
  test.each(ALL)('accepts the documented code %s', (code) => {
    expect(isVendorStatusCode(code)).toBe(true);
  });

  test.each([
    ['00'],
    ['1'],
    ['2'],
    ['03'],
    ['200'],
    ['201'],
    ['208'],
    [' 01'],
    ['01 '],
    [''],
    ['__proto__'],
    ['constructor'],
    ['toString'],
    ['hasOwnProperty'],
    ['valueOf'],
    [1],
    [202],
    [null],
    [undefined],
    [{}],
    [['01']],
  ])('rejects %p', (value) => {
    expect(isVendorStatusCode(value)).toBe(false);
  });
});
