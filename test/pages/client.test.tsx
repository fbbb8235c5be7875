import { act, renderHook } from '@testing-library/react';
import Taro, { resetTaro } from './stubs/taro';
import { completed, deferred, functionCalls, serve, VALID } from './helpers';
import { ERROR_MESSAGES, type CheckRequest, type CheckResponse } from '../../src/domain';
import { callMobileCheck, fetchVendorMode, type ClientCheckResponse } from '../../src/services/mobileCheckClient';
import { launchAnswers } from '../../src/services/perLaunch';
import { useMobileCheck } from '../../src/pages/form/hooks/useMobileCheck';
import { formatWait } from '../../src/domain';


const request: CheckRequest = { ...VALID, consent: { consentId: '0123456789abcdef0123456789abcdef', thisCheck: true } };
const cloud = Taro.cloud;

beforeEach(() => {
  process.env.TARO_ENV = 'h5';
  resetTaro();
  launchAnswers.clear();
});

describe('mobileCheck client', () => {
  test('posts the event to the local host in h5, without an identity header', async () => {
    serve({ answer: () => completed('01') });
    const response = await callMobileCheck(request);
    expect(response.ok).toBe(true);
    const [call] = functionCalls();
    expect(call).toMatchObject({ url: '/api/functions/mobileCheck', method: 'POST', data: request, timeout: 15000 });
    expect(JSON.stringify(call)).not.toContain('x-wx-openid');
    expect(cloud.callFunction).not.toHaveBeenCalled();
  });

  test('passes a refusal with a non-2xx status through unchanged', async () => {
    const refusal: CheckResponse = { ok: false, code: 'RATE_LIMITED', message: 'm', retryAfterSeconds: 30, traceId: 't' };
    Taro.request.mockImplementation(async () => ({ statusCode: 429, data: refusal }));
    expect(await callMobileCheck(request)).toEqual(refusal);
  });

  test('calls the cloud function by name in the mini-program', async () => {
    process.env.TARO_ENV = 'weapp';
    cloud.callFunction.mockResolvedValue({ result: completed('02'), errMsg: 'cloud.callFunction:ok' });
    const response = await callMobileCheck(request);
    expect(response).toMatchObject({ ok: true, code: '02' });
    expect(cloud.callFunction).toHaveBeenCalledWith({ name: 'mobileCheck', data: { ...request, action: 'check' } });
    expect(Taro.request).not.toHaveBeenCalled();
  });

  test('turns a failed cloud call into NETWORK_ERROR', async () => {
    process.env.TARO_ENV = 'weapp';
    cloud.callFunction.mockRejectedValue(new Error('cloud.callFunction:fail'));
    expect(await callMobileCheck(request)).toEqual({
      ok: false,
      code: 'NETWORK_ERROR',
      message: ERROR_MESSAGES.NETWORK_ERROR,
      traceId: '',
    });
  });

  test('turns a timed-out request into NETWORK_ERROR', async () => {
    Taro.request.mockImplementation(async () => {
      throw Object.assign(new Error('The user aborted a request.'), { name: 'AbortError' });
    });
    expect(await callMobileCheck(request)).toMatchObject({ ok: false, code: 'NETWORK_ERROR' });
  });

  test('asks the status once per page load and reads the sandbox mode', async () => {
    serve({ mode: 'sandbox' });
    expect(await fetchVendorMode()).toBe('sandbox');
    expect(await fetchVendorMode()).toBe('sandbox');
    expect(Taro.request).toHaveBeenCalledTimes(1);
  });

  test('treats an unreachable status as unknown, not sandbox', async () => {
    Taro.request.mockImplementation(async () => {
      throw new Error('offline');
    });
    expect(await fetchVendorMode()).toBeNull();
  });
});

describe('useMobileCheck', () => {
  test('sends one request when submit is called twice before the answer', async () => {
    const pending = deferred<CheckResponse>();
    serve({ answer: () => pending.promise });
    const { result } = renderHook(() => useMobileCheck());
    let first!: Promise<ClientCheckResponse | null>;
    let second!: Promise<ClientCheckResponse | null>;
    await act(async () => {
      first = result.current.submit(request);
      second = result.current.submit(request);
    });
    expect(result.current.loading).toBe(true);
    expect(await second).toBeNull();
    await act(async () => pending.resolve(completed('01')));
    expect((await first)?.ok).toBe(true);
    expect(functionCalls()).toHaveLength(1);
    expect(result.current.loading).toBe(false);
  });

  test('allows a new request after the previous one has answered', async () => {
    serve({ answer: () => completed('01') });
    const { result } = renderHook(() => useMobileCheck());
    await act(async () => {
      await result.current.submit(request);
    });
    await act(async () => {
      await result.current.submit(request);
    });
    expect(functionCalls()).toHaveLength(2);
  });
});

describe('formatWait', () => {
  test.each([
    [1, '1秒'],
    [59, '59秒'],
    [60, '1分钟'],
    [61, '1分1秒'],
    [3600, '1小时'],
    [5400, '1小时30分钟'],
    [0.2, '1秒'],
  ])('renders %p seconds as %s', (seconds, text) => {
    expect(formatWait(seconds)).toBe(text);
  });
});
