import { buildAgreement, idCardCheckChar } from '../../src/domain';
import { operatorSettings } from '../../src/settings/operator';

/** A valid, distinct person for each n; mobiles end in 0, 8 or 9 so the sandbox answers 01. */
export function distinctPerson(n: number): { name: string; idCard: string; mobile: string } {
  const birth = new Date(Date.UTC(1960, 0, 1) + (n % 15_000) * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
  const first17 = `110105${birth}${String(Math.floor(n / 15_000) % 1000).padStart(3, '0')}`;
  const mobile = `13${String(n % 100_000_000).padStart(8, '0')}${['0', '8', '9'][n % 3]}`;
  return { name: '张三', idCard: first17 + idCardCheckChar(first17), mobile };
}

/** A check event for distinctPerson(n), agreed to the current agreement a minute ago. */
export const benchEvent = (n: number) => ({
  ...distinctPerson(n),
  consent: { agreementVersion: buildAgreement(operatorSettings).version, accepted: true, acceptedAt: Date.now() - 60_000 },
});
