// The check, top to bottom: validate (pure) → the WeChat phone number, if used → hashes →
// attempt (store and vendor; shared by identical concurrent requests) → present (pure).
import { checkMobile, maskFields, type PersonFields, type PhoneSource } from '../../../../src/domain';
import { validateCheck } from '../../../../src/domain/event';
import { delta } from '../aggregates';
import { gate, overRequestCap, withinRequestCap, type Readiness } from '../gate';
import type { InstanceMemory } from '../instanceMemory';
import { beijingDay, tripleValue, type GuardSettings } from '../policy';
import type { Clock, LogLine, Sleep, TokenIssuer } from '../ports';
import { attempt } from './attempt';
import { present, type Outcome, type Presented } from './present';

/** What a check uses; the gate checks the store, the hash key, the providers and the phone exchange are there. */
export interface CheckDeps extends Readiness {
  agreementVersion: string;
  phoneSource: PhoneSource;
  tokens: TokenIssuer | undefined;
  guards: GuardSettings;
  clock: Clock;
  sleep: Sleep;
  log(line: LogLine): void;
  claimMs: number;
  pollMs: number;
}

export function createCheck(deps: CheckDeps, memory: InstanceMemory) {
  // Concurrent identical requests (same caller, same three fields) in this instance share one attempt.
  const inFlight = new Map<string, Promise<Outcome>>();

  return async function runCheck(event: unknown, caller: string | undefined, traceId: string, now: number): Promise<Presented> {
    const refuse = (outcome: Omit<Extract<Outcome, { kind: 'refused' }>, 'kind'>): Presented => {
      memory.note(beijingDay(now), delta.refused(outcome.code));
      return present({ kind: 'refused', ...outcome }, { traceId, now });
    };
    const valid = validateCheck(event, { caller, now, agreementVersion: deps.agreementVersion, phoneSource: deps.phoneSource });
    // No masked fields in these lines: the person has not (validly) agreed yet.
    if (!valid.ok) return refuse({ ...valid.refusal, ...(valid.agreementVersion && { agreementVersion: valid.agreementVersion }) });

    const gated = gate(deps, { settings: true, providers: true, hasher: true, store: true });
    if (!gated.ready) return refuse({ code: 'SERVICE_MISCONFIGURED', level: 'error', detail: gated.detail });
    const { store, hasher, providers } = gated.parts;
    const { caller: openid } = valid;
    const phone = deps.phoneSource === 'wechat' ? deps.phone : undefined;

    let mobile = valid.value.mobile;
    let counted = false;
    if (phone && valid.value.phoneCode) {
      // Counted first: WeChat's phone-number calls are paid and rate-limited for the whole mini-program,
      // so a caller over the request cap (or sending made-up codes) must not reach them.
      const callerKey = hasher.hash('caller', openid);
      const day = beijingDay(now);
      counted = (await withinRequestCap(memory, callerKey, day, () =>
        store.countRequest({ caller: callerKey, day, requestLimit: deps.guards.requestDailyLimit, now, traceId }))) === true;
      if (!counted) return refuse(overRequestCap(now));
      const exchanged = await phone.exchange(valid.value.phoneCode);
      if (!exchanged.ok) return refuse({ code: exchanged.code, level: exchanged.code === 'PHONE_CODE_INVALID' ? 'info' : 'error', detail: exchanged.detail });
      const checked = checkMobile(exchanged.mobile);
      if (!checked.ok) return refuse({ code: 'INVALID_MOBILE', field: 'mobile', message: checked.message });
      mobile = checked.value;
    }
    const fields: PersonFields = { name: valid.value.name, idCard: valid.value.idCard, mobile: mobile ?? '' };
    const masked = maskFields(fields);
    const keys = {
      caller: hasher.hash('caller', openid),
      triple: hasher.hash('triple', tripleValue(fields)),
      person: hasher.hash('person', fields.idCard),
      mobile: hasher.hash('mobile', fields.mobile),
    };
    const flightKey = `${keys.caller}/${keys.triple}`;
    const running = inFlight.get(flightKey);
    const { agreementVersion } = deps;
    const outcome = running
      ? sharedWith(await running, memory, now)
      : await startFlight(flightKey, () => attempt(
        { store, providers, clock: deps.clock, sleep: deps.sleep, guards: deps.guards, memory, log: (line) => deps.log(line), claimMs: deps.claimMs, pollMs: deps.pollMs },
        { traceId, keys, fields, consent: valid.value.consent, now, record: { masked, agreementVersion, phone: deps.phoneSource, provider: providers[0].id }, counted },
      ));
    const token = outcome.kind === 'answer' && outcome.answer.code === '01' && deps.tokens
      ? deps.tokens.issue({ caller: openid, traceId, masked, agreementVersion, phone: deps.phoneSource, provider: outcome.answer.provider, now })
      : undefined;
    return present(outcome, { traceId, now, masked, ...(token && { token }) });
  };

  function startFlight(key: string, run: () => Promise<Outcome>): Promise<Outcome> {
    const flight = run().finally(() => inFlight.delete(key));
    inFlight.set(key, flight);
    return flight;
  }
}

/** A concurrent identical request answers what the first one got, as a reused answer. */
function sharedWith(outcome: Outcome, memory: InstanceMemory, now: number): Outcome {
  const day = beijingDay(now);
  if (outcome.kind === 'answer') {
    memory.note(day, delta.cached(outcome.answer.code));
    return { kind: 'answer', answer: outcome.answer, cached: true, cachedFrom: outcome.answer.traceId };
  }
  memory.note(day, delta.refused(outcome.code));
  return { ...outcome, cached: true, billing: 'not-billed', vendorHttpStatus: undefined, detail: undefined };
}
