import { buildAgreement } from '../../src/domain';
import type { Agreement, OperatorSettings } from '../../src/domain';

const SETTINGS: OperatorSettings = {
  company: '成都示例科技有限公司',
  service: '会员实名认证',
  purpose: '核验您填写的姓名、身份证号码与手机号码是否属于同一人',
  contact: 'privacy@example.com',
};

const allText = (agreement: Agreement): string =>
  [agreement.title, agreement.notice, ...agreement.body]
    .map((part) => (typeof part === 'string' ? part : [part.heading, ...part.paragraphs].join('\n')))
    .join('\n');

describe('buildAgreement', () => {
  const agreement = buildAgreement(SETTINGS);
  const text = allText(agreement);

  test('is titled 个人信息授权书', () => {
    expect(agreement.title).toBe('个人信息授权书');
  });

  test.each(Object.entries(SETTINGS))('fills the %s into the text', (_key, value) => {
    expect(text).toContain(value);
  });

  test('addresses the company in the authorization body', () => {
    expect(agreement.body[0].heading).toContain(SETTINGS.company);
    expect(agreement.body.map((s) => s.paragraphs.join('')).join('')).toContain(SETTINGS.service);
    expect(agreement.body.map((s) => s.paragraphs.join('')).join('')).toContain(SETTINGS.purpose);
  });

  test('tells the person, before the body, why the data is needed and whom to contact', () => {
    const notice = agreement.notice.paragraphs.join('\n');
    expect(agreement.notice.heading.length).toBeGreaterThan(0);
    expect(notice).toContain(SETTINGS.company);
    expect(notice).toContain(SETTINGS.purpose);
    expect(notice).toContain(SETTINGS.contact);
    expect(notice).toContain('身份证号码');
  });

  test('leaves no unfilled 【】 placeholders', () => {
    expect(text).not.toMatch(/[【】]/);
    expect(text).not.toMatch(/\$\{|undefined|\[object Object\]/);
  });

  test('says consent can be withdrawn (撤回)', () => {
    expect(text).toContain('撤回');
    expect(agreement.body.map((s) => s.paragraphs.join('')).join('')).toContain('撤回');
  });

  test("drops the template's 不可撤销 clause", () => {
    expect(text).not.toContain('不可撤销');
    expect(text).not.toContain('不可撤回');
  });

  test('has a version of 16 lower-case hex characters', () => {
    expect(agreement.version).toMatch(/^[0-9a-f]{16}$/);
  });

  test('gives the same version for the same settings', () => {
    expect(buildAgreement({ ...SETTINGS }).version).toBe(agreement.version);
  });

  test('gives the same text for the same settings', () => {
    expect(buildAgreement({ ...SETTINGS })).toEqual(agreement);
  });

  test.each(Object.keys(SETTINGS) as (keyof OperatorSettings)[])('gives a different version when the %s changes', (key) => {
    const changed = buildAgreement({ ...SETTINGS, [key]: `${SETTINGS[key]}（新）` });
    expect(changed.version).toMatch(/^[0-9a-f]{16}$/);
    expect(changed.version).not.toBe(agreement.version);
  });

  test('gives a different version for a one-character change', () => {
    const changed = buildAgreement({ ...SETTINGS, contact: 'privacy@example.con' });
    expect(changed.version).not.toBe(agreement.version);
  });

  test('gives a different version when text moves between fields', () => {
    const a = buildAgreement({ ...SETTINGS, company: '甲公司', service: '乙服务' });
    const b = buildAgreement({ ...SETTINGS, company: '甲公司乙', service: '服务' });
    expect(a.version).not.toBe(b.version);
  });
});
