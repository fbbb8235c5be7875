// The caller's own consent and records: agreeing, status, withdrawal, listing and deletion (PIPL art. 15, 23, 29, 44–47).
import { randomUUID } from 'node:crypto';
import { editionLabel, parseAcceptance, type AcceptAnswer, type MyRecordsAnswer, type OwnLimits, type OwnVerification, type Refusal, type StatusAnswer, type WithdrawAnswer } from '../../../../src/domain';
import { agreementEditions } from '../../../../src/operator/agreementEditions';
import type { HandlerDeps } from '../handlerDeps';
import { DAY_MS, limitsKeptUntil, prunedLimits } from '../policy';
import type { Hasher, Store } from '../ports';
import type { CallerLimits, VerificationRecord } from '../store/types';

type Ready = { store: Store; hasher: Hasher };
type Answer<T> = Omit<T, 'traceId'>;

const edition = (version: string) => editionLabel(version, agreementEditions);

/** `acceptAgreement`: both separate consents to the text in force, registered on the function's clock. */
export async function acceptAgreement(deps: HandlerDeps, ready: Ready, event: Record<string, unknown>, caller: string, traceId: string, now: number): Promise<Answer<AcceptAnswer> | { refusal: Refusal; agreementVersion: string }> {
  const accepted = parseAcceptance(event, deps.agreementVersion);
  if (!accepted.ok) return { refusal: accepted, agreementVersion: deps.agreementVersion };
  const consentId = randomUUID().replace(/-/g, '');
  const { agreementVersion } = accepted.value;
  await ready.store.recordAgreement({
    kind: 'agreement', consentId, traceId, caller: ready.hasher.hash('caller', caller), triple: '', agreementVersion, acceptedAt: now, at: now,
  });
  return { ok: true, consentId, acceptedAt: now, agreementVersion, edition: edition(agreementVersion) };
}

export async function status(deps: HandlerDeps, ready: Ready, caller: string, traceId: string, now: number): Promise<Answer<StatusAnswer> & { phoneSource: string }> {
  const pass = await ready.store.latestPass(ready.hasher.hash('caller', caller), now - deps.verifiedDays * DAY_MS);
  if (!pass) return { ok: true, verified: false, phoneSource: deps.phoneSource };
  const token = deps.tokens?.issue({ caller, traceId, masked: pass.masked, agreementVersion: pass.agreementVersion, phone: pass.phone, provider: pass.provider, now });
  return {
    ok: true, verified: true, verifiedAt: pass.at, masked: pass.masked, phoneSource: deps.phoneSource,
    ...(token && { token: token.token, tokenExpiresAt: token.expiresAt }),
  };
}

export async function withdrawConsent(ready: Ready, caller: string, now: number): Promise<Answer<WithdrawAnswer>> {
  const deleted = await ready.store.withdraw(ready.hasher.hash('caller', caller), now);
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

export async function myRecords(ready: Ready, caller: string, now: number): Promise<Answer<MyRecordsAnswer>> {
  const own = await ready.store.ownRecords(ready.hasher.hash('caller', caller));
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

export async function deleteMyRecords(ready: Ready, caller: string, now: number) {
  return { ok: true as const, deleted: await ready.store.deleteOwn(ready.hasher.hash('caller', caller), now) };
}
