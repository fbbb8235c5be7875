// What both store adapters (the cloud database here, local-host's SQLite file) share: document ids,
// and how store values are written as documents and read back through type guards. The rules they
// apply (spendExhausted, limitsGiveBack, prunedLimits, …) are policy.ts's.
import { DEFAULT_PROVIDERS, isErrorCode, isProviderId, isVendorStatusCode, type ErrorCode, type ProviderId } from '../../../../src/domain';
import { emptyAggregates } from '../aggregates';
import { beijingDayStart } from '../policy';
import type { Aggregates, CallerLimits, Claim, ClaimAnswer, ConsentRecord, VerificationRecord } from '../ports';

/** A stored document: plain values only. */
export type Doc = Record<string, unknown>;

// Counter documents: u_<caller> limits, r_<day>_<caller> requests, b_<day> budget, quota, s_<day> aggregates,
// o_<slot> run-once flags (purge hour, digest day), d_<traceId> give-backs still owed; k_… claims.
export const ids = {
  limits: (caller: string) => `u_${caller}`,
  requests: (day: string, caller: string) => `r_${day}_${caller}`,
  budget: (day: string) => `b_${day}`,
  quota: 'quota',
  aggregates: (day: string) => `s_${day}`,
  once: (slot: string) => `o_${slot}`,
  debt: (traceId: string) => `d_${traceId}`,
  claim: (caller: string, triple: string) => `k_${caller.slice(0, 32)}${triple.slice(0, 32)}`,
};

const numberMap = (value: unknown): Record<string, number> =>
  typeof value === 'object' && value !== null
    ? Object.fromEntries(Object.entries(value).filter((entry): entry is [string, number] => typeof entry[1] === 'number'))
    : {};

const providerCounts = (value: unknown): Aggregates['byProvider'] =>
  Object.fromEntries(Object.entries(typeof value === 'object' && value !== null ? value : {}).map(([id, counts]) => {
    const map = numberMap(counts);
    return [id, { vendorCalls: map.vendorCalls ?? 0, billed: map.billed ?? 0 }];
  }));

/** Records written before providers were recorded came from the only provider there was. */
const providerOf = (value: unknown): ProviderId => (isProviderId(value) ? value : DEFAULT_PROVIDERS[0]);

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

function claimAnswer(value: unknown): ClaimAnswer | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const doc = value as Doc;
  if (!isVendorStatusCode(doc.code)) return undefined;
  return { code: doc.code, carrier: text(doc.carrier), traceId: text(doc.traceId), at: Number(doc.at), final: doc.final === true, provider: providerOf(doc.provider) };
}

/** The limits as a document; `replace` wraps maps so an update replaces them whole (the cloud's `_.set`), and expired entries disappear. */
export function limitsDoc(limits: CallerLimits, until: number, replace: (map: unknown) => unknown = (map) => map): Doc {
  return {
    day: limits.day, calls: limits.calls, mobiles: replace(limits.mobiles), identities: replace(limits.identities),
    withdrawnAt: limits.withdrawnAt ?? 0, erasedAt: limits.erasedAt ?? 0, version: limits.version, until,
  };
}

/** A day's aggregates as a counter: created with zeros, each field added to. */
export function aggregatesCounter(day: string, delta: Aggregates): { id: string; fields: Doc; inc: Record<string, number> } {
  const inc: Record<string, number> = {};
  for (const field of ['requests', 'vendorCalls', 'billed', 'maybeBilled', 'cached'] as const) if (delta[field]) inc[field] = delta[field];
  for (const map of ['refused', 'outcomes', 'latency'] as const) {
    for (const [key, n] of Object.entries(delta[map])) inc[`${map}.${key}`] = n;
  }
  for (const [id, counts] of Object.entries(delta.byProvider)) {
    inc[`byProvider.${id}.vendorCalls`] = counts.vendorCalls;
    inc[`byProvider.${id}.billed`] = counts.billed;
  }
  // `kind: 'stats'` is the stored documents' word: kept so existing documents are still read and purged.
  return { id: ids.aggregates(day), fields: { kind: 'stats', day, at: beijingDayStart(day), ...emptyAggregates() }, inc };
}

export const fromDoc = {
  limits(doc: Doc | undefined): CallerLimits | undefined {
    if (!doc) return undefined;
    const withdrawnAt = Number(doc.withdrawnAt ?? 0);
    const erasedAt = Number(doc.erasedAt ?? 0);
    return {
      day: text(doc.day), calls: Number(doc.calls ?? 0), mobiles: numberMap(doc.mobiles), identities: numberMap(doc.identities),
      ...(withdrawnAt > 0 && { withdrawnAt }), ...(erasedAt > 0 && { erasedAt }), version: Number(doc.version ?? 0),
    };
  },
  claim(doc: Doc): Claim {
    const answer = claimAnswer(doc.answer);
    const failed: ErrorCode | undefined = isErrorCode(doc.failed) ? doc.failed : undefined;
    return { state: doc.state === 'pending' ? 'pending' : 'done', holder: text(doc.holder), until: Number(doc.until ?? 0), ...(answer && { answer }), ...(failed && { failed }) };
  },
  aggregates(doc: Doc): Aggregates {
    return {
      requests: Number(doc.requests ?? 0), vendorCalls: Number(doc.vendorCalls ?? 0), billed: Number(doc.billed ?? 0),
      maybeBilled: Number(doc.maybeBilled ?? 0), cached: Number(doc.cached ?? 0),
      refused: numberMap(doc.refused), outcomes: numberMap(doc.outcomes), latency: numberMap(doc.latency),
      byProvider: providerCounts(doc.byProvider),
    };
  },
  verification(doc: Doc): VerificationRecord {
    const masked = (doc.masked ?? {}) as Doc;
    return {
      traceId: text(doc.traceId), caller: text(doc.caller), triple: text(doc.triple), outcome: isVendorStatusCode(doc.outcome) || isErrorCode(doc.outcome) ? doc.outcome : 'INTERNAL', carrier: text(doc.carrier),
      provider: providerOf(doc.provider),
      billing: doc.billing === 'billed' || doc.billing === 'not-billed' ? doc.billing : 'unknown',
      vendorTraceId: text(doc.vendorTraceId), latencyMs: Number(doc.latencyMs ?? 0), at: Number(doc.at ?? 0),
      masked: { name: text(masked.name), idCard: text(masked.idCard), mobile: text(masked.mobile) },
      agreementVersion: text(doc.agreementVersion), phone: doc.phone === 'wechat' ? 'wechat' : 'typed',
    };
  },
  consent(doc: Doc): ConsentRecord {
    const withdrawnAt = Number(doc.withdrawnAt ?? 0);
    return {
      kind: doc.kind === 'agreement' ? 'agreement' : 'check', consentId: text(doc.consentId),
      traceId: text(doc.traceId), caller: text(doc.caller), triple: text(doc.triple), agreementVersion: text(doc.agreementVersion),
      acceptedAt: Number(doc.acceptedAt ?? 0), at: Number(doc.at ?? 0), ...(withdrawnAt > 0 && { withdrawnAt }),
    };
  },
};
