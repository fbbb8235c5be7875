import { buildAgreement, idCardCheckChar } from '../../src/domain';
import { operatorSettings } from '../../src/operator/settings';

/** A valid, distinct person for each n; mobiles end in 0, 8 or 9 so the sandbox answers 01. */
export function distinctPerson(n: number): { name: string; idCard: string; mobile: string } {
  const birth = new Date(Date.UTC(1960, 0, 1) + (n % 15_000) * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
  const first17 = `110105${birth}${String(Math.floor(n / 15_000) % 1000).padStart(3, '0')}`;
  const mobile = `13${String(n % 100_000_000).padStart(8, '0')}${['0', '8', '9'][n % 3]}`;
  return { name: '张三', idCard: first17 + idCardCheckChar(first17), mobile };
}

export interface CheckConsent {
  consentId: string;
  thisCheck: true;
}

/** The caller agrees (`acceptAgreement`, one request) and confirms each check with the consent it answered. */
export async function agree(handle: (event: unknown, caller: string) => Promise<unknown>, caller: string, version = buildAgreement(operatorSettings).version): Promise<CheckConsent> {
  const answer = (await handle({ action: 'acceptAgreement', agreementVersion: version, separate: { idCard: true, provision: true } }, caller)) as { consentId?: unknown };
  if (typeof answer.consentId !== 'string') throw new Error(`acceptAgreement refused: ${JSON.stringify(answer)}`);
  return { consentId: answer.consentId, thisCheck: true };
}

/** A check event for distinctPerson(n) with the caller's consent. */
export const benchEvent = (n: number, consent: CheckConsent) => ({ ...distinctPerson(n), consent });
