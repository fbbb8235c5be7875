import {
  ACCEPTED_ID_DOCUMENTS, AGREEMENT_FIELDS, buildAgreement, CARRIERS, CONTACT_LABEL, COPY_LABEL, DELETE_LABEL, editionLabel, EXPORT_LABEL, IDENTITY_WINDOW_DAYS,
  MY_RECORDS_PAGE, SEPARATE_CONSENT_LABELS, versionOf, WECHAT_PHONE_LABEL, WITHDRAW_LABEL, WITHDRAWAL_KEPT_DAYS,
} from '../../src/domain';
import type { Agreement, AgreementSection, OperatorSettings } from '../../src/domain';
import { agreementEditions } from '../../src/operator/agreementEditions';
import { operatorSettings } from '../../src/operator/settings';

const SETTINGS: OperatorSettings = {
  company: '成都示例科技有限公司',
  service: '会员实名认证',
  purpose: '核验您填写的姓名、身份证号码与手机号码是否属于同一人',
  contact: 'privacy@example.com',
  responseDays: 15,
  recipients: {
    'aliyun-market': { name: '四川涪擎大数据技术有限公司', contact: '028-12345678', role: '经阿里云云市场提供接口' },
    'tencent-faceid': { name: '腾讯云计算（北京）有限责任公司', contact: '95716', role: '腾讯云人脸核身' },
  },
  retentionDays: 30,
  providers: ['aliyun-market'],
  editions: [],
};
const PROVIDER = SETTINGS.recipients['aliyun-market'];

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
    expect(AGREEMENT_FIELDS).toEqual(['姓名', '身份证件号码', '手机号码']);
    expect(fields).toMatch(/身份证件号码属于敏感个人信息.*第二十八条/);
    expect(fields).toContain('单独同意');
  });

  test('names every ID document whose number the check accepts', () => {
    expect(ACCEPTED_ID_DOCUMENTS).toEqual(['居民身份证', '港澳居民居住证', '台湾居民居住证', '外国人永久居留身份证']);
    for (const document of ACCEPTED_ID_DOCUMENTS) expect(section(agreement, '使用哪些信息')).toContain(document);
    expect(text).not.toContain('只使用三项信息：姓名、居民身份证号码');
  });

  test('says how the mobile is obtained, typed or from WeChat, and the version differs between the two', () => {
    const wechat = buildAgreement(SETTINGS, { phoneSource: 'wechat' });
    expect(section(agreement, '用途和处理方式')).toContain('填写姓名、身份证件号码和手机号码并提交');
    expect(section(wechat, '用途和处理方式')).toContain(`手机号码由微信在您点击“${WECHAT_PHONE_LABEL}”并允许后提供`);
    expect(section(wechat, '用途和处理方式')).not.toContain('填写姓名、身份证件号码和手机号码');
    expect(wechat.version).not.toBe(agreement.version);
  });

  test('discloses that the signed token carries the OpenID itself to the operator\'s backend', () => {
    expect(section(agreement, '使用哪些信息')).toMatch(/凭证中含有您的 OpenID（原值）/);
    expect(section(agreement, '使用哪些信息')).toContain('在我们的记录中它只以带密钥的哈希值保存');
  });

  test('asks for each check to be confirmed beside 开始核验', () => {
    expect(section(agreement, '用途和处理方式')).toContain('每次核验前，您都要在“开始核验”旁单独确认本次核验');
  });

  test.each(['职业', '住址', '居住地址', '收入', '存款', '银行卡', '人脸', '位置', '通讯录', '学历', '婚姻', '工作单位'])(
    'asks for no other kind of information: no %s',
    (kind) => {
      expect(text).not.toContain(kind);
    },
  );

  test('names the provider in use from the settings with its contact and role, that it receives the plaintext, and the carriers with their service numbers (PIPL art. 23)', () => {
    const recipients = section(agreement, '提供给谁');
    expect(recipients).toContain(`${PROVIDER.name}（${PROVIDER.role}；联系方式：${PROVIDER.contact}）：接收上述三项信息的原文`);
    expect(recipients).not.toContain('腾讯');
    for (const [carrier, service] of [['中国移动', '10086'], ['中国联通', '10010'], ['中国电信', '10000'], ['中国广电', '10099']]) {
      expect(recipients).toContain(`${carrier}（客服电话 ${service}）`);
    }
    expect(CARRIERS).toHaveLength(4);
    expect(recipients).toMatch(/目的：核对三项信息是否一致/);
    expect(recipients).toMatch(/方式：每次核验由核验云函数经加密网络（HTTPS）提交一次/);
    expect(recipients).toContain(`三项信息（${AGREEMENT_FIELDS.join('、')}）`);
    expect(recipients).not.toContain('等）');
    expect(section(agreement, '本人授权')).toContain(`提供给${PROVIDER.name}，`);
  });

  test('with both providers, names both in order, says which receives only digests, and when the second is used', () => {
    const both = buildAgreement(SETTINGS, { providers: ['tencent-faceid', 'aliyun-market'] });
    const recipients = section(both, '提供给谁');
    expect(recipients).toMatch(/前一家暂时无法提供服务、且确定未处理本次核验时，才由下一家核验/);
    expect(recipients.indexOf('腾讯云计算（北京）有限责任公司')).toBeLessThan(recipients.indexOf('四川涪擎大数据技术有限公司'));
    expect(recipients).toContain('腾讯云计算（北京）有限责任公司（腾讯云人脸核身；联系方式：95716）：只接收三项信息各自的SHA-256摘要，不接收原文');
    expect(section(both, '本人授权')).toContain('提供给腾讯云计算（北京）有限责任公司、四川涪擎大数据技术有限公司，');
  });

  test('changes its version when the providers in use change, in kind or in order', () => {
    const versions = [['aliyun-market'], ['tencent-faceid'], ['aliyun-market', 'tencent-faceid'], ['tencent-faceid', 'aliyun-market']]
      .map((providers) => buildAgreement(SETTINGS, { providers: providers as ('aliyun-market' | 'tencent-faceid')[] }).version);
    expect(new Set(versions).size).toBe(4);
  });

  test('refuses to name no provider', () => {
    expect(() => buildAgreement(SETTINGS, { providers: [] })).toThrow(RangeError);
  });

  test('has two separate consents, quoted in the text exactly as the tick boxes say them (PIPL art. 23, 29)', () => {
    const own = section(agreement, '本人授权');
    expect(own).toContain(`本人勾选“${SEPARATE_CONSENT_LABELS.idCard}”`);
    expect(own).toContain(`本人勾选“${SEPARATE_CONSENT_LABELS.provision}”`);
    expect(SEPARATE_CONSENT_LABELS.idCard).toContain('身份证件号码');
    expect(SEPARATE_CONSENT_LABELS.provision).toContain('第四条所列的核验服务商');
  });

  test('tells under-14s\' guardians what happens (PIPL art. 31)', () => {
    expect(section(agreement, '未满十四周岁')).toContain('证件号码显示未满14周岁的，小程序不提交核验');
  });

  test('says what is kept exactly: keyed hashes and masked fields, not the fields', () => {
    const kept = section(agreement, '保存什么');
    expect(kept).toContain('不保存您填写的完整的姓名、身份证件号码、手机号码');
    expect(kept).toContain('带密钥哈希值（HMAC-SHA256）');
    expect(kept).toContain('哈希值不是加密');
    expect(kept).toContain('持有密钥的人可以逐一试算');
    expect(kept).toContain('没有密钥，无法从哈希值推算出原信息');
    expect(kept).toContain('密钥只配置在核验云函数中');
  });

  test('states the retention period it is given, in days', () => {
    expect(section(agreement, '保存什么')).toContain('核验记录和同意记录保存 30 天，到期自动删除；同意记录删除后，再次核验需要重新同意');
    const week = buildAgreement(SETTINGS, { retentionDays: 7 });
    expect(section(week, '保存什么')).toContain('保存 7 天');
    expect(allText(week)).not.toContain('30 天，到期');
  });

  test('takes the retention period from the operator settings when none is passed', () => {
    expect(buildAgreement({ ...SETTINGS, retentionDays: 90 })).toEqual(buildAgreement(SETTINGS, { retentionDays: 90, providers: SETTINGS.providers }));
  });

  test.each([0, -1, 1.5, Number.NaN, 3651])('refuses a retention period of %p days', (retentionDays) => {
    expect(() => buildAgreement(SETTINGS, { retentionDays })).toThrow(RangeError);
  });

  test('says how to withdraw: in 我的核验记录 and through the contact, what withdrawing deletes and what it keeps', () => {
    const withdraw = section(agreement, '撤回');
    expect(withdraw).toContain(`“${MY_RECORDS_PAGE}”中点“${WITHDRAW_LABEL}”`);
    expect(WITHDRAW_LABEL).toBe('撤回同意');
    expect(withdraw).toContain(`联系 ${SETTINGS.contact}`);
    expect(withdraw).toContain('我们立即删除您的核验记录');
    expect(withdraw).toContain('同意记录（标明撤回时间');
    expect(withdraw).not.toContain('撤回本身不删除');
    expect(withdraw).toContain('撤回不影响撤回前已完成的核验');
  });

  test('says how to see, copy, correct and delete one’s records, when a request is answered, and that deleting keeps the limit counters', () => {
    const records = section(agreement, '查看、复制');
    expect(records).toContain(`“${MY_RECORDS_PAGE}”`);
    for (const label of [COPY_LABEL, EXPORT_LABEL, DELETE_LABEL, CONTACT_LABEL]) expect(records).toContain(`点“${label}”`);
    expect(records).toContain('删除不会重置核验次数限制');
    expect(records).toContain(SETTINGS.contact);
    expect(records).toContain(`我们在 ${SETTINGS.responseDays} 个工作日内答复`);
  });

  test('states each retention as the code applies it: limits entry by entry, statistics for the retention period', () => {
    const kept = section(agreement, '保存什么');
    expect(kept).toContain('每一项到期即删除');
    expect(kept).toContain(`每位被核验人的哈希值在核验后 ${IDENTITY_WINDOW_DAYS} 天删除`);
    expect(kept).toContain(`您最后一次撤回同意和最后一次删除记录的时间各保留 ${WITHDRAWAL_KEPT_DAYS} 天`);
    expect(kept).toContain('每日汇总统计（如核验次数）保存 30 天');
    expect(kept).not.toContain('会继续保留');
    expect(section(buildAgreement(SETTINGS, { retentionDays: 7 }), '保存什么')).toContain('每日汇总统计（如核验次数）保存 7 天');
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
    '留存', '信用', '不可撤销', '不可撤回', '永久保存', '永久有效', '一切法律后果', '效力具有独立性', '加密摘要', '加密保存', '加密存储',
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

  test.each(['name', 'contact', 'role'] as const)('changes when a provider\'s %s changes', (key) => {
    const recipients = { ...SETTINGS.recipients, 'aliyun-market': { ...PROVIDER, [key]: `${PROVIDER[key]}（新）` } };
    expect(buildAgreement({ ...SETTINGS, recipients }).version).not.toBe(agreement.version);
  });

  test('changes with the retention period, so a function keeping records longer refuses the page’s consent', () => {
    expect(buildAgreement(SETTINGS, { retentionDays: 31 }).version).not.toBe(agreement.version);
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

  test('lists the current text’s version for each phone source: whoever changes the text or operator.ts adds an edition', () => {
    const wechat = buildAgreement(operatorSettings, { phoneSource: 'wechat' });
    expect(agreementEditions.map((e) => e.version)).toEqual(expect.arrayContaining([current.version, wechat.version]));
    expect(current.label).not.toMatch(/^未登记版本/);
    expect(wechat.label).toMatch(/（微信手机号）$/);
  });

  test('has well-formed, distinct labels and versions', () => {
    for (const e of agreementEditions) {
      expect(e.label).toMatch(/^\d{4}-\d{2}-\d{2} 第\d+版(（微信手机号）)?$/);
      expect(e.version).toMatch(/^[0-9a-f]{16}$/);
    }
    expect(new Set(agreementEditions.map((e) => e.label)).size).toBe(agreementEditions.length);
    expect(new Set(agreementEditions.map((e) => e.version)).size).toBe(agreementEditions.length);
  });

  test('is what the operator settings use', () => {
    expect(operatorSettings.editions).toBe(agreementEditions);
  });
});
