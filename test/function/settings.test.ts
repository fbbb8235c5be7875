import {
  DEFAULT_ENDPOINT, DEFAULT_TIMEOUT_MS, missingProviderSecret, readSettings,
} from '../../cloudfunctions/mobileCheck/src/host';

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

describe('provider settings', () => {
  test('default to aliyun-market alone, Tencent\'s documented endpoint and no prices', () => {
    expect(readSettings({})).toMatchObject({
      providers: ['aliyun-market'],
      tencent: { secretId: undefined, secretKey: undefined, endpoint: 'https://faceid.tencentcloudapi.com' },
      pricesFen: { 'aliyun-market': undefined, 'tencent-faceid': undefined },
    });
  });

  test.each([
    ['tencent-faceid', ['tencent-faceid']],
    [' tencent-faceid , aliyun-market ', ['tencent-faceid', 'aliyun-market']],
    ['aliyun-market,tencent-faceid', ['aliyun-market', 'tencent-faceid']],
  ])('reads MOBILECHECK_PROVIDERS %p in its order', (value, providers) => {
    expect(readSettings({ MOBILECHECK_PROVIDERS: value }).providers).toEqual(providers);
  });

  test.each(['tencent', 'aliyun-market,aliyun-market', 'aliyun-market,', ',tencent-faceid', 'TENCENT-FACEID'])('rejects MOBILECHECK_PROVIDERS %p', (value) => {
    expect(() => readSettings({ MOBILECHECK_PROVIDERS: value })).toThrow(/^MOBILECHECK_PROVIDERS must list/);
  });

  test.each(['http://faceid.tencentcloudapi.com', 'ftp://127.0.0.1/', 'faceid'])('rejects the Tencent endpoint %p: the signature and digests travel only over HTTPS', (value) => {
    expect(() => readSettings({ MOBILECHECK_TENCENT_ENDPOINT: value })).toThrow(/^MOBILECHECK_TENCENT_ENDPOINT must be/);
  });

  test.each([['0', 0], ['45', 45], ['100000', 100_000]])('reads a price of %p fen', (value, fen) => {
    expect(readSettings({ MOBILECHECK_TENCENT_PRICE_FEN: value, MOBILECHECK_ALIYUN_PRICE_FEN: value }).pricesFen).toEqual({ 'aliyun-market': fen, 'tencent-faceid': fen });
  });

  test.each(['0.45', '-1', '100001', 'free'])('rejects the price %p', (value) => {
    expect(() => readSettings({ MOBILECHECK_TENCENT_PRICE_FEN: value })).toThrow(/^MOBILECHECK_TENCENT_PRICE_FEN/);
  });

  test.each([
    [{ MOBILECHECK_PROVIDERS: 'tencent-faceid', MOBILECHECK_TENCENT_SECRET_KEY: 'k' }, 'MOBILECHECK_TENCENT_SECRET_ID is not set'],
    [{ MOBILECHECK_PROVIDERS: 'tencent-faceid', MOBILECHECK_TENCENT_SECRET_ID: 'AKID' }, 'MOBILECHECK_TENCENT_SECRET_KEY is not set'],
    [{ MOBILECHECK_PROVIDERS: 'tencent-faceid,aliyun-market', MOBILECHECK_TENCENT_SECRET_ID: 'AKID', MOBILECHECK_TENCENT_SECRET_KEY: 'k' }, 'ALIYUN_APPCODE is not set'],
    [{ MOBILECHECK_PROVIDERS: 'tencent-faceid', MOBILECHECK_TENCENT_SECRET_ID: 'AKID', MOBILECHECK_TENCENT_SECRET_KEY: 'k' }, undefined],
    [{ ALIYUN_APPCODE: 'code' }, undefined],
  ])('names the secret a listed provider lacks (%p)', (env, missing) => {
    expect(missingProviderSecret(readSettings(env))).toBe(missing);
  });
});
