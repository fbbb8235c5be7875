import type { AgreementEdition } from '../domain/agreement/types';

/**
 * Every wording of the 个人信息授权书 ever shown, newest last. When the text or src/settings/operator.ts
 * changes, test/domain/agreement.test.ts fails with the new version: add it here with today's date and
 * the next edition number. Keep old entries: recorded consents name the version they were given for.
 */
export const agreementEditions: readonly AgreementEdition[] = [
  { label: '2026-11-29 第1版', version: '84c834e11219c35e' },
];
