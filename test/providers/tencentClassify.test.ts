import { classifyTencent, errorCodeOf } from '../../cloudfunctions/mobileCheck/src/providers/tencentFaceid/classify';

const ok = (response: unknown) => ({ httpStatus: 200, headers: {}, body: JSON.stringify({ Response: response }) });
const REQUEST_ID = 'ed93f3cb-f35e-473f-b9f3-0d451b8b79c6';

describe('classifyTencent', () => {
  test.each([
    ['0', '01', 'billed'],
    ['-4', '02', 'billed'],
    ['-7', '205', 'not-billed'],
    ['-9', '202', 'not-billed'],
  ])('answers Result %s with status %s, %s', (result, status, billing) => {
    expect(classifyTencent(ok({ Result: result, Description: '…', ISP: '移动', RequestId: REQUEST_ID })))
      .toEqual({ kind: 'status', status, billing, carrier: '移动', providerTraceId: REQUEST_ID, httpStatus: 200 });
  });

  test.each([
    ['-8', 'VENDOR_BAD_RESPONSE'],
    ['-11', 'VENDOR_UNAVAILABLE'],
  ])('refuses Result %s with %s, not billed', (result, code) => {
    expect(classifyTencent(ok({ Result: result, RequestId: REQUEST_ID }))).toEqual({ kind: 'refusal', code, billing: 'not-billed', httpStatus: 200, detail: `Result ${result}` });
  });

  test.each([['9'], ['1'], [''], ['toString'], ['__proto__']])('refuses the unknown Result "%s" as a bad response whose billing is unknown', (result) => {
    expect(classifyTencent(ok({ Result: result }))).toEqual({ kind: 'refusal', code: 'VENDOR_BAD_RESPONSE', billing: 'unknown', httpStatus: 200, detail: 'unknown Result' });
  });

  test('refuses a Result that is a number, not a string, as unknown', () => {
    expect(classifyTencent(ok({ Result: 0 }))).toMatchObject({ code: 'VENDOR_BAD_RESPONSE', billing: 'unknown' });
  });

  test('drops a carrier that is not a short Chinese word and a request id with other characters', () => {
    expect(classifyTencent(ok({ Result: '0', ISP: '<b>移动</b>', RequestId: '13800138000 张三' }))).toMatchObject({ carrier: '', providerTraceId: '' });
    expect(classifyTencent(ok({ Result: '0', ISP: 7, RequestId: 7 }))).toMatchObject({ carrier: '', providerTraceId: '' });
    expect(classifyTencent(ok({ Result: '0', ISP: '', RequestId: 'a'.repeat(65) }))).toMatchObject({ carrier: '', providerTraceId: '' });
  });

  test.each([
    ['AuthFailure.SignatureFailure', 'SERVICE_MISCONFIGURED'],
    ['AuthFailure.SecretIdNotFound', 'SERVICE_MISCONFIGURED'],
    ['UnauthorizedOperation.Nonactivated', 'SERVICE_MISCONFIGURED'],
    ['RequestLimitExceeded', 'VENDOR_THROTTLED'],
    ['RequestLimitExceeded.UinLimitExceeded', 'VENDOR_THROTTLED'],
    ['InternalError', 'VENDOR_UNAVAILABLE'],
    ['InternalError.EncryptSystemError', 'VENDOR_UNAVAILABLE'],
    ['UnauthorizedOperation.Arrears', 'VENDOR_QUOTA_EXHAUSTED'],
    ['LimitExceeded', 'VENDOR_QUOTA_EXHAUSTED'],
    ['InvalidParameterValue', 'VENDOR_BAD_RESPONSE'],
    ['FailedOperation.UnKnown', 'VENDOR_BAD_RESPONSE'],
    ['XAuthFailure', 'VENDOR_BAD_RESPONSE'],
  ])('maps the error %s to %s', (code, expected) => {
    expect(errorCodeOf(code)).toBe(expected);
    expect(classifyTencent(ok({ Error: { Code: code, Message: 'secret detail' }, RequestId: REQUEST_ID })))
      .toEqual({ kind: 'refusal', code: expected, billing: 'not-billed', httpStatus: 200, detail: `error ${code}` });
  });

  test('keeps an unreadable error code out of the log detail', () => {
    expect(classifyTencent(ok({ Error: { Code: '13800138000 张三' } }))).toMatchObject({ code: 'VENDOR_BAD_RESPONSE', billing: 'not-billed', detail: 'error unreadable' });
    expect(classifyTencent(ok({ Error: { Code: 42 } }))).toMatchObject({ detail: 'error unreadable' });
  });

  test('an Error wins over a Result in the same answer', () => {
    expect(classifyTencent(ok({ Error: { Code: 'InternalError' }, Result: '0' }))).toMatchObject({ kind: 'refusal', code: 'VENDOR_UNAVAILABLE' });
  });

  test.each([[500], [502], [599]])('answers HTTP %i as unavailable, not billed (no Result came back)', (httpStatus) => {
    expect(classifyTencent({ httpStatus, headers: {}, body: 'Bad Gateway' })).toEqual({ kind: 'refusal', code: 'VENDOR_UNAVAILABLE', billing: 'not-billed', httpStatus, detail: `HTTP ${httpStatus}` });
  });

  test.each([[499], [404], [201], [301]])('answers HTTP %i as a bad response, not billed', (httpStatus) => {
    expect(classifyTencent({ httpStatus, headers: {}, body: JSON.stringify({ Response: { Result: '0' } }) }))
      .toEqual({ kind: 'refusal', code: 'VENDOR_BAD_RESPONSE', billing: 'not-billed', httpStatus, detail: `HTTP ${httpStatus}` });
  });

  test.each([
    ['HTML', '<html>维护中</html>'],
    ['truncated JSON', '{"Response":{"Result":"0"'],
    ['JSON without Response', '{"Result":"0"}'],
    ['a Response that is not an object', '{"Response":"0"}'],
    ['a Response that is an array', '{"Response":["0"]}'],
    ['null', 'null'],
  ])('answers %s in an HTTP 200 as a bad response whose billing is unknown', (_label, body) => {
    expect(classifyTencent({ httpStatus: 200, headers: {}, body })).toEqual({ kind: 'refusal', code: 'VENDOR_BAD_RESPONSE', billing: 'unknown', httpStatus: 200, detail: 'no Response object' });
  });

  test('an Error that is not an object is no error: the Result decides', () => {
    expect(classifyTencent(ok({ Error: 'x', Result: '-4' }))).toMatchObject({ kind: 'status', status: '02' });
  });
});
