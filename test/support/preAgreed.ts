// Most suites are about what happens after a person agreed. Their check events carry PRE_AGREED_ID,
// and this wrapper registers, the first time a caller presents it, a real agreement consent for that
// caller (given at ACCEPTED_AT, for the version in force) and reads that one instead: withdrawal,
// deletion and the purge then act on it as on any other. The consent flow itself is tested in
// test/function/consent.test.ts without this wrapper.
import type { Store } from '../../cloudfunctions/mobileCheck/src/host';
import { ACCEPTED_AT, agreementVersion, PRE_AGREED_ID } from './people';

/** The consent id this caller's pre-test agreement is stored under. */
export const preAgreedIdOf = (callerHash: string): string => callerHash.replace(/[^0-9a-f]/g, '').slice(0, 32).padEnd(32, '0');

export function preAgreed<S extends Store>(store: S, version: string = agreementVersion): S {
  // One registration per caller, however many checks ask at once.
  const registered = new Map<string, Promise<void>>();
  const register = async (caller: string, id: string) => {
    if (await store.readAgreement(caller, id)) return;
    // Another instance over the same data may register it at the same moment: either write will do.
    await store.recordAgreement({ kind: 'agreement', consentId: id, traceId: id, caller, triple: '', agreementVersion: version, acceptedAt: ACCEPTED_AT, at: ACCEPTED_AT })
      .catch(() => undefined);
  };
  return {
    ...store,
    async readAgreement(caller: string, consentId: string) {
      if (consentId !== PRE_AGREED_ID) return store.readAgreement(caller, consentId);
      const id = preAgreedIdOf(caller);
      if (!registered.has(caller)) registered.set(caller, register(caller, id));
      await registered.get(caller);
      return store.readAgreement(caller, id);
    },
  };
}
