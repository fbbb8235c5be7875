import { act, fireEvent, render } from '@testing-library/react';
import Taro, { resetTaro, storage } from './stubs/taro';
import { CONSENT_STORAGE_KEY } from '../../src/services/consentStore';
import type { Action, CheckResponse, MyRecordsAnswer, StatusAnswer } from '../../src/domain';
import { takeKeptPerson } from '../../src/services/keptPerson';
import { forgetStatus } from '../../src/services/launchStatus';
import { launchAnswers } from '../../src/services/perLaunch';
import { clearLastResult } from '../../src/services/resultStore';

export const FUNCTION_URL = '/api/functions/mobileCheck';
export const STATUS_URL = '/api/status';

type Answer = (data: any) => unknown;

/** A fresh h5 page: empty storage and routes, nothing kept in memory, a live local host. */
export function resetPages(): void {
  process.env.TARO_ENV = 'h5';
  resetTaro();
  launchAnswers.clear();
  clearLastResult();
  forgetStatus();
  takeKeptPerson();
  serve({ mode: 'live' });
}

export const NOT_VERIFIED: StatusAnswer = { ok: true, verified: false, traceId: 'trace-status' };
export const NO_RECORDS: MyRecordsAnswer = { ok: true, records: [], consents: [], limits: null, traceId: 'trace-records' };

/**
 * Routes the stand-in Taro.request: the local host's mode, and the function by `action` — `answer`
 * for checks, `actions[name]` for the others (status: not verified unless given).
 */
export function serve(options: {
  mode?: 'sandbox' | 'live';
  answer?: (data: any) => Promise<CheckResponse> | CheckResponse;
  actions?: Partial<Record<Exclude<Action, 'check'>, Answer>>;
}) {
  const actions: Partial<Record<string, Answer>> = { status: () => NOT_VERIFIED, ...options.actions };
  const route = (data: { action?: string }) => (!data.action || data.action === 'check' ? options.answer : actions[data.action]);
  Taro.request.mockImplementation(async (req) => {
    if (req.url === STATUS_URL) return { statusCode: 200, data: { mode: options.mode ?? 'live' } };
    if (req.url !== FUNCTION_URL) return { statusCode: 404, data: null };
    const answer = route(req.data as { action?: string });
    return answer ? { statusCode: 200, data: await answer(req.data) } : { statusCode: 404, data: null };
  });
  // weapp: the same answers through wx.cloud.callFunction.
  Taro.cloud.callFunction.mockImplementation(async ({ data }) => {
    const answer = route(data as { action?: string });
    return { result: answer ? await answer(data) : undefined, errMsg: 'cloud.callFunction:ok' };
  });
}

const isCheck = (data: unknown) => {
  const action = (data as { action?: string }).action;
  return !action || action === 'check';
};

/** The check requests sent to the function. */
export const functionCalls = () => Taro.request.mock.calls.filter(([req]) => req.url === FUNCTION_URL && isCheck(req.data)).map(([req]) => req);

/** The check events sent in weapp (wx.cloud.callFunction). */
export const cloudCheckEvents = () => Taro.cloud.callFunction.mock.calls.map(([o]) => o.data).filter(isCheck);

/** The requests for one other action. */
export const actionCalls = (action: Exclude<Action, 'check'>) =>
  Taro.request.mock.calls.filter(([req]) => req.url === FUNCTION_URL && (req.data as { action?: string }).action === action).map(([req]) => req);

export interface Deferred<T> {
  promise: Promise<T>;
  resolve: (value: T) => void;
}

export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

export const VALID = { name: '张三', idCard: '11010519491231002X', mobile: '13800138000' };

export const completed = (code: CheckResponse['code'] & string, extra: Partial<CheckResponse> = {}): CheckResponse =>
  ({
    ok: true,
    verified: code === '01',
    code,
    message: `message for ${code}`,
    carrier: '联通',
    masked: { name: '张*', idCard: '11**************2X', mobile: '138****8000' },
    traceId: 'trace-123',
    cached: false,
    ...extra,
  }) as CheckResponse;

/** Renders and lets pending effects (status calls) settle, so no update lands outside act. */
export async function show(ui: React.ReactElement) {
  const result = render(ui);
  await act(async () => {});
  return result;
}

/** Lets pending promises (a confirmation, a function call) settle inside act. */
export const settle = () => act(async () => {});

export const $ = (container: HTMLElement, selector: string) => container.querySelector(selector) as HTMLElement | null;

/** A consent the function registered earlier, as the phone keeps it. */
export const STORED_CONSENT_ID = '0123456789abcdef0123456789abcdef';
export function storeConsent(version: string, acceptedAt = Date.UTC(2026, 11, 1, 2, 0)): void {
  storage.set(CONSENT_STORAGE_KEY, { consentId: STORED_CONSENT_ID, version, acceptedAt, edition: '2026-12-04 第2版' });
}

/** Ticks the per-check confirmation beside 开始核验. */
export const confirmCheck = (container: HTMLElement) => fireEvent.click($(container, '#confirm-check')!);
