import {
  cloudPhoneExchange, type PhoneExchangeResult, type PhoneNumberOpenApi,
} from '../../cloudfunctions/mobileCheck/src/host';
import { phoneOpenapiStandIn, sdkError, WECHAT_ERRORS } from '../support/phoneOpenapiStandIn';
import { person } from '../support/people';

const CODE = 'e31968a7f94cc5ee25fafc2aef2773f0bb8c3937b22520eb8ee345274d00c144';

/** Neither the code nor the number may reach the log through `detail`. */
function expectDataFree(result: PhoneExchangeResult): void {
  if (result.ok) return;
  expect(result.detail).not.toContain(CODE);
  // errcodes have up to 7 digits; numbers have 8 or more.
  expect(result.detail).not.toMatch(/\d{8,}/);
}

describe('cloudPhoneExchange', () => {
  test('gives the mainland number WeChat proved for the code', async () => {
    const { openapi, calls } = phoneOpenapiStandIn({ [CODE]: { purePhoneNumber: person.mobile } });
    await expect(cloudPhoneExchange(openapi).exchange(CODE)).resolves.toEqual({ ok: true, mobile: person.mobile });
    expect(calls()).toBe(1);
  });

  test('accepts the country code as the number 86, as the documented example shows it', async () => {
    const { openapi } = phoneOpenapiStandIn({ [CODE]: { purePhoneNumber: person.mobile, countryCode: 86 } });
    await expect(cloudPhoneExchange(openapi).exchange(CODE)).resolves.toEqual({ ok: true, mobile: person.mobile });
  });

  test('refuses a number outside mainland China, saying so', async () => {
    const { openapi } = phoneOpenapiStandIn({ [CODE]: { purePhoneNumber: '91234567', countryCode: '852' } });
    const result = await cloudPhoneExchange(openapi).exchange(CODE);
    expect(result).toEqual({ ok: false, code: 'PHONE_UNAVAILABLE', detail: expect.stringMatching(/mainland/) });
  });

  test('answers PHONE_CODE_INVALID for a code used a second time', async () => {
    const { openapi } = phoneOpenapiStandIn({ [CODE]: { purePhoneNumber: person.mobile } });
    const exchange = cloudPhoneExchange(openapi);
    await exchange.exchange(CODE);
    const second = await exchange.exchange(CODE);
    expect(second).toEqual({ ok: false, code: 'PHONE_CODE_INVALID', detail: expect.stringMatching(/40163/) });
    expectDataFree(second);
  });

  test.each([
    ['an invalid or expired code', WECHAT_ERRORS.invalidCode, 'PHONE_CODE_INVALID'],
    ['a code already used', WECHAT_ERRORS.codeUsed, 'PHONE_CODE_INVALID'],
    ['the paid quota used up', WECHAT_ERRORS.quotaUsedUp, 'PHONE_QUOTA_EXHAUSTED'],
    ['the frequency limit', WECHAT_ERRORS.frequencyLimit, 'PHONE_UNAVAILABLE'],
    ['WeChat busy', WECHAT_ERRORS.systemBusy, 'PHONE_UNAVAILABLE'],
    ['an account without the API (personal or unverified)', WECHAT_ERRORS.apiUnauthorized, 'PHONE_UNAVAILABLE'],
    ['a function without the permission in config.json', WECHAT_ERRORS.functionWithoutPermission, 'PHONE_UNAVAILABLE'],
    ['an undocumented errcode', WECHAT_ERRORS.somethingElse, 'PHONE_UNAVAILABLE'],
  ])('maps %s to its code, with the errcode in the detail', async (_label, error, expected) => {
    const { openapi } = phoneOpenapiStandIn({ [CODE]: error });
    const result = await cloudPhoneExchange(openapi).exchange(CODE);
    expect(result).toEqual({ ok: false, code: expected, detail: expect.stringContaining(`errCode ${error.errcode}`) });
    expectDataFree(result);
  });

  test('maps an error answer that is returned instead of thrown the same way', async () => {
    const openapi: PhoneNumberOpenApi = { phonenumber: { getPhoneNumber: async () => ({ errCode: 40029, errMsg: 'invalid code' }) } };
    await expect(cloudPhoneExchange(openapi).exchange(CODE)).resolves.toMatchObject({ ok: false, code: 'PHONE_CODE_INVALID' });
  });

  test('answers PHONE_UNAVAILABLE when the call fails without an errcode (network, timeout)', async () => {
    const openapi: PhoneNumberOpenApi = { phonenumber: { getPhoneNumber: async () => { throw new Error('socket hang up'); } } };
    await expect(cloudPhoneExchange(openapi).exchange(CODE)).resolves.toEqual({
      ok: false, code: 'PHONE_UNAVAILABLE', detail: 'getPhoneNumber call failed without errCode',
    });
  });

  test('reads an errcode the SDK gives as a string', async () => {
    const openapi: PhoneNumberOpenApi = { phonenumber: { getPhoneNumber: async () => { throw Object.assign(sdkError(0, ''), { errCode: '1400001' }); } } };
    await expect(cloudPhoneExchange(openapi).exchange(CODE)).resolves.toMatchObject({ ok: false, code: 'PHONE_QUOTA_EXHAUSTED' });
  });

  test.each([
    ['without phoneInfo', {}],
    ['with a number that is not 11 digits', { phoneInfo: { purePhoneNumber: '1380013800', countryCode: '86' } }],
  ])('answers PHONE_UNAVAILABLE for a success %s', async (_label, response) => {
    const openapi: PhoneNumberOpenApi = { phonenumber: { getPhoneNumber: async () => ({ errCode: 0, ...response }) } };
    const result = await cloudPhoneExchange(openapi).exchange(CODE);
    expect(result).toMatchObject({ ok: false, code: 'PHONE_UNAVAILABLE' });
    expectDataFree(result);
  });

  test('never calls WeChat for an empty code', async () => {
    const { openapi, calls } = phoneOpenapiStandIn({});
    await expect(cloudPhoneExchange(openapi).exchange('')).resolves.toMatchObject({ ok: false, code: 'PHONE_CODE_INVALID' });
    expect(calls()).toBe(0);
  });
});
