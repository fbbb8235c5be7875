import type { AgreementEdition } from '../domain/agreement/types';

/**
 * Every wording of the 个人信息授权书 ever shown, newest last. When the text or src/settings/operator.ts
 * changes, test/domain/agreement.test.ts fails with the new version: add it here with today's date and
 * the next edition number. Keep old entries: recorded consents name the version they were given for.
 */
export const agreementEditions: readonly AgreementEdition[] = [
  { label: '2026-11-29 第1版', version: '84c834e11219c35e' },
  // 2026-12-04: the agreement names the data providers in use (MOBILECHECK_PROVIDERS); one edition each.
  { label: '2026-12-04 第2版', version: '92440c42bd20f5d0' }, // aliyun-market
  { label: '2026-12-04 第3版', version: '8ed35aade5f06db6' }, // tencent-faceid
  { label: '2026-12-04 第4版', version: '818a5ad5c0044944' }, // aliyun-market,tencent-faceid
  { label: '2026-12-04 第5版', version: '9b7ee23d5fab5365' }, // tencent-faceid,aliyun-market
];
