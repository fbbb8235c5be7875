import Taro from './stubs/taro';
import { actionCalls, NOT_VERIFIED, resetPages, serve } from './helpers';
import { forgetStatus, loadStatus, within } from '../../src/services/launchStatus';

beforeEach(() => {
  resetPages();
});

describe('the status kept for the pages', () => {
  test('is asked once and shared', async () => {
    expect(await loadStatus()).toEqual(NOT_VERIFIED);
    expect(await loadStatus()).toEqual(NOT_VERIFIED);
    expect(actionCalls('status')).toHaveLength(1);
  });

  test('is asked anew when fresh, and after being forgotten', async () => {
    await loadStatus();
    await loadStatus({ fresh: true });
    forgetStatus();
    await loadStatus();
    expect(actionCalls('status')).toHaveLength(3);
  });

  test('is null after a failure, and asked again next time', async () => {
    Taro.request.mockImplementation(async () => {
      throw new Error('offline');
    });
    expect(await loadStatus()).toBeNull();
    serve({});
    expect(await loadStatus()).toEqual(NOT_VERIFIED);
  });
});

describe('waiting within a limit', () => {
  test('gives the value when it comes in time, and the fallback when it does not', async () => {
    expect(await within(Promise.resolve('value'), 50, 'fallback')).toBe('value');
    expect(await within(new Promise<string>(() => undefined), 10, 'fallback')).toBe('fallback');
  });
});
