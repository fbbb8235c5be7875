import { DEFAULT_ENDPOINT, DEFAULT_TIMEOUT_MS, readSettings } from '../../cloudfunctions/mobileCheck/src/settings';

describe('readSettings', () => {
  test('uses the documented defaults when nothing is set', () => {
    expect(readSettings({})).toMatchObject({ appCode: undefined, endpoint: DEFAULT_ENDPOINT, timeoutMs: DEFAULT_TIMEOUT_MS });
  });

  test('keeps the default timeout under the cloud function\'s own 3 s default', () => {
    expect(DEFAULT_TIMEOUT_MS).toBeLessThan(3_000);
  });

  test('treats a blank appCode as not set', () => {
    expect(readSettings({ ALIYUN_APPCODE: '   ' }).appCode).toBeUndefined();
  });

  test('reads the appCode, endpoint and timeout, trimming spaces', () => {
    expect(readSettings({ ALIYUN_APPCODE: ' abc ', MOBILECHECK_ENDPOINT: 'http://127.0.0.1:1/x', MOBILECHECK_TIMEOUT_MS: '1200' }))
      .toMatchObject({ appCode: 'abc', endpoint: 'http://127.0.0.1:1/x', timeoutMs: 1200 });
  });

  test.each(['soon', '0', '-5', '1.5', '600000'])('rejects the timeout %p with the setting\'s name', (value) => {
    expect(() => readSettings({ MOBILECHECK_TIMEOUT_MS: value })).toThrow(/MOBILECHECK_TIMEOUT_MS/);
  });
});
