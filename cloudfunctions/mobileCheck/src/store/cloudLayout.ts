// Where the cloud store keeps what: collection names and document ids.

/** Collection names; create them in the cloud console and give each the rules in ../../database-rules.json. */
export const COLLECTIONS = {
  consents: 'mobileCheck_consents',
  verifications: 'mobileCheck_verifications',
  claims: 'mobileCheck_claims',
  counters: 'mobileCheck_counters',
} as const;

// Counter documents: u_<caller> limits, r_<day>_<caller> requests, b_<day> budget, quota, s_<day> stats,
// o_<slot> once-per-slot locks (purge hour, digest day), d_<traceId> give-backs still owed.
export const ids = {
  limits: (caller: string) => `u_${caller}`,
  requests: (day: string, caller: string) => `r_${day}_${caller}`,
  budget: (day: string) => `b_${day}`,
  quota: 'quota',
  stats: (day: string) => `s_${day}`,
  once: (slot: string) => `o_${slot}`,
  debt: (traceId: string) => `d_${traceId}`,
  claim: (caller: string, triple: string) => `k_${caller.slice(0, 32)}${triple.slice(0, 32)}`,
};
