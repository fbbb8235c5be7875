// The fuzz and fault suites trust contractProblems as their oracle: it must accept the shapes of
// docs/contract.md and reject each way a response could drift from them.
import { ERROR_MESSAGES, vendorStatus } from '../../src/domain';
import { contractProblems, fitsContract } from '../support/contract';

const completed = {
  ok: true, verified: true, code: '01', message: vendorStatus('01').message, carrier: '联通',
  masked: { name: '张*', idCard: '11**************2X', mobile: '138****8000' }, traceId: '6f1e0c2a9b8d4e7f8a1b2c3d4e5f6a7b', cached: false, provider: 'tencent-faceid',
};
const refused = { ok: false, code: 'INVALID_ID_CARD', message: '身份证件号码校验位不正确，请逐位核对', field: 'idCard', traceId: 't1' };

describe('contractProblems', () => {
  test.each<[string, unknown]>([
    ['the design example of a completed check', completed],
    ['a 02 answer, not verified, no carrier', { ...completed, code: '02', verified: false, carrier: '' }],
    ['the design example of a refusal', refused],
    ['CONSENT_REQUIRED with the version', { ok: false, code: 'CONSENT_REQUIRED', message: ERROR_MESSAGES.CONSENT_REQUIRED, agreementVersion: 'v1', traceId: 't' }],
    ['RATE_LIMITED with seconds', { ok: false, code: 'RATE_LIMITED', message: ERROR_MESSAGES.RATE_LIMITED, retryAfterSeconds: 60, traceId: 't' }],
    ['VENDOR_TIMEOUT with nothing else', { ok: false, code: 'VENDOR_TIMEOUT', message: ERROR_MESSAGES.VENDOR_TIMEOUT, traceId: 't' }],
  ])('accepts %s', (_label, response) => {
    expect(contractProblems(response)).toEqual([]);
    expect(fitsContract(response)).toBe(true);
  });

  test.each<[string, unknown]>([
    ['undefined', undefined],
    ['a string', 'ok'],
    ['an array', [completed]],
    ['verified true for 02', { ...completed, code: '02' }],
    ['verified false for 01', { ...completed, verified: false }],
    ['an unknown vendor status', { ...completed, code: '09', verified: false }],
    ['an extra key on a completed check', { ...completed, raw: {} }],
    ['a missing cached flag', { ...completed, cached: undefined }],
    ['an unknown provider', { ...completed, provider: 'aliyun' }],
    ['a missing provider', { ...completed, provider: undefined }],
    ['an unmasked mobile', { ...completed, masked: { ...completed.masked, mobile: '13800138000' } }],
    ['a masked object with an extra field', { ...completed, masked: { ...completed.masked, openid: 'o*' } }],
    ['an empty trace id', { ...completed, traceId: '' }],
    ['a non-Chinese message', { ...refused, message: 'bad id' }],
    ['an unknown error code', { ...refused, code: 'BOOM', field: undefined }],
    ['the client-only NETWORK_ERROR', { ok: false, code: 'NETWORK_ERROR', message: ERROR_MESSAGES.NETWORK_ERROR, traceId: 't' }],
    ['a field error without its field', { ok: false, code: 'INVALID_NAME', message: ERROR_MESSAGES.INVALID_NAME, traceId: 't' }],
    ['a field error naming another field', { ...refused, field: 'mobile' }],
    ['a field on another code', { ok: false, code: 'INTERNAL', message: ERROR_MESSAGES.INTERNAL, field: 'name', traceId: 't' }],
    ['an agreementVersion on another code', { ...refused, agreementVersion: 'v1' }],
    ['CONSENT_REQUIRED without the version', { ok: false, code: 'CONSENT_REQUIRED', message: ERROR_MESSAGES.CONSENT_REQUIRED, traceId: 't' }],
    ['RATE_LIMITED without seconds', { ok: false, code: 'RATE_LIMITED', message: ERROR_MESSAGES.RATE_LIMITED, traceId: 't' }],
    ['RATE_LIMITED with 0.5 seconds', { ok: false, code: 'RATE_LIMITED', message: ERROR_MESSAGES.RATE_LIMITED, retryAfterSeconds: 0.5, traceId: 't' }],
    ['retryAfterSeconds on another code', { ...refused, retryAfterSeconds: 3 }],
    ['a stack trace', { ok: false, code: 'INTERNAL', message: '系统出错 TypeError: x\n    at handle (/app/index.js:1:2)', traceId: 't' }],
    ['an undefined optional key', { ...refused, retryAfterSeconds: undefined }],
    ['a missing trace id', { ok: false, code: 'INTERNAL', message: ERROR_MESSAGES.INTERNAL }],
  ])('rejects %s', (_label, response) => {
    expect(contractProblems(response).length).toBeGreaterThan(0);
    expect(fitsContract(response)).toBe(false);
  });

  test('rejects an agreementVersion other than the current one when told the current one', () => {
    const response = { ok: false, code: 'CONSENT_REQUIRED', message: ERROR_MESSAGES.CONSENT_REQUIRED, agreementVersion: 'old', traceId: 't' };
    expect(fitsContract(response, { agreementVersion: 'new' })).toBe(false);
  });
});
