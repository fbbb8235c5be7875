import { act, render } from '@testing-library/react';
import Taro, { resetTaro } from './stubs/taro';
import type { CheckResponse } from '../../src/domain';
import { resetVendorModeForTests } from '../../src/services/mobileCheckClient';
import { clearLastResult } from '../../src/services/resultStore';

export const FUNCTION_URL = '/api/functions/mobileCheck';
export const STATUS_URL = '/api/status';

/** A fresh h5 page: empty storage and routes, no cached vendor mode or result, a live local host. */
export function resetPages(): void {
  process.env.TARO_ENV = 'h5';
  resetTaro();
  resetVendorModeForTests();
  clearLastResult();
  serve({ mode: 'live' });
}

/** Routes the stand-in Taro.request: the status call answers `mode`, the function call `answer`. */
export function serve(options: { mode?: 'sandbox' | 'live'; answer?: (data: unknown) => Promise<CheckResponse> | CheckResponse }) {
  Taro.request.mockImplementation(async (req) => {
    if (req.url === STATUS_URL) return { statusCode: 200, data: { mode: options.mode ?? 'live' } };
    if (req.url === FUNCTION_URL && options.answer) return { statusCode: 200, data: await options.answer(req.data) };
    return { statusCode: 404, data: null };
  });
}

export const functionCalls = () => Taro.request.mock.calls.filter(([req]) => req.url === FUNCTION_URL).map(([req]) => req);

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

/** Renders and lets pending effects (the status call) settle, so no update lands outside act. */
export async function show(ui: React.ReactElement) {
  const result = render(ui);
  await act(async () => {});
  return result;
}

export const $ = (container: HTMLElement, selector: string) => container.querySelector(selector) as HTMLElement | null;
