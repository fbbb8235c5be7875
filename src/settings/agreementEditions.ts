import type { AgreementEdition } from '../domain/agreement/types';

/**
 * Every wording of the 个人信息授权书 ever shown, newest last. When the text or src/settings/operator.ts
 * changes, test/domain/agreement.test.ts fails with the new version: add it here with today's date and
 * the next edition number. Keep old entries: recorded consents name the version they were given for.
 */
export const agreementEditions: readonly AgreementEdition[] = [
  { label: '2026-11-29 第1版', version: '84c834e11219c35e' },
  // From the second edition on, the text names how the mobile is obtained: one version per phone source.
  { label: '2026-12-04 第2版', version: '7d345f41ed496193' },
  { label: '2026-12-04 第2版（微信手机号）', version: '3c42dbc875a11387' },
];
