import { maskFields, maskIdCard, maskMobile, maskName } from '../../src/domain';

const RARE = '\u{20BB7}'; // 𠮷

describe('maskName', () => {
  test.each([
    ['张三', '张*'],
    ['欧阳娜娜', '欧***'],
    ['买买提·艾力', '买*****'],
  ])('keeps only the first character of %s', (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });

  test('keeps a first character outside the BMP whole', () => {
    const masked = maskName(`${RARE}三`);
    expect(masked).toBe(`${RARE}*`);
    expect([...masked]).toEqual([RARE, '*']);
  });

  test('counts a later rare character as one star', () => {
    expect(maskName(`张${RARE}娜`)).toBe('张**');
  });

  test('returns an empty string for an empty name', () => {
    expect(maskName('')).toBe('');
  });
});

describe('maskIdCard', () => {
  test('keeps the first 2 and last 2 characters of 11010519491231002X', () => {
    expect(maskIdCard('11010519491231002X')).toBe('11**************2X');
  });

  test('keeps the length of an 18-character ID', () => {
    expect(maskIdCard('440524198001010014')).toHaveLength(18);
    expect(maskIdCard('440524198001010014')).toBe('44**************14');
  });

  test.each([
    ['', ''],
    ['1234', '****'],
    ['12345', '12*45'],
  ])('never reveals more than it hides for the short value %p', (value, masked) => {
    expect(maskIdCard(value)).toBe(masked);
  });
});

describe('maskMobile', () => {
  test('keeps the first 3 and last 4 digits of 13800138000', () => {
    expect(maskMobile('13800138000')).toBe('138****8000');
  });

  test.each([
    ['', ''],
    ['1380013', '*******'],
    ['13800138', '138*0138'],
  ])('masks the short value %p completely or partly', (value, masked) => {
    expect(maskMobile(value)).toBe(masked);
  });
});

describe('maskFields', () => {
  test('masks all three fields as the design shows', () => {
    expect(maskFields({ name: '张三', idCard: '11010519491231002X', mobile: '13800138000' })).toEqual({
      name: '张*',
      idCard: '11**************2X',
      mobile: '138****8000',
    });
  });

  test('does not change the object it is given', () => {
    const fields = { name: '张三', idCard: '11010519491231002X', mobile: '13800138000' };
    maskFields(fields);
    expect(fields).toEqual({ name: '张三', idCard: '11010519491231002X', mobile: '13800138000' });
  });
});
