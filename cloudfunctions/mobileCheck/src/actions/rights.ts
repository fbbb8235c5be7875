// The caller's own records: status, withdrawal, listing and deletion (PIPL art. 15, 44–47).
import type { MyRecordsAnswer, OwnVerification, StatusAnswer } from '../../../../src/domain';
import type { HandlerDeps } from '../handlerDeps';
import { DAY_MS } from '../policy';
import type { Hasher, Store } from '../ports';
import type { VerificationRecord } from '../store/types';

type Ready = { store: Store; hasher: Hasher };
type Answer<T> = Omit<T, 'traceId'>;

export async function status(deps: HandlerDeps, ready: Ready, caller: string, traceId: string, now: number): Promise<Answer<StatusAnswer> & { phoneSource: string }> {
  const pass = await ready.store.latestPass(ready.hasher.hash('caller', caller), now - deps.verifiedDays * DAY_MS);
  if (!pass) return { ok: true, verified: false, phoneSource: deps.phoneSource };
  const token = deps.tokens?.issue({ caller, traceId, masked: pass.masked, agreementVersion: pass.agreementVersion, phone: pass.phone, provider: pass.provider, now });
  return {
    ok: true, verified: true, verifiedAt: pass.at, masked: pass.masked, phoneSource: deps.phoneSource,
    ...(token && { token: token.token, tokenExpiresAt: token.expiresAt }),
  };
}

export async function withdrawConsent(ready: Ready, caller: string, now: number) {
  await ready.store.withdraw(ready.hasher.hash('caller', caller), now);
  return { ok: true as const, withdrawnAt: now };
}

const ownVerification = (record: VerificationRecord): OwnVerification => ({
  at: record.at, code: record.outcome, verified: record.outcome === '01', cached: false, masked: record.masked, traceId: record.traceId, provider: record.provider,
});

export async function myRecords(ready: Ready, caller: string): Promise<Answer<MyRecordsAnswer>> {
  const own = await ready.store.ownRecords(ready.hasher.hash('caller', caller));
  return {
    ok: true,
    records: own.verifications.sort((a, b) => b.at - a.at).map(ownVerification),
    consents: own.consents.sort((a, b) => b.at - a.at).map((c) => ({ at: c.at, agreementVersion: c.agreementVersion, ...(c.withdrawnAt !== undefined && { withdrawnAt: c.withdrawnAt }) })),
  };
}

export async function deleteMyRecords(ready: Ready, caller: string, now: number) {
  return { ok: true as const, deleted: await ready.store.deleteOwn(ready.hasher.hash('caller', caller), now) };
}
