import type { Store } from './types';

/** Opens the real store on first use, so loading the function touches no database. */
export function lazyStore(open: () => Store): Store {
  let store: Store | undefined;
  const get = (): Store => (store ??= open());
  return {
    recordConsent: (record) => get().recordConsent(record),
    findReusableAnswer: (query) => get().findReusableAnswer(query),
    reserveAttempt: (plan) => get().reserveAttempt(plan),
    releaseAttempt: (reservation) => get().releaseAttempt(reservation),
    recordVerification: (record) => get().recordVerification(record),
    countBilled: () => get().countBilled(),
    claimQuotaWarning: (total) => get().claimQuotaWarning(total),
    purgeOlderThan: (cutoff, now) => get().purgeOlderThan(cutoff, now),
  };
}
