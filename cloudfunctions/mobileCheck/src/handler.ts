import {
  chinaDate,
  ERROR_MESSAGES,
  formatWait,
  maskFields,
  parseConsent,
  parseFields,
  parseShape,
  vendorStatus,
  type CheckCompleted,
  type CheckRefused,
  type CheckResponse,
  type PersonFields,
  type Refusal,
  type VendorStatusCode,
} from '../../../src/domain';
import { tripleValue, type Hasher } from './hash';
import type { CheckLogLine, LogLine } from './log';
import { attemptPlan, percentUsed, quotaWarningDue, retryAfterSeconds, reusableSince } from './policy';
import type { GuardSettings } from './settings';
import type { Store, VerificationRecord } from './store/types';
import type { VendorClient } from './mobileCheckApi/client';
import { VendorError } from './mobileCheckApi/VendorError';

export interface Clock {
  now(): number;
}

export interface HandlerDeps {
  agreementVersion: string;
  /** The paid vendor; without it (no appCode) every check is SERVICE_MISCONFIGURED. */
  vendor: VendorClient | undefined;
  clock: Clock;
  newTraceId: () => string;
  /** Method syntax on purpose: a logger written for check lines only may be passed. */
  log(line: LogLine): void;
  /** Consents, verifications and limits. Without it (or the hasher) every check is SERVICE_MISCONFIGURED. */
  store: Store | undefined;
  hasher: Hasher | undefined;
  guards: GuardSettings;
  /** Why the settings are unusable, if they are: every check answers SERVICE_MISCONFIGURED. */
  misconfigured?: string;
}

/** `caller` is the WeChat OPENID from the platform, never a field of the event. */
export type Handler = (event: unknown, caller: string | undefined) => Promise<CheckResponse>;

/** What one vendor-facing attempt came to; shared by concurrent identical requests. */
type Outcome =
  | { kind: 'answer'; code: VendorStatusCode; carrier: string; fromStore: boolean; cachedFrom?: string; vendorHttpStatus?: number; vendorTraceId?: string; unrecorded?: boolean }
  | { kind: 'limited'; limit: 'caller' | 'mobile'; retryAt: number }
  | { kind: 'vendorError'; error: VendorError };

const LIMIT_MESSAGES = {
  caller: (wait: string) => `今日核验次数已达上限，请${wait}后再试。`,
  mobile: (wait: string) => `该手机号码24小时内核验次数已达上限，请${wait}后再试。`,
} as const;

export function createHandler(deps: HandlerDeps): Handler {
  const { clock, guards } = deps;
  const log = (line: LogLine) => deps.log(line);
  // Single flight: concurrent identical requests (same caller, same three fields) in this instance
  // share one attempt and so at most one vendor call.
  const inFlight = new Map<string, Promise<Outcome>>();

  return async function handle(event, caller) {
    const traceId = deps.newTraceId();
    const started = clock.now();
    const finish = <T extends CheckResponse>(response: T, line: Partial<CheckLogLine> = {}): T => {
      log({ level: 'info', event: 'mobileCheck', traceId, outcome: response.code, latencyMs: clock.now() - started, ...line });
      return response;
    };
    const refuse = (refusal: Refusal, extra: Partial<CheckRefused> = {}, line: Partial<CheckLogLine> = {}) =>
      finish<CheckRefused>(
        { ok: false, code: refusal.code, message: refusal.message ?? ERROR_MESSAGES[refusal.code], ...(refusal.field && { field: refusal.field }), ...extra, traceId },
        line,
      );

    try {
      if (!caller) return refuse({ code: 'UNAUTHENTICATED' });

      const shape = parseShape(event);
      if (!shape.ok) return refuse(shape);

      const fields = parseFields(shape.value, chinaDate(started));
      if (!fields.ok) return refuse(fields);
      const masked = maskFields(fields.value);

      const consent = parseConsent(shape.value, deps.agreementVersion);
      if (!consent.ok) return refuse(consent, { agreementVersion: deps.agreementVersion }, { masked });

      const { store, hasher, vendor } = deps;
      if (deps.misconfigured || !vendor || !store || !hasher) {
        const detail = deps.misconfigured ?? (!vendor ? 'ALIYUN_APPCODE is not set' : store ? 'MOBILECHECK_HASH_SECRET is not set' : 'no store');
        return refuse({ code: 'SERVICE_MISCONFIGURED' }, {}, { level: 'error', masked, detail });
      }
      const callerHash = hasher.hash('caller', caller);
      const tripleHash = hasher.hash('triple', tripleValue(fields.value));

      // Consent evidence comes first: if it cannot be written, the vendor is not called.
      await store.recordConsent({
        traceId, caller: callerHash, agreementVersion: consent.value.agreementVersion,
        personHash: hasher.hash('person', fields.value.idCard), at: started,
      });

      const flightKey = `${callerHash}/${tripleHash}`;
      const running = inFlight.get(flightKey);
      const shared = running !== undefined;
      const outcome = await (running ?? startFlight(flightKey, () =>
        attempt({ store, hasher, vendor, traceId, caller: callerHash, tripleHash, fields: fields.value, now: started })));

      switch (outcome.kind) {
        case 'answer': {
          const status = vendorStatus(outcome.code);
          const cached = shared || outcome.fromStore;
          return finish<CheckCompleted>(
            { ok: true, verified: status.verdict === 'pass', code: status.code, message: status.message, carrier: outcome.carrier, masked, traceId, cached },
            cached
              ? { masked, cached, billing: 'not-billed', ...(outcome.cachedFrom && { cachedFrom: outcome.cachedFrom }) }
              : {
                masked, cached, billing: 'billed', vendorHttpStatus: outcome.vendorHttpStatus, vendorTraceId: outcome.vendorTraceId,
                ...(outcome.unrecorded && { level: 'error', detail: 'verification record not written' }),
              },
          );
        }
        case 'limited': {
          const seconds = retryAfterSeconds(outcome.retryAt, clock.now());
          return refuse(
            { code: 'RATE_LIMITED', message: LIMIT_MESSAGES[outcome.limit](formatWait(seconds)) },
            { retryAfterSeconds: seconds },
            { level: 'warn', masked, limit: outcome.limit, retryAfterSeconds: seconds, ...(shared && { cached: true }) },
          );
        }
        case 'vendorError': {
          const { error } = outcome;
          return refuse({ code: error.code }, {}, shared
            ? { level: 'warn', masked, cached: true, billing: 'not-billed' }
            : { level: 'warn', masked, vendorHttpStatus: error.httpStatus, billing: error.billing, detail: error.message });
        }
      }
    } catch (error) {
      // Unexpected: log the error's type only; its message could hold personal data.
      return refuse({ code: 'INTERNAL' }, {}, { level: 'error', detail: error instanceof Error ? error.name : typeof error });
    }
  };

  function startFlight(key: string, run: () => Promise<Outcome>): Promise<Outcome> {
    const flight = run().finally(() => inFlight.delete(key));
    inFlight.set(key, flight);
    return flight;
  }

  /** Reusable answer → reservation (limits) → the one vendor call → its record. Never retries the vendor. */
  async function attempt(c: {
    store: Store; hasher: Hasher; vendor: VendorClient; traceId: string; caller: string; tripleHash: string; fields: PersonFields; now: number;
  }): Promise<Outcome> {
    const { store } = c;
    const since = reusableSince(c.now, guards);
    if (since !== undefined) {
      const earlier = await store.findReusableAnswer({ caller: c.caller, tripleHash: c.tripleHash, since });
      if (earlier) return { kind: 'answer', code: earlier.code, carrier: earlier.carrier, fromStore: true, cachedFrom: earlier.traceId };
    }

    const mobileHash = c.hasher.hash('mobile', c.fields.mobile);
    const reserved = await store.reserveAttempt(attemptPlan({ reservationId: c.traceId, caller: c.caller, mobile: mobileHash, now: c.now }, guards));
    if (!reserved.ok) return { kind: 'limited', limit: reserved.limit, retryAt: reserved.retryAt };

    const base = { traceId: c.traceId, caller: c.caller, tripleHash: c.tripleHash, mobileHash };
    const callStarted = clock.now();
    let answer;
    try {
      answer = await c.vendor.check(c.fields);
    } catch (error) {
      // Not a VendorError: unknown whether the vendor was reached, so the reservation stays.
      if (!(error instanceof VendorError)) throw error;
      // Only a call the vendor certainly did not bill gives the reservation back; a timeout keeps it.
      if (error.billing === 'not-billed') await store.releaseAttempt(reserved.reservation).catch(() => undefined);
      await record(store, {
        ...base, outcome: error.code, final: false, carrier: '', billing: error.billing, vendorTraceId: '',
        latencyMs: clock.now() - callStarted, at: c.now,
      });
      return { kind: 'vendorError', error };
    }

    const recorded = await record(store, {
      ...base, outcome: answer.status, final: vendorStatus(answer.status).final, carrier: answer.carrier, billing: 'billed',
      vendorTraceId: answer.vendorTraceId, latencyMs: clock.now() - callStarted, at: c.now,
    });
    return {
      kind: 'answer', code: answer.status, carrier: answer.carrier, fromStore: false,
      vendorHttpStatus: answer.httpStatus, vendorTraceId: answer.vendorTraceId, ...(!recorded && { unrecorded: true }),
    };
  }

  /** The vendor has answered (and maybe billed): a failing audit write must not hide that answer. */
  async function record(store: Store, verification: VerificationRecord): Promise<boolean> {
    try {
      await store.recordVerification(verification);
    } catch {
      return false;
    }
    if (verification.billing === 'billed') await warnIfQuotaLow(store);
    return true;
  }

  async function warnIfQuotaLow(store: Store): Promise<void> {
    const total = guards.quotaTotal;
    if (total === undefined) return;
    try {
      const billed = await store.countBilled();
      if (quotaWarningDue(billed, total) && (await store.claimQuotaWarning(total))) {
        log({ level: 'warn', event: 'quotaWarning', billed, total, percentUsed: percentUsed(billed, total) });
      }
    } catch {
      // A warning must never fail a check.
    }
  }
}
