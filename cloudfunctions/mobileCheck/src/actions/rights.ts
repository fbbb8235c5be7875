// The caller's own consent and records: agreeing, status, withdrawal, listing and deletion (PIPL art. 15, 23, 29, 44–47).
import { editionLabel, parseAcceptance, type AcceptAnswer, type MyRecordsAnswer, type OwnLimits, type OwnVerification, type PhoneSource, type Refusal, type StatusAnswer, type WithdrawAnswer } from '../../../../src/domain';
import { agreementEditions } from '../../../../src/operator/agreementEditions';
import { DAY_MS, limitsKeptUntil, prunedLimits } from '../policy';
import type { CallerLimits, Hasher, Store, TokenIssuer, VerificationRecord } from '../ports';

/** What the person's rights use: the store and the hash key (the gate has checked both), and for agreeing and `status` a few settings. */
export interface RightsDeps {
  store: Store;
  hasher: Hasher;
  agreementVersion: string;
  verifiedDays: number;
  phoneSource: PhoneSource;
  tokens: TokenIssuer | undefined;
  /** A fresh random id for each registered agreement (compose.ts: 32 hex digits). */
  newConsentId: () => string;
}
type Rights<K extends keyof RightsDeps = never> = Pick<RightsDeps, 'store' | 'hasher' | K>;
type Answer<T> = Omit<T, 'traceId'>;

const edition = (version: string) => editionLabel(version, agreementEditions);

/** `acceptAgreement`: both separate consents to the text in force, registered on the function's clock. */
export async function acceptAgreement(deps: Rights<'agreementVersion' | 'newConsentId'>, event: Record<string, unknown>, caller: string, traceId: string, now: number): Promise<Answer<AcceptAnswer> | { refusal: Refusal; agreementVersion: string }> {
  const accepted = parseAcceptance(event, deps.agreementVersion);
  if (!accepted.ok) return { refusal: accepted, agreementVersion: deps.agreementVersion };
  const consentId = deps.newConsentId();
  const { agreementVersion } = accepted.value;
  await deps.store.recordAgreement({
    kind: 'agreement', consentId, traceId, caller: deps.hasher.hash('caller', caller), triple: '', agreementVersion, acceptedAt: now, at: now,
  });
  return { ok: true, consentId, acceptedAt: now, agreementVersion, edition: edition(agreementVersion) };
}

export async function status(deps: Rights<'verifiedDays' | 'phoneSource' | 'tokens'>, caller: string, traceId: string, now: number): Promise<Answer<StatusAnswer> & { phoneSource: string }> {
  const pass = await deps.store.latestPass(deps.hasher.hash('caller', caller), now - deps.verifiedDays * DAY_MS);
  if (!pass) return { ok: true, verified: false, phoneSource: deps.phoneSource };
  const token = deps.tokens?.issue({ caller, traceId, masked: pass.masked, agreementVersion: pass.agreementVersion, phone: pass.phone, provider: pass.provider, now });
  return {
    ok: true, verified: true, verifiedAt: pass.at, masked: pass.masked, phoneSource: deps.phoneSource,
    ...(token && { token: token.token, tokenExpiresAt: token.expiresAt }),
  };
}

export async function withdrawConsent(deps: Rights, caller: string, now: number): Promise<Answer<WithdrawAnswer>> {
  const deleted = await deps.store.withdraw(deps.hasher.hash('caller', caller), now);
  return { ok: true, withdrawnAt: now, deleted };
}

const ownVerification = (record: VerificationRecord): OwnVerification => ({
  at: record.at, code: record.outcome, verified: record.outcome === '01', masked: record.masked, traceId: record.traceId,
  carrier: record.carrier, phone: record.phone, provider: record.provider, edition: edition(record.agreementVersion),
});

/** What the limits record holds about the caller, in counts; null when it holds nothing any more. */
function ownLimits(stored: CallerLimits | undefined, now: number): OwnLimits | null {
  const limits = stored && prunedLimits(stored, now);
  if (!limits) return null;
  return { keptUntil: limitsKeptUntil(limits, now), checksToday: limits.calls, identities30Days: Object.keys(limits.identities).length };
}

export async function myRecords(deps: Rights, caller: string, now: number): Promise<Answer<MyRecordsAnswer>> {
  const own = await deps.store.ownRecords(deps.hasher.hash('caller', caller));
  return {
    ok: true,
    records: own.verifications.sort((a, b) => b.at - a.at).map(ownVerification),
    // The agreements; each check's confirmation is shown by its verification record.
    consents: own.consents.filter((c) => c.kind === 'agreement').sort((a, b) => b.acceptedAt - a.acceptedAt).map((c) => ({
      consentId: c.consentId, acceptedAt: c.acceptedAt, edition: edition(c.agreementVersion), agreementVersion: c.agreementVersion,
      ...(c.withdrawnAt !== undefined && { withdrawnAt: c.withdrawnAt }),
    })),
    limits: ownLimits(own.limits, now),
  };
}

export async function deleteMyRecords(deps: Rights, caller: string, now: number) {
  return { ok: true as const, deleted: await deps.store.deleteOwn(deps.hasher.hash('caller', caller), now) };
}
