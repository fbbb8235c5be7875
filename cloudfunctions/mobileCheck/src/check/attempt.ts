// The effectful middle of a check: three store round trips around at most one vendor call.
//   open (count the request; read claim, limits, spend) → reserve (claim, consent, limits, budget)
//   → the providers, each at most once (askInTurn) → complete (record, claim's answer, aggregates)
import { vendorStatus, type CheckOutcome, type ProviderId, type Consent, type MaskedFields, type PersonFields, type PhoneSource } from '../../../../src/domain';
import { addToDays, delta } from '../aggregates';
import { overRequestCap, withinRequestCap } from '../gate';
import type { InstanceMemory } from '../instanceMemory';
import { admitCall, billingOf, beijingDay, OPERATOR_FAULTS, percentUsed, quotaWarningDue, reusableSince, spendExhausted, type GuardSettings } from '../policy';
import type { CheckKeys, Claim, Clock, LogLine, Opened, Provider, Reservation, Sleep, Store } from '../ports';
import { askInTurn } from './askInTurn';
import type { Outcome } from './present';

export interface AttemptDeps {
  store: Store;
  /** In order of preference. */
  providers: readonly [Provider, ...Provider[]];
  clock: Clock;
  sleep: Sleep;
  guards: GuardSettings;
  memory: InstanceMemory;
  log(line: LogLine): void;
  /** How long a claim holds, and how long another request waits on it: the vendor timeout plus a margin. */
  claimMs: number;
  pollMs: number;
}

export interface AttemptInput {
  traceId: string;
  keys: CheckKeys;
  fields: PersonFields;
  consent: Consent;
  now: number;
  record: { masked: MaskedFields; agreementVersion: string; phone: PhoneSource; provider: ProviderId };
  /** The request was counted already (before the WeChat phone exchange, or on a first try). */
  counted?: boolean;
  /** Set on the one retry after the claim this request waited on was given up. */
  retried?: boolean;
}

/** A caller's own burst kept changing their limits under a reservation: nothing was taken, try again in a second. */
const BUSY_RETRY_MS = 1_000;

export async function attempt(deps: AttemptDeps, input: AttemptInput): Promise<Outcome> {
  const { store, guards, memory } = deps;
  const { keys, now, traceId } = input;
  const day = beijingDay(now);
  const refuse = (outcome: Omit<Extract<Outcome, { kind: 'refused' }>, 'kind'>): Outcome => {
    memory.note(day, delta.refused(outcome.code));
    return { kind: 'refused', ...outcome };
  };

  // Round trip 1 counts the request; the registered consent is read alongside it, not after it.
  const read = await withinRequestCap(memory, keys.caller, day, () => Promise.all([
    store.open({ keys, day, requestLimit: guards.requestDailyLimit, now, traceId, ...(input.counted && { counted: true }) }),
    store.readAgreement(keys.caller, input.consent.consentId),
  ]), ([opened]) => opened.requestCounted);
  if (!read) return refuse(overRequestCap(now));
  const [opened, agreed] = read;
  // This caller's, for the text in force, not withdrawn; the device's clock plays no part.
  const withdrawnAt = opened.limits?.withdrawnAt;
  const consentRequired = () => refuse({ code: 'CONSENT_REQUIRED', agreementVersion: input.record.agreementVersion });
  if (!agreed || agreed.withdrawnAt !== undefined || agreed.agreementVersion !== input.record.agreementVersion) return consentRequired();
  if (withdrawnAt !== undefined && agreed.acceptedAt <= withdrawnAt) return consentRequired();

  const reused = reusable(opened.claim, now, deps);
  if (reused) {
    memory.note(day, delta.cached(reused.answer.code));
    return reused;
  }
  // The claim waited on was given up before any vendor call (its holder was refused): try once more, counted once.
  const waitOrRetry = async (): Promise<Outcome> => {
    const waited = await waitForClaim(deps, keys, day);
    if (waited !== 'released') return waited;
    if (input.retried) return refuse({ code: 'VENDOR_UNAVAILABLE', level: 'warn', detail: 'the same check was given up twice' });
    // A trace id of its own: the first try's writes carry (and were given back under) the plain one.
    return attempt(deps, { ...input, traceId: `${traceId}-2`, counted: true, retried: true });
  };
  if (opened.claim?.state === 'pending' && opened.claim.until > now) return waitOrRetry();
  if (spendExhausted(opened.spend, guards)) return spendStop(deps, traceId, opened.spend, refuse);

  const plan = { now, mobile: keys.mobile, person: keys.person, acceptedAt: agreed.acceptedAt };
  const admitted = admitCall(opened.limits, plan, guards);
  if (!admitted.ok) return 'withdrawn' in admitted ? consentRequired() : refuse({ code: 'RATE_LIMITED', ...admitted.refusal, level: 'warn' });

  const reserved = await store.reserve({
    traceId, keys, now, day, seen: opened.limits, seenClaim: opened.claim, claimUntil: deps.clock.now() + deps.claimMs,
    admit: (current) => admitCall(current, plan, guards),
    consent: { kind: 'check', consentId: agreed.consentId, traceId, caller: keys.caller, triple: keys.triple, agreementVersion: agreed.agreementVersion, acceptedAt: agreed.acceptedAt, at: now },
    record: input.record,
    dailyBudget: guards.dailyBudget, quotaTotal: guards.quotaTotal,
  });
  if (!reserved.ok) {
    if (reserved.reason === 'claimed') return waitOrRetry();
    if (reserved.reason === 'limits') return refuse({ code: 'RATE_LIMITED', ...reserved.refusal, level: 'warn' });
    if (reserved.reason === 'withdrawn') return consentRequired();
    if (reserved.reason === 'busy') return refuse({ code: 'RATE_LIMITED', limit: 'caller', retryAt: now + BUSY_RETRY_MS, level: 'warn', detail: 'the caller\'s limits kept changing' });
    return spendStop(deps, traceId, opened.spend, refuse);
  }
  return callVendor(deps, input, reserved.reservation, opened);
}

function reusable(claim: Claim | undefined, now: number, deps: AttemptDeps): Extract<Outcome, { kind: 'answer' }> | undefined {
  const since = reusableSince(now, deps.guards);
  const answer = claim?.state === 'done' ? claim.answer : undefined;
  if (!answer?.final || since === undefined || answer.at < since) return undefined;
  return { kind: 'answer', answer, cached: true, cachedFrom: answer.traceId };
}

function spendStop(deps: AttemptDeps, traceId: string, spend: Opened['spend'], refuse: (o: { code: 'BUDGET_EXHAUSTED'; level: 'error' }) => Outcome): Outcome {
  const { dailyBudget, quotaTotal } = deps.guards;
  deps.log({ level: 'error', event: 'spendStopped', traceId, spend, ...(dailyBudget !== undefined && { dailyBudget }), ...(quotaTotal !== undefined && { quotaTotal }) });
  return refuse({ code: 'BUDGET_EXHAUSTED', level: 'error' });
}

/** The same check is being paid for by another request (maybe another instance): answer with its result. */
async function waitForClaim(deps: AttemptDeps, keys: CheckKeys, day: string): Promise<Outcome | 'released'> {
  const deadline = deps.clock.now() + deps.claimMs;
  while (deps.clock.now() < deadline) {
    await deps.sleep(deps.pollMs);
    const claim = await deps.store.readClaim(keys);
    if (claim?.state === 'pending') continue;
    if (!claim) return 'released';
    if (claim.answer) {
      deps.memory.note(day, delta.cached(claim.answer.code));
      return { kind: 'answer', answer: claim.answer, cached: true, cachedFrom: claim.answer.traceId };
    }
    const code = claim.failed ?? 'VENDOR_UNAVAILABLE';
    deps.memory.note(day, delta.refused(code));
    return { kind: 'refused', code, cached: true, level: 'warn', detail: 'the same check failed on another request' };
  }
  deps.memory.note(day, delta.refused('VENDOR_TIMEOUT'));
  return { kind: 'refused', code: 'VENDOR_TIMEOUT', cached: true, level: 'warn', detail: 'waited for the same check on another request' };
}

async function callVendor(deps: AttemptDeps, input: AttemptInput, reservation: Reservation, opened: Opened): Promise<Outcome> {
  const { store, clock, memory } = deps;
  const started = clock.now();
  let outcome: Outcome;
  let answer: Parameters<Store['complete']>[0]['answer'];
  let record: { outcome: CheckOutcome; carrier: string; billing: 'billed' | 'not-billed' | 'unknown'; vendorTraceId: string; provider: ProviderId };
  const { calls, deciding } = await askInTurn(deps.providers, input.fields, clock);
  const result = deciding.answer;
  const provider = deciding.provider;
  // A failover may have made two calls: the check costs what they cost together.
  const billing = billingOf(calls.map((call) => call.answer));
  if (result.kind === 'status') {
    answer = { code: result.status, carrier: result.carrier, traceId: input.traceId, at: input.now, final: vendorStatus(result.status).final, provider };
    record = { outcome: result.status, carrier: result.carrier, billing, vendorTraceId: result.providerTraceId, provider };
    outcome = { kind: 'answer', answer, cached: false, billing, vendorHttpStatus: result.httpStatus, vendorTraceId: result.providerTraceId, calls: calls.length };
  } else {
    answer = { failed: result.code };
    record = { outcome: result.code, carrier: '', billing, vendorTraceId: '', provider };
    outcome = {
      kind: 'refused', code: result.code, billing, vendorHttpStatus: result.httpStatus, provider, calls: calls.length,
      level: OPERATOR_FAULTS.has(result.code) ? 'error' : 'warn', detail: `${result.code}: ${result.detail}`,
    };
  }
  const latencyMs = clock.now() - started;
  const aggregates = memory.take();
  const counted = calls.map((call) => ({ provider: call.provider, billing: call.answer.billing }));
  addToDays(aggregates, reservation.day, delta.vendor(record.outcome, counted, latencyMs, outcome.kind === 'refused' ? outcome.code : undefined));
  const billed = record.billing === 'billed';
  const [completed] = await Promise.allSettled([
    store.complete({ reservation, answer, aggregates, record: { traceId: input.traceId, caller: input.keys.caller, triple: input.keys.triple, latencyMs, at: input.now, ...input.record, ...record } }),
    // Only a check no provider billed gives the reservation back; a timeout keeps it.
    record.billing === 'not-billed' ? store.release(reservation) : undefined,
    billed ? warnIfQuotaLow(deps, opened.spend.total + 1) : undefined,
  ]);
  const done = completed.status === 'fulfilled' ? completed.value : { recorded: false, aggregatesWritten: false };
  if (!done.aggregatesWritten) memory.restore(aggregates);
  if (!done.recorded) {
    // The vendor has answered (and maybe billed): a failing audit write must not hide that answer.
    if (outcome.kind === 'answer') return { ...outcome, unrecorded: true };
    return { ...outcome, level: 'error', detail: `${outcome.detail ?? ''}; verification record not written` };
  }
  return outcome;
}

async function warnIfQuotaLow(deps: AttemptDeps, billed: number): Promise<void> {
  const total = deps.guards.quotaTotal;
  if (!quotaWarningDue(billed, total) || total === undefined) return;
  try {
    if (await deps.store.markQuotaWarned(total)) {
      deps.log({ level: 'warn', event: 'quotaWarning', billed, total, percentUsed: percentUsed(billed, total) });
    }
  } catch {
    // A warning must never fail a check.
  }
}
