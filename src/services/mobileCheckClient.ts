import Taro from '@tarojs/taro';
import {
  type AcceptAnswer,
  ERROR_MESSAGES,
  isErrorCode,
  isVendorStatusCode,
  type ActionRequest,
  type CheckCompleted,
  type CheckRefused,
  type CheckRequest,
  type ClientErrorCode,
  type DeleteAnswer,
  type MyRecordsAnswer,
  type StatsAnswer,
  type StatusAnswer,
  type WithdrawAnswer,
} from '../domain';
import { FUNCTION_NAME, H5_FUNCTION_URL, H5_STATUS_URL, type VendorMode } from '../domain/endpoints';
import { oncePerLaunch } from './perLaunch';

/** How long the h5 page waits for the local host before giving up. */
const REQUEST_TIMEOUT_MS = 15_000;

/** A refusal as the page sees it: the function's codes plus the client's own NETWORK_ERROR. */
export type ClientRefused = Omit<CheckRefused, 'code'> & { code: ClientErrorCode };
export type ClientCheckResponse = CheckCompleted | ClientRefused;

/** What each action answers when it succeeds. */
interface Answers {
  check: CheckCompleted;
  acceptAgreement: AcceptAnswer;
  status: StatusAnswer;
  withdrawConsent: WithdrawAnswer;
  myRecords: MyRecordsAnswer;
  deleteMyRecords: DeleteAnswer;
  stats: StatsAnswer;
}
type ActionName = keyof Answers;

const refused = (code: ClientErrorCode): ClientRefused => ({ ok: false, code, message: ERROR_MESSAGES[code], traceId: '' });

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** Accepts only a refusal carrying a code the function may answer; message falls back to the shared table. */
function asRefusal(value: Record<string, unknown>): ClientRefused | null {
  if (value.ok !== false || !isErrorCode(value.code)) return null;
  const message = typeof value.message === 'string' && value.message ? value.message : ERROR_MESSAGES[value.code];
  return { ...(value as unknown as CheckRefused), message, traceId: typeof value.traceId === 'string' ? value.traceId : '' };
}

/** Loose shape checks per action: enough that a page never reads a field that is not there. */
const ANSWER_SHAPES: { [A in ActionName]: (v: Record<string, unknown>) => boolean } = {
  check: (v) => isVendorStatusCode(v.code) && typeof v.message === 'string' && isObject(v.masked),
  acceptAgreement: (v) => typeof v.consentId === 'string' && typeof v.acceptedAt === 'number' && typeof v.agreementVersion === 'string' && typeof v.edition === 'string',
  status: (v) => typeof v.verified === 'boolean',
  withdrawConsent: (v) => typeof v.withdrawnAt === 'number',
  myRecords: (v) => Array.isArray(v.records) && Array.isArray(v.consents) && (v.limits === null || isObject(v.limits)),
  deleteMyRecords: (v) => isObject(v.deleted),
  stats: (v) => Array.isArray(v.days) && isObject(v.quota) && isObject(v.budget),
};

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/** One call of the function: weapp `Taro.cloud.callFunction`; h5 `POST /api/functions/mobileCheck`. */
async function send(event: ActionRequest): Promise<unknown> {
  if (process.env.TARO_ENV === 'weapp') {
    const res = await withTimeout(Taro.cloud.callFunction({ name: FUNCTION_NAME, data: { ...event } }), REQUEST_TIMEOUT_MS + 5_000);
    return res.result;
  }
  const res = await Taro.request<unknown>({
    url: H5_FUNCTION_URL,
    method: 'POST',
    data: event,
    header: { 'content-type': 'application/json' },
    dataType: 'json',
    timeout: REQUEST_TIMEOUT_MS,
  });
  return res.data;
}

/**
 * Asks the function for one action. Never throws: a network failure, a timeout or an answer of the
 * wrong shape becomes `{ ok: false, code: 'NETWORK_ERROR' }`.
 */
export async function callAction<A extends ActionName>(action: A, data: Omit<ActionRequest, 'action'> = {}): Promise<Answers[A] | ClientRefused> {
  try {
    const value = await send({ ...data, action } as ActionRequest);
    if (!isObject(value)) return refused('NETWORK_ERROR');
    if (value.ok === true && ANSWER_SHAPES[action](value)) return value as unknown as Answers[A];
    return asRefusal(value) ?? refused('NETWORK_ERROR');
  } catch {
    return refused('NETWORK_ERROR');
  }
}

/** Asks the function to check three fields. */
export const callMobileCheck = (request: CheckRequest): Promise<ClientCheckResponse> => callAction('check', request);

/** h5 only: whether the local host uses the sandbox vendor. Asked once per page load; null when unknown. */
export function fetchVendorMode(): Promise<VendorMode | null> {
  if (process.env.TARO_ENV !== 'h5') return Promise.resolve(null);
  return oncePerLaunch('vendorMode', () =>
    Taro.request<{ mode?: unknown }>({ url: H5_STATUS_URL, method: 'GET', dataType: 'json', timeout: REQUEST_TIMEOUT_MS })
      .then((res): VendorMode | null => {
        const mode = res.data && typeof res.data === 'object' ? res.data.mode : undefined;
        return mode === 'sandbox' || mode === 'live' ? mode : null;
      })
      .catch(() => null));
}
