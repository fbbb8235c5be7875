// Inputs for the Store contract: keys, reservations made the way the handler makes them (open, then
// reserve over what open saw, with the real limits policy), records and answers.
import {
  admitCall, beijingDay, type CallerLimits, type CheckKeys, type ClaimAnswer, DEFAULT_GUARDS, delta,
  type GuardSettings, type Opened, type Reservation, type Reserved, type ReserveInput, type Aggregates,
  type Store, type VerificationRecord,
} from '../../cloudfunctions/mobileCheck/src/host';

/** 2025-03-10 12:00 Beijing time. */
export const NOON = Date.UTC(2025, 2, 10, 4, 0, 0);
export const CLAIM_MS = 3_500;

export const keys = (overrides: Partial<CheckKeys> = {}): CheckKeys => ({
  caller: 'caller-hash-a', triple: 'triple-hash-1', person: 'person-hash-1', mobile: 'mobile-hash-1', ...overrides,
});

/** One check's attempt: who, what, when, under which limits. */
export interface Try {
  keys?: Partial<CheckKeys>;
  now?: number;
  guards?: Partial<GuardSettings>;
  traceId?: string;
  requestLimit?: number;
}

let seq = 0;
const nextTrace = () => `t-${(seq += 1)}`;

export interface Prepared {
  traceId: string;
  keys: CheckKeys;
  now: number;
  guards: GuardSettings;
}

export const prepare = (t: Try = {}): Prepared => ({
  traceId: t.traceId ?? nextTrace(), keys: keys(t.keys), now: t.now ?? NOON, guards: { ...DEFAULT_GUARDS, ...t.guards },
});

/** Round trip 1 as the handler makes it. */
export const openFor = (store: Store, p: Prepared, requestLimit = 100): Promise<Opened> =>
  store.open({ keys: p.keys, day: beijingDay(p.now), requestLimit, now: p.now, traceId: p.traceId });

const planOf = (p: Prepared) => ({ now: p.now, mobile: p.keys.mobile, person: p.keys.person, acceptedAt: p.now - 60_000 });

/** Round trip 2 over what round trip 1 saw; `watch` sees every limits value the policy is run on. */
export function reserveInput(p: Prepared, seen: Pick<Opened, 'limits' | 'claim'>, watch?: (current: CallerLimits | undefined) => void): ReserveInput {
  return {
    traceId: p.traceId, keys: p.keys, now: p.now, day: beijingDay(p.now),
    seen: seen.limits, seenClaim: seen.claim, claimUntil: p.now + CLAIM_MS,
    admit: (current) => {
      watch?.(current);
      return admitCall(current, planOf(p), p.guards);
    },
    consent: { kind: 'check', consentId: 'c1', traceId: p.traceId, caller: p.keys.caller, triple: p.keys.triple, agreementVersion: 'v1', acceptedAt: p.now - 60_000, at: p.now },
    record: { masked: { name: '张*', idCard: '11**************2X', mobile: '138****8000' }, agreementVersion: 'v1', phone: 'typed', provider: 'aliyun-market' },
    dailyBudget: p.guards.dailyBudget, quotaTotal: p.guards.quotaTotal,
  };
}

/** Open then reserve, as one check does. */
export async function openAndReserve(store: Store, t: Try = {}): Promise<Reserved> {
  const p = prepare(t);
  return store.reserve(reserveInput(p, await openFor(store, p)));
}

export async function reserved(store: Store, t: Try = {}): Promise<Reservation> {
  const result = await openAndReserve(store, t);
  if (!result.ok) throw new Error(`reservation refused: ${JSON.stringify(result)}`);
  return result.reservation;
}

export const giveBack = (store: Store, reservation: Reservation) =>
  store.release(reservation);

export const verification = (reservation: Reservation, overrides: Partial<VerificationRecord> = {}): VerificationRecord => ({
  traceId: reservation.traceId, caller: reservation.keys.caller, triple: reservation.keys.triple, outcome: '01', carrier: '移动', provider: 'aliyun-market',
  billing: 'billed', vendorTraceId: `v-${reservation.traceId}`, latencyMs: 120, at: reservation.now,
  masked: { name: '张*', idCard: '11**************2X', mobile: '138****8000' }, agreementVersion: 'v1', phone: 'typed', ...overrides,
});

export const answerOf = (reservation: Reservation, code: ClaimAnswer['code'] = '01'): ClaimAnswer => ({
  code, carrier: code === '01' ? '移动' : '', traceId: reservation.traceId, at: reservation.now, final: code !== '203', provider: 'aliyun-market',
});

/** Round trip 3: the record, the claim's answer and the call's aggregates. */
export async function completed(store: Store, reservation: Reservation, code: ClaimAnswer['code'] = '01'): Promise<VerificationRecord> {
  const record = verification(reservation, { outcome: code, carrier: code === '01' ? '移动' : '' });
  const aggregates = new Map<string, Aggregates>([[reservation.day, delta.vendor(code, [{ provider: 'aliyun-market', billing: 'billed' }], 120)]]);
  await store.complete({ reservation, record, answer: answerOf(reservation, code), aggregates });
  return record;
}

/** A whole billed check: open, reserve, complete. */
export async function billedCheck(store: Store, t: Try = {}, code: ClaimAnswer['code'] = '01'): Promise<Reservation> {
  const reservation = await reserved(store, t);
  await completed(store, reservation, code);
  return reservation;
}
