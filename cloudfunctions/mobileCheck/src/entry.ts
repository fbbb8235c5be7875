// The function's one entry: a timer trigger or a person, then which action (read once, by
// src/domain/event.ts), then that action's use case with only the parts it uses. Every answer to a
// person carries a trace id and writes one log line; nothing raw or secret is in either.
import type { ActionAnswer, ErrorCode, PhoneSource, ProviderId } from '../../../src/domain';
import { isTimerEvent, readEvent, type EventRequest } from '../../../src/domain/event';
import { acceptAgreement, deleteMyRecords, myRecords, status, withdrawConsent, type RightsDeps } from './actions/rights';
import { operatorStats } from './actions/operatorStats';
import { delta } from './aggregates';
import { present, type Presented } from './check/present';
import { createCheck } from './check/runCheck';
import { gate, overRequestCap, withinRequestCap, type Readiness } from './gate';
import { instanceMemory } from './instanceMemory';
import { beijingDay, type GuardSettings } from './policy';
import type { Clock, Hasher, LogLine, PhoneExchange, Provider, Sleep, Store, TokenIssuer } from './ports';
import type { PurgeResponse } from './retention';

/**
 * The parts the function is wired from (compose.ts builds them from the environment; hosts and tests
 * swap some). No use case sees all of them: each declares what it uses (CheckDeps, RightsDeps,
 * OperatorStatsDeps, RetentionDeps) and is typed to nothing more.
 */
export interface Parts extends Readiness {
  store: Store | undefined;
  hasher: Hasher | undefined;
  providers: readonly Provider[];
  phoneSource: PhoneSource;
  phone: PhoneExchange | undefined;
  agreementVersion: string;
  /** Price of one billed call per provider, in fen (MOBILECHECK_*_PRICE_FEN), for the console's spend. */
  pricesFen?: Partial<Record<ProviderId, number>>;
  clock: Clock;
  sleep: Sleep;
  newTraceId: () => string;
  newConsentId: () => string;
  /** Method syntax on purpose: a logger written for check lines only may be passed. */
  log(line: LogLine): void;
  guards: GuardSettings;
  /** Signs `01` answers; undefined means no tokens. */
  tokens: TokenIssuer | undefined;
  adminOpenids: ReadonlySet<string>;
  verifiedDays: number;
  /** How long a claim on a check holds, and how long an identical request waits for it. */
  claimMs: number;
  pollMs: number;
  retentionDays: number;
  /** How long one purge run may delete before it stops (the rest waits for the next run). */
  purgeBudgetMs: number;
}

/** `caller` is the WeChat OPENID from the platform, never a field of the event. */
export type Handler = (event: unknown, caller: string | undefined) => Promise<ActionAnswer>;

export type Entry = (event: unknown, caller: string | undefined) => Promise<ActionAnswer | PurgeResponse>;

/**
 * The function's one entry. A timer trigger is told from a person by the missing caller, never by
 * the event alone: anyone can send a Timer-shaped event through callFunction, but then has an OPENID
 * and gets an ordinary (invalid) check. Without a caller (other functions, web access) a forged
 * timer event at most starts the hourly-bounded purge, and learns nothing from the answer.
 */
export function createEntry(handle: Handler, purge: () => Promise<PurgeResponse>): Entry {
  return (event, caller) => (!caller && isTimerEvent(event) ? purge() : handle(event, caller));
}

/** A person's event: which action, then its use case. */
export function createHandler(parts: Parts): Handler {
  const memory = instanceMemory();
  const runCheck = createCheck(parts, memory);

  async function runAction(request: Exclude<EventRequest, { action: 'check' | 'unknown' }>, caller: string | undefined, traceId: string, now: number): Promise<Presented> {
    const refuse = (code: ErrorCode, level: 'info' | 'warn' | 'error' = 'info', detail?: string) =>
      present({ kind: 'refused', code, level, ...(detail && { detail }) }, { traceId, now });
    if (!caller) return refuse('UNAUTHENTICATED');
    // The person's rights need only the store and the hash key; the operator's figures every setting readable.
    const gated = gate(parts, { settings: request.action === 'stats', store: true, hasher: true });
    if (!gated.ready) return refuse('SERVICE_MISCONFIGURED', 'error', gated.detail);
    const { store, hasher } = gated.parts;
    const answered = (answer: object): Presented => ({
      response: { ...answer, traceId } as ActionAnswer as Presented['response'],
      line: { level: 'info', event: 'mobileCheck', traceId, outcome: 'ok' },
    });
    if (request.action === 'stats') {
      if (!parts.adminOpenids.has(caller)) return refuse('FORBIDDEN', 'warn');
      if (request.days === undefined) return refuse('INVALID_REQUEST');
      return answered(await operatorStats({ store, memory, guards: parts.guards, providers: parts.providers, pricesFen: parts.pricesFen }, request.days, now));
    }
    // The caller's own actions count against the same daily request cap as checks: one write each.
    const callerHash = hasher.hash('caller', caller);
    const day = beijingDay(now);
    const counted = await withinRequestCap(memory, callerHash, day, () =>
      store.countRequest({ caller: callerHash, day, requestLimit: parts.guards.requestDailyLimit, now, traceId }));
    if (!counted) return present({ kind: 'refused', ...overRequestCap(now) }, { traceId, now });
    const rights: RightsDeps = { store, hasher, agreementVersion: parts.agreementVersion, verifiedDays: parts.verifiedDays, phoneSource: parts.phoneSource, tokens: parts.tokens, newConsentId: parts.newConsentId };
    switch (request.action) {
      case 'acceptAgreement': {
        const accepted = await acceptAgreement(rights, request.event, caller, traceId, now);
        if ('refusal' in accepted) return present({ kind: 'refused', ...accepted.refusal, agreementVersion: accepted.agreementVersion }, { traceId, now });
        return answered(accepted);
      }
      case 'status':
        return answered(await status(rights, caller, traceId, now));
      case 'withdrawConsent':
        return answered(await withdrawConsent(rights, caller, now));
      case 'myRecords':
        return answered(await myRecords(rights, caller, now));
      case 'deleteMyRecords':
        return answered(await deleteMyRecords(rights, caller, now));
    }
  }

  return async function handle(event, caller) {
    const traceId = parts.newTraceId();
    const started = parts.clock.now();
    let request: EventRequest | undefined;
    let presented: Presented;
    try {
      request = readEvent(event);
      if (request.action === 'unknown') {
        presented = present({ kind: 'refused', code: 'INVALID_REQUEST', detail: 'unknown action' }, { traceId, now: started });
      } else if (request.action === 'check') {
        presented = await runCheck(request.event, caller, traceId, started);
      } else {
        presented = await runAction(request, caller, traceId, started);
      }
    } catch (error) {
      // Unexpected: log the error's type only; its message could hold personal data.
      if (request?.action === 'check') memory.note(beijingDay(started), delta.refused('INTERNAL'));
      presented = present({ kind: 'refused', code: 'INTERNAL', level: 'error', detail: error instanceof Error ? error.name : typeof error }, { traceId, now: started });
    }
    const action = request && request.action !== 'check' && request.action !== 'unknown' ? request.action : undefined;
    parts.log({ ...presented.line, ...(action && { action }), latencyMs: parts.clock.now() - started });
    return presented.response;
  };
}
