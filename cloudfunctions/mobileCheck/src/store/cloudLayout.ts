// Where the cloud store keeps what: collection names (document ids: ./documents.ts).

/** Collection names; create them in the cloud console and give each the rules in ../../database-rules.json. */
export const COLLECTIONS = {
  consents: 'mobileCheck_consents',
  verifications: 'mobileCheck_verifications',
  claims: 'mobileCheck_claims',
  counters: 'mobileCheck_counters',
} as const;
