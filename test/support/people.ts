import { buildAgreement, type ProviderId } from '../../src/domain';
import { operatorSettings } from '../../src/operator/settings';
import { withCheckChar } from './gb11643';

export const agreementVersion = buildAgreement(operatorSettings).version;

/** The version the function builds for these providers (MOBILECHECK_PROVIDERS): the agreement names them. */
export const versionFor = (providers: readonly ProviderId[]): string =>
  buildAgreement(operatorSettings, { retentionDays: operatorSettings.retentionDays, providers }).version;

/** A valid person; the sandbox vendor answers by the mobile's last digit (0 → 01). */
export const person = { name: '张三', idCard: '11010519491231002X', mobile: '13800138000' };

/** Agreed on 2023-11-14: before any clock the tests use. */
export const ACCEPTED_AT = 1_700_000_000_000;

/** The consent id of an agreement given before the test (test/support/preAgreed.ts registers it). */
export const PRE_AGREED_ID = 'feedfacefeedfacefeedfacefeedface';

/** A check's consent: the pre-test agreement, confirmed for this check. */
export const consent = { consentId: PRE_AGREED_ID, thisCheck: true };

/** What the mini-program sent before consents were registered by the function: refused now. */
export const oldConsent = { agreementVersion, accepted: true, acceptedAt: ACCEPTED_AT };

export const mobileEndingIn = (digit: number | string): string => `1380013800${digit}`;

/** A valid, distinct ID for each n (birth dates 1980-01-01 onwards). */
export function idCardNumber(n: number): string {
  const birth = new Date(Date.UTC(1980, 0, 1) + n * 86_400_000);
  const ymd = birth.toISOString().slice(0, 10).replace(/-/g, '');
  return withCheckChar(`110105${ymd}${String(n % 1000).padStart(3, '0')}`);
}

export const checkEvent = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  ...person,
  consent,
  ...overrides,
});

/** Every raw value a leak scan looks for. */
export const rawValues = (p: { name: string; idCard: string; mobile: string } = person): string[] => [p.name, p.idCard, p.mobile];

/** A valid ID of someone who turned `years` old on or shortly before the Beijing date of `now`. */
export function idCardAged(now: number, years: number): string {
  const today = new Date(now + 8 * 3_600_000);
  const year = today.getUTCFullYear() - years;
  const ymd = `${year}${String(today.getUTCMonth() + 1).padStart(2, '0')}${String(Math.min(today.getUTCDate(), 28)).padStart(2, '0')}`;
  return withCheckChar(`110105${ymd}001`);
}
