import { DEFAULT_ENDPOINT, DEFAULT_TIMEOUT_MS, readSettings } from '../../cloudfunctions/mobileCheck/src/settings';

describe('readSettings', () => {
  test('uses the documented defaults when nothing is set', () => {
    expect(readSettings({})).toMatchObject({ appCode: undefined, endpoint: DEFAULT_ENDPOINT, timeoutMs: DEFAULT_TIMEOUT_MS });
  });

  test.each([
    ['not a URL', 'phonethird.market.alicloudapi.com/mobileCheck'],
    ['plain HTTP to another host', 'http://phonethird.market.alicloudapi.com/mobileCheck'],
    ['another protocol', 'ftp://phonethird.market.alicloudapi.com/mobileCheck'],
  ])('rejects an endpoint that is %s, naming the setting', (_label, value) => {
    expect(() => readSettings({ MOBILECHECK_ENDPOINT: value })).toThrow(/MOBILECHECK_ENDPOINT/);
  });

  test.each(['http://127.0.0.1:8080/mobileCheck', 'http://localhost/mobileCheck', 'https://example.com/mobileCheck'])(
    'accepts the endpoint %s',
    (value) => {
      expect(readSettings({ MOBILECHECK_ENDPOINT: value }).endpoint).toBe(value);
    },
  );

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
