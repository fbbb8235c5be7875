import { AGREEMENT_FIELDS, buildAgreement, editionLabel, MY_RECORDS_PAGE, versionOf } from '../../src/domain';
import type { Agreement, AgreementSection, OperatorSettings } from '../../src/domain';
import { agreementEditions } from '../../src/settings/agreementEditions';
import { operatorSettings } from '../../src/settings/operator';

const SETTINGS: OperatorSettings = {
  company: '成都示例科技有限公司',
  service: '会员实名认证',
  purpose: '核验您填写的姓名、身份证号码与手机号码是否属于同一人',
  contact: 'privacy@example.com',
  recipients: {
    'aliyun-market': { name: '四川涪擎大数据技术有限公司', contact: '028-12345678' },
    'tencent-faceid': { name: '腾讯云计算（北京）有限责任公司', contact: '95716' },
  },
  retentionDays: 30,
  providers: ['aliyun-market'],
  editions: [],
};

const sectionText = (s: AgreementSection): string => [s.heading, ...s.paragraphs].join('\n');
const allText = (a: Agreement): string => [a.title, a.notice, ...a.body].map((p) => (typeof p === 'string' ? p : sectionText(p))).join('\n');
const section = (a: Agreement, heading: string): string => {
  const found = a.body.find((s) => s.heading.includes(heading));
  if (!found) throw new Error(`no section headed ${heading}`);
  return found.paragraphs.join('\n');
};

const agreement = buildAgreement(SETTINGS);
const text = allText(agreement);

describe('what the agreement says', () => {
  test('is titled 个人信息授权书 and starts with why the data is needed', () => {
    expect(agreement.title).toBe('个人信息授权书');
    expect(agreement.notice.heading).toBe('为什么需要这些信息');
  });

  test.each(['company', 'service', 'purpose', 'contact'] as const)('fills the operator %s into the text', (key) => {
    expect(text).toContain(SETTINGS[key]);
  });

  test('names the operator as the processor, with its contact', () => {
    expect(section(agreement, '谁处理')).toContain(`个人信息处理者：${SETTINGS.company}`);
    expect(section(agreement, '谁处理')).toContain(SETTINGS.contact);
  });

  test('lists exactly the three fields it uses, and calls the ID number sensitive', () => {
    const fields = section(agreement, '使用哪些信息');
    expect(fields).toContain(`只使用三项信息：${AGREEMENT_FIELDS.join('、')}。`);
    expect(AGREEMENT_FIELDS).toEqual(['姓名', '居民身份证号码', '手机号码']);
    expect(fields).toMatch(/居民身份证号码属于敏感个人信息.*第二十八条/);
    expect(fields).toContain('单独同意');
  });

  test.each(['职业', '住址', '居住地址', '收入', '存款', '银行卡', '人脸', '位置', '通讯录', '学历', '婚姻', '工作单位'])(
    'asks for no other kind of information: no %s',
    (kind) => {
      expect(text).not.toContain(kind);
    },
  );

  test('names the provider in use, its contact, that it receives the plaintext, and the carriers', () => {
    const recipients = section(agreement, '提供给谁');
    expect(recipients).toContain('四川涪擎大数据技术有限公司（经阿里云云市场提供接口；联系方式：028-12345678）：接收上述三项信息的原文');
    expect(recipients).toContain('该手机号码所属的电信运营商');
    expect(recipients).not.toContain('腾讯');
    expect(section(agreement, '本人授权')).toContain(`本人授权${SETTINGS.company}及其委托的四川涪擎大数据技术有限公司，`);
  });

  test('with both providers, names both in order, says which receives only digests, and when the second is used', () => {
    const both = buildAgreement(SETTINGS, { retentionDays: 30, providers: ['tencent-faceid', 'aliyun-market'] });
    const recipients = section(both, '提供给谁');
    expect(recipients).toMatch(/前一家暂时无法提供服务、且确定未处理本次核验时，才由下一家核验/);
    expect(recipients.indexOf('腾讯云计算（北京）有限责任公司')).toBeLessThan(recipients.indexOf('四川涪擎大数据技术有限公司'));
    expect(recipients).toContain('腾讯云计算（北京）有限责任公司（腾讯云人脸核身；联系方式：95716）：只接收三项信息各自的SHA-256摘要，不接收原文');
    expect(section(both, '本人授权')).toContain('委托的腾讯云计算（北京）有限责任公司、四川涪擎大数据技术有限公司，');
  });

  test('changes its version when the providers in use change, in kind or in order', () => {
    const versions = [['aliyun-market'], ['tencent-faceid'], ['aliyun-market', 'tencent-faceid'], ['tencent-faceid', 'aliyun-market']]
      .map((providers) => buildAgreement(SETTINGS, { retentionDays: 30, providers: providers as ('aliyun-market' | 'tencent-faceid')[] }).version);
    expect(new Set(versions).size).toBe(4);
  });

  test('refuses to name no provider', () => {
    expect(() => buildAgreement(SETTINGS, { retentionDays: 30, providers: [] })).toThrow(RangeError);
  });

  test('says what is kept exactly: keyed hashes and masked fields, not the fields', () => {
    const kept = section(agreement, '保存什么');
    expect(kept).toContain('不保存您填写的完整的姓名、居民身份证号码、手机号码');
    expect(kept).toContain('带密钥哈希值（HMAC-SHA256）');
    expect(kept).toContain('哈希值不是加密');
    expect(kept).toContain('持有密钥的人可以逐一试算');
    expect(kept).toContain('没有密钥，无法从哈希值推算出原信息');
    expect(kept).toContain('密钥只配置在核验云函数中');
  });

  test('states the retention period it is given, in days', () => {
    expect(section(agreement, '保存什么')).toContain('核验记录和同意记录保存 30 天，到期自动删除');
    const week = buildAgreement(SETTINGS, { retentionDays: 7, providers: SETTINGS.providers });
    expect(section(week, '保存什么')).toContain('保存 7 天');
    expect(allText(week)).not.toContain('30 天，到期');
  });

  test('takes the retention period from the operator settings when none is passed', () => {
    expect(buildAgreement({ ...SETTINGS, retentionDays: 90 })).toEqual(buildAgreement(SETTINGS, { retentionDays: 90, providers: SETTINGS.providers }));
  });

  test.each([0, -1, 1.5, Number.NaN, 3651])('refuses a retention period of %p days', (retentionDays) => {
    expect(() => buildAgreement(SETTINGS, { retentionDays, providers: SETTINGS.providers })).toThrow(RangeError);
  });

  test('says how to withdraw: in 我的核验记录 and through the contact, and what withdrawing does', () => {
    const withdraw = section(agreement, '撤回');
    expect(withdraw).toContain(`“${MY_RECORDS_PAGE}”中点“撤回同意”`);
    expect(withdraw).toContain(`联系 ${SETTINGS.contact}`);
    expect(withdraw).toContain('撤回不影响撤回前已完成的核验');
  });

  test('says how to see and delete one’s records, and that deleting keeps the limit counters', () => {
    const records = section(agreement, '查看和删除');
    expect(records).toContain(`“${MY_RECORDS_PAGE}”`);
    expect(records).toContain('一次删除全部记录');
    expect(records).toContain('删除不会重置核验次数限制');
    expect(records).toContain(SETTINGS.contact);
  });

  test('says what refusing means: no check, and whom to ask for another way', () => {
    const refusing = section(agreement, '不同意');
    expect(refusing).toContain('不能为您进行手机号实名核验');
    expect(refusing).toContain(`其他方式完成“${SETTINGS.service}”的，请联系 ${SETTINGS.contact}`);
  });

  test('tells why the ID number is needed and how the result affects the person (PIPL art. 30)', () => {
    const why = agreement.notice.paragraphs.join('\n');
    expect(why).toContain('没有它无法核验');
    expect(why).toContain('对您的影响');
  });

  test('leaves no unfilled placeholders', () => {
    expect(text).not.toMatch(/[【】]|\$\{|undefined|NaN|\[object Object\]/);
  });
});

describe('what the agreement no longer grants', () => {
  // The vendor template's grants that a phone check does not need, and claims the product cannot keep.
  const FORBIDDEN = [
    '业务存续期', '无次数限制', '综合化服务', '径行', '无需再逐一', '征信', '贷款', '信用卡', '担保', '交易记录', '违法违规',
    '财产', '行踪', '轨迹', '不良信息', '无须另行告知', '有价证券', '商业保险', '不动产', '纳税', '个人信息数据库', '加工',
    '留存', '信用', '不可撤销', '不可撤回', '永久', '一切法律后果', '效力具有独立性', '加密摘要', '加密保存', '加密存储',
    '无法还原', '不可还原', '不可逆',
  ];

  test.each(FORBIDDEN)('does not contain 「%s」', (phrase) => {
    expect(text).not.toContain(phrase);
  });
});

describe('the version', () => {
  test('is 16 lower-case hex characters, the same for the same settings', () => {
    expect(agreement.version).toMatch(/^[0-9a-f]{16}$/);
    expect(buildAgreement({ ...SETTINGS })).toEqual(agreement);
  });

  test('is the hash of exactly what is shown', () => {
    expect(versionOf(agreement)).toBe(agreement.version);
  });

  test('changes when any shown character changes: title, notice or any paragraph', () => {
    const edit = (s: string): string => `${s}。`;
    const variants: Agreement[] = [
      { ...agreement, title: edit(agreement.title) },
      { ...agreement, notice: { ...agreement.notice, heading: edit(agreement.notice.heading) } },
      ...agreement.notice.paragraphs.map((_, i) => ({
        ...agreement, notice: { ...agreement.notice, paragraphs: agreement.notice.paragraphs.map((p, j) => (i === j ? edit(p) : p)) },
      })),
      ...agreement.body.flatMap((s, i) => [
        { ...agreement, body: agreement.body.map((t, k) => (k === i ? { ...t, heading: edit(t.heading) } : t)) },
        ...s.paragraphs.map((_, j) => ({
          ...agreement,
          body: agreement.body.map((t, k) => (k === i ? { ...t, paragraphs: t.paragraphs.map((p, m) => (m === j ? edit(p) : p)) } : t)),
        })),
      ]),
    ];
    const versions = new Set(variants.map(versionOf));
    expect(versions.size).toBe(variants.length);
    expect(versions.has(agreement.version)).toBe(false);
  });

  test.each(['company', 'service', 'purpose', 'contact'] as const)('changes when the %s changes', (key) => {
    expect(buildAgreement({ ...SETTINGS, [key]: `${SETTINGS[key]}（新）` }).version).not.toBe(agreement.version);
  });

  test('changes with the retention period, so a function keeping records longer refuses the page’s consent', () => {
    expect(buildAgreement(SETTINGS, { retentionDays: 31, providers: SETTINGS.providers }).version).not.toBe(agreement.version);
  });

  test('changes when text moves between fields', () => {
    const a = buildAgreement({ ...SETTINGS, company: '甲公司', service: '乙服务' });
    const b = buildAgreement({ ...SETTINGS, company: '甲公司乙', service: '服务' });
    expect(a.version).not.toBe(b.version);
  });

  test('does not depend on the editions list', () => {
    expect(buildAgreement({ ...SETTINGS, editions: [{ label: 'x', version: agreement.version }] }).version).toBe(agreement.version);
  });

  test('is built without reading the clock, the environment or randomness', () => {
    const RealDate = Date;
    const realEnv = process.env;
    const realRandom = Math.random;
    const refuse = (): never => {
      throw new Error('the agreement must not read this');
    };
    globalThis.Date = new Proxy(RealDate, { construct: refuse, apply: refuse, get: (t, p) => (p === 'now' ? refuse : Reflect.get(t, p)) });
    process.env = new Proxy({}, { get: refuse, has: refuse, ownKeys: refuse });
    Math.random = refuse;
    try {
      expect(buildAgreement(SETTINGS)).toEqual(agreement);
    } finally {
      globalThis.Date = RealDate;
      process.env = realEnv;
      Math.random = realRandom;
    }
  });
});

describe('the readable label', () => {
  test('comes from the editions list', () => {
    const labelled = buildAgreement({ ...SETTINGS, editions: [{ label: '2026-11-29 第3版', version: agreement.version }] });
    expect(labelled.label).toBe('2026-11-29 第3版');
  });

  test('says plainly when a version is not in the list, with its hash', () => {
    expect(agreement.label).toBe(`未登记版本 ${agreement.version}`);
    expect(editionLabel('0123456789abcdef', agreementEditions)).toBe('未登记版本 0123456789abcdef');
  });

  test('labels an older version a consent was given for', () => {
    const editions = [{ label: '2026-01-02 第1版', version: 'aaaaaaaaaaaaaaaa' }, { label: '2026-11-29 第2版', version: 'bbbbbbbbbbbbbbbb' }];
    expect(editionLabel('aaaaaaaaaaaaaaaa', editions)).toBe('2026-01-02 第1版');
  });
});

describe('the committed editions list', () => {
  const current = buildAgreement(operatorSettings);

  test('lists the current text’s version: whoever changes the text or operator.ts adds an edition', () => {
    expect(agreementEditions.map((e) => e.version)).toContain(current.version);
    expect(current.label).not.toMatch(/^未登记版本/);
  });

  test('has well-formed, distinct labels and versions', () => {
    for (const e of agreementEditions) {
      expect(e.label).toMatch(/^\d{4}-\d{2}-\d{2} 第\d+版$/);
      expect(e.version).toMatch(/^[0-9a-f]{16}$/);
    }
    expect(new Set(agreementEditions.map((e) => e.label)).size).toBe(agreementEditions.length);
    expect(new Set(agreementEditions.map((e) => e.version)).size).toBe(agreementEditions.length);
  });

  test('is what the operator settings use', () => {
    expect(operatorSettings.editions).toBe(agreementEditions);
  });
});
