import type { AgreementEdition } from '../domain/agreement/types';

/**
 * Every wording of the 个人信息授权书 ever shown, newest last. When the text or src/operator/settings.ts
 * changes, test/domain/agreement.test.ts fails with the new version: add it here with today's date and
 * the next edition number (and test/domain/agreementEditions.test.ts asks for the replaced text in
 * agreementArchive.ts). Keep old entries: recorded consents name the version they were given for.
 */
export const agreementEditions: readonly AgreementEdition[] = [
  { label: '2026-11-29 第1版', version: '84c834e11219c35e' },
  // From the second edition on, the text names the data providers in use (MOBILECHECK_PROVIDERS) and how
  // the mobile is obtained (MOBILECHECK_PHONE_SOURCE): one version per provider list and phone source.
  { label: '2026-12-04 第2版', version: 'a15c177292b25fae' }, // aliyun-market
  { label: '2026-12-04 第2版（微信手机号）', version: 'f85efdd167cb1e3f' }, // aliyun-market, WeChat phone
  { label: '2026-12-04 第3版', version: '3c30141e1944f0ec' }, // tencent-faceid
  { label: '2026-12-04 第3版（微信手机号）', version: '558027c222039f83' }, // tencent-faceid, WeChat phone
  { label: '2026-12-04 第4版', version: 'e46d53fcc4aa9ac2' }, // aliyun-market,tencent-faceid
  { label: '2026-12-04 第4版（微信手机号）', version: 'df8b955b24dc4afd' }, // aliyun-market,tencent-faceid, WeChat phone
  { label: '2026-12-04 第5版', version: 'bee79faeddcdcfa7' }, // tencent-faceid,aliyun-market
  { label: '2026-12-04 第5版（微信手机号）', version: 'd8a641e0c3accd97' }, // tencent-faceid,aliyun-market, WeChat phone
];
