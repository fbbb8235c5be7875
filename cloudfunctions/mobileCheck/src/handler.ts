import {
  chinaDate,
  ERROR_MESSAGES,
  maskFields,
  parseConsent,
  parseFields,
  parseShape,
  vendorStatus,
  type CheckCompleted,
  type CheckRefused,
  type CheckResponse,
  type Refusal,
} from '../../../src/domain';
import type { CheckLogLine, Logger } from './log';
import type { VendorClient } from './vendor/client';
import { VendorError } from './vendor/VendorError';

export interface Clock {
  now(): number;
}

export interface HandlerDeps {
  agreementVersion: string;
  vendor: VendorClient;
  clock: Clock;
  newTraceId: () => string;
  log: Logger;
}

/** `caller` is the WeChat OPENID from the platform, never a field of the event. */
export type Handler = (event: unknown, caller: string | undefined) => Promise<CheckResponse>;

export function createHandler(deps: HandlerDeps): Handler {
  const { clock, log } = deps;

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

      let answer;
      try {
        answer = await deps.vendor.check(fields.value);
      } catch (error) {
        if (!(error instanceof VendorError)) throw error;
        return refuse({ code: error.code }, {}, {
          level: 'warn', masked, vendorHttpStatus: error.httpStatus, billing: error.billing, detail: error.message,
        });
      }

      const status = vendorStatus(answer.status);
      return finish<CheckCompleted>(
        {
          ok: true,
          verified: status.verdict === 'pass',
          code: status.code,
          message: status.message,
          carrier: answer.carrier,
          masked,
          traceId,
          cached: false,
        },
        { masked, vendorHttpStatus: answer.httpStatus, vendorTraceId: answer.vendorTraceId, billing: 'billed', cached: false },
      );
    } catch (error) {
      // Unexpected: log the error's type only; its message could hold personal data.
      return refuse({ code: 'INTERNAL' }, {}, { level: 'error', detail: error instanceof Error ? error.name : typeof error });
    }
  };
}
