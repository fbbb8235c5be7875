// The function's one handler: which action, then its steps. Every answer carries a trace id and
// writes one log line; nothing raw or secret is in either.
import { isAction, type Action, type ActionAnswer, type ErrorCode } from '../../../src/domain';
import { acceptAgreement, deleteMyRecords, myRecords, status, withdrawConsent } from './actions/rights';
import { readStats, statsDays } from './actions/stats';
import { present, type Presented } from './check/present';
import { createCheck } from './check/runCheck';
import type { HandlerDeps } from './handlerDeps';
import { instanceMemory } from './instanceMemory';
import { beijingDay, nextBeijingMidnight } from './policy';
import { delta } from './stats';

export type { HandlerDeps } from './handlerDeps';
export type { Clock } from './ports';

/** `caller` is the WeChat OPENID from the platform, never a field of the event. */
export type Handler = (event: unknown, caller: string | undefined) => Promise<ActionAnswer>;

/** The event's action: absent means a check; anything unknown is refused. */
function actionOf(event: unknown): Action | undefined {
  const isObject = typeof event === 'object' && event !== null && !Array.isArray(event);
  const action = isObject && Object.prototype.hasOwnProperty.call(event, 'action') ? (event as Record<string, unknown>).action : undefined;
  if (action === undefined) return 'check';
  return isAction(action) ? action : undefined;
}

export function createHandler(deps: HandlerDeps): Handler {
  const memory = instanceMemory();
  const runCheck = createCheck(deps, memory);

  async function runAction(action: Exclude<Action, 'check'>, event: Record<string, unknown>, caller: string | undefined, traceId: string, now: number): Promise<Presented> {
    const refuse = (code: ErrorCode, level: 'info' | 'warn' | 'error' = 'info', detail?: string) =>
      present({ kind: 'refused', code, level, ...(detail && { detail }) }, { traceId, now });
    if (!caller) return refuse('UNAUTHENTICATED');
    const { store, hasher } = deps;
    // The person's rights need only the store and the hash key; stats needs every setting readable.
    const misconfigured = action === 'stats' ? deps.misconfigured : undefined;
    if (misconfigured || !store || !hasher) return refuse('SERVICE_MISCONFIGURED', 'error', misconfigured ?? 'no store or hash key');
    const ready = { store, hasher };
    // The caller's own actions count against the same daily request cap as checks: one write each.
    if (action !== 'stats') {
      const day = beijingDay(now);
      const callerHash = hasher.hash('caller', caller);
      const counted = !memory.isOverRequestCap(callerHash, day) &&
        (await store.countRequest({ caller: callerHash, day, requestLimit: deps.guards.requestDailyLimit, now, traceId }));
      if (!counted) {
        memory.markOverRequestCap(callerHash, day);
        return present({ kind: 'refused', code: 'RATE_LIMITED', limit: 'requests', retryAt: nextBeijingMidnight(now), level: 'warn' }, { traceId, now });
      }
    }
    const answered = (answer: object): Presented => ({
      response: { ...answer, traceId } as ActionAnswer as Presented['response'],
      line: { level: 'info', event: 'mobileCheck', traceId, outcome: 'ok' },
    });
    switch (action) {
      case 'acceptAgreement': {
        const accepted = await acceptAgreement(deps, ready, event, caller, traceId, now);
        if ('refusal' in accepted) return present({ kind: 'refused', ...accepted.refusal, agreementVersion: accepted.agreementVersion }, { traceId, now });
        return answered(accepted);
      }
      case 'status':
        return answered(await status(deps, ready, caller, traceId, now));
      case 'withdrawConsent':
        return answered(await withdrawConsent(ready, caller, now));
      case 'myRecords':
        return answered(await myRecords(ready, caller, now));
      case 'deleteMyRecords':
        return answered(await deleteMyRecords(ready, caller, now));
      case 'stats': {
        if (!deps.adminOpenids.has(caller)) return refuse('FORBIDDEN', 'warn');
        const days = statsDays(event);
        if (days === undefined) return refuse('INVALID_REQUEST');
        return answered(await readStats(deps, store, memory, days, now));
      }
    }
  }

  return async function handle(event, caller) {
    const traceId = deps.newTraceId();
    const started = deps.clock.now();
    let action: Action | undefined;
    let presented: Presented;
    try {
      action = actionOf(event);
      if (action === undefined) {
        presented = present({ kind: 'refused', code: 'INVALID_REQUEST', detail: 'unknown action' }, { traceId, now: started });
      } else if (action === 'check') {
        presented = await runCheck(event, caller, traceId, started);
      } else {
        presented = await runAction(action, event as Record<string, unknown>, caller, traceId, started);
      }
    } catch (error) {
      // Unexpected: log the error's type only; its message could hold personal data.
      if (action === 'check') memory.note(beijingDay(started), delta.refused('INTERNAL'));
      presented = present({ kind: 'refused', code: 'INTERNAL', level: 'error', detail: error instanceof Error ? error.name : typeof error }, { traceId, now: started });
    }
    deps.log({ ...presented.line, ...(action && action !== 'check' && { action }), latencyMs: deps.clock.now() - started });
    return presented.response;
  };
}
