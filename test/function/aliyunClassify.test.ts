import { classifyResponse } from '../../cloudfunctions/mobileCheck/src/providers/aliyunMarket/classifyResponse';
import { VendorError } from '../../cloudfunctions/mobileCheck/src/host';

const ok = (body: unknown) => ({ httpStatus: 200, headers: {}, body: JSON.stringify(body) });
const gateway = (httpStatus: number, message: string) => ({
  httpStatus,
  headers: { 'x-ca-error-code': 'A000', 'x-ca-error-message': message },
  body: '',
});

function errorOf(response: Parameters<typeof classifyResponse>[0]): VendorError {
  try {
    classifyResponse(response);
  } catch (error) {
    if (error instanceof VendorError) return error;
    throw error;
  }
  throw new Error('expected a VendorError');
}

describe('classifyResponse', () => {
  test('returns the status, carrier and vendor trace id of a documented answer', () => {
    expect(classifyResponse(ok({ status: '01', msg: '实名认证通过', mobileType: '联通', traceId: '20201208001535_9a45ph_5e392391' })))
      .toEqual({ status: '01', carrier: '联通', vendorTraceId: '20201208001535_9a45ph_5e392391', httpStatus: 200 });
  });

  test('drops a carrier that is not a short Chinese word', () => {
    expect(classifyResponse(ok({ status: '01', mobileType: '<script>' })).carrier).toBe('');
  });

  test('drops a vendor trace id with unexpected characters', () => {
    expect(classifyResponse(ok({ status: '02', traceId: '13800138000 张三' })).vendorTraceId).toBe('');
  });

  test.each([
    [400, 'Invalid AppCode', 'SERVICE_MISCONFIGURED'],
    [400, 'Invalid Url', 'SERVICE_MISCONFIGURED'],
    [403, 'Unauthorized', 'SERVICE_MISCONFIGURED'],
    [403, 'Quota Exhausted', 'VENDOR_QUOTA_EXHAUSTED'],
    [403, 'Quota Expired', 'VENDOR_QUOTA_EXHAUSTED'],
    [403, 'User Arrears', 'VENDOR_QUOTA_EXHAUSTED'],
    [403, 'Throttled by USER Flow Control', 'VENDOR_THROTTLED'],
    [403, 'Throttled by API Flow Control', 'VENDOR_THROTTLED'],
    [400, 'Invalid Param Location', 'VENDOR_BAD_RESPONSE'],
    [502, 'Backend service error', 'VENDOR_UNAVAILABLE'],
    [504, 'Backend service timeout', 'VENDOR_UNAVAILABLE'],
    // The status decides first (5xx, 429, 401/403), then the message.
    [500, 'Quota Exhausted', 'VENDOR_UNAVAILABLE'],
    [499, 'Backend error', 'VENDOR_BAD_RESPONSE'],
    [429, 'Too Many Requests', 'VENDOR_THROTTLED'],
    [401, 'Denied', 'SERVICE_MISCONFIGURED'],
    [403, 'Denied', 'SERVICE_MISCONFIGURED'],
    [402, 'Denied', 'VENDOR_BAD_RESPONSE'],
    [400, 'Invalid AppCode `x`', 'SERVICE_MISCONFIGURED'],
    [400, 'Unauthorized', 'SERVICE_MISCONFIGURED'],
    [400, 'Flow Control', 'VENDOR_THROTTLED'],
    [400, 'Arrears', 'VENDOR_QUOTA_EXHAUSTED'],
  ])('maps gateway %i "%s" to %s, not billed', (status, message, code) => {
    const error = errorOf(gateway(status, message));
    expect(error.code).toBe(code);
    expect(error.billing).toBe('not-billed');
    expect(error.httpStatus).toBe(status);
  });

  test('matches gateway messages by substring, ignoring case', () => {
    expect(errorOf(gateway(403, 'quota exhausted for this api')).code).toBe('VENDOR_QUOTA_EXHAUSTED');
  });

  test.each([
    [500, 'VENDOR_UNAVAILABLE'],
    [503, 'VENDOR_UNAVAILABLE'],
    [429, 'VENDOR_THROTTLED'],
    [404, 'VENDOR_BAD_RESPONSE'],
    [302, 'VENDOR_BAD_RESPONSE'],
  ])('maps a backend HTTP %i without gateway headers to %s', (httpStatus, code) => {
    expect(errorOf({ httpStatus, headers: {}, body: '{"status":"01"}' }).code).toBe(code);
  });

  test.each([
    ['an HTML page', '<html><body>维护中</body></html>'],
    ['truncated JSON', '{"status":"01","msg":"实名认'],
    ['a JSON string', '"01"'],
    ['JSON null', 'null'],
    ['an empty body', ''],
  ])('maps %s with HTTP 200 to VENDOR_BAD_RESPONSE, billed', (_label, body) => {
    const error = errorOf({ httpStatus: 200, headers: {}, body });
    expect(error.code).toBe('VENDOR_BAD_RESPONSE');
    expect(error.billing).toBe('billed');
  });

  test.each(['09', '1', 1, null, '__proto__', 'constructor'])('maps the unknown status %p to VENDOR_BAD_RESPONSE', (status) => {
    expect(errorOf(ok({ status })).code).toBe('VENDOR_BAD_RESPONSE');
  });

  test('logs only the gateway\'s error code, not its free text', () => {
    const error = errorOf({ httpStatus: 400, headers: { 'x-ca-error-code': 'A400IP', 'x-ca-error-message': 'Invalid Param idCard 11010519491231002X' }, body: '' });
    expect(error.message).toContain('A400IP');
    expect(error.message).not.toContain('11010519491231002X');
  });

  test('never puts the response body into the error message', () => {
    const error = errorOf({ httpStatus: 200, headers: {}, body: '{"status":"09","name":"张三","idCard":"11010519491231002X"}' });
    expect(error.message).not.toMatch(/张三|11010519491231002X/);
  });
});

describe('classifyResponse: gateway or backend, and the edges of each rule', () => {
  const messageOnly = (httpStatus: number, message: string) => ({ httpStatus, headers: { 'x-ca-error-message': message }, body: '{"status":"01"}' });

  test('treats a non-200 answer carrying only X-Ca-Error-Message as the gateway\'s (not billed, its message decides)', () => {
    const error = errorOf(messageOnly(403, 'Quota Exhausted'));
    expect(error).toMatchObject({ code: 'VENDOR_QUOTA_EXHAUSTED', billing: 'not-billed', httpStatus: 403 });
    expect(error.message).toBe('VENDOR_QUOTA_EXHAUSTED: gateway 403');
  });

  test('reads the body of a 200 that carries X-Ca-Error-Message but no error code: the backend answered', () => {
    expect(classifyResponse(messageOnly(200, 'Quota Exhausted'))).toMatchObject({ status: '01', httpStatus: 200 });
  });

  test('treats a 200 with X-Ca-Error-Code as the gateway\'s refusal', () => {
    expect(errorOf({ httpStatus: 200, headers: { 'x-ca-error-code': 'A200XX' }, body: '{"status":"01"}' })).toMatchObject({ code: 'VENDOR_BAD_RESPONSE', billing: 'not-billed' });
  });

  test('keeps only letters, digits, dots and dashes of the gateway code, at most 80 characters of detail', () => {
    expect(errorOf({ httpStatus: 403, headers: { 'x-ca-error-code': 'A403 <QE>\n' }, body: '' }).message).toBe('SERVICE_MISCONFIGURED: gateway 403 A403QE');
    expect(errorOf({ httpStatus: 403, headers: { 'x-ca-error-code': 'Q'.repeat(200) }, body: '' }).message).toBe(`SERVICE_MISCONFIGURED: ${`gateway 403 ${'Q'.repeat(200)}`.slice(0, 80)}`);
  });

  test.each([[499, 'VENDOR_BAD_RESPONSE'], [500, 'VENDOR_UNAVAILABLE'], [428, 'VENDOR_BAD_RESPONSE'], [430, 'VENDOR_BAD_RESPONSE'], [201, 'VENDOR_BAD_RESPONSE']])(
    'maps a backend HTTP %i to %s, not billed, saying it was the backend',
    (httpStatus, code) => {
      const error = errorOf({ httpStatus, headers: {}, body: '{"status":"01"}' });
      expect(error).toMatchObject({ code, billing: 'not-billed', httpStatus });
      expect(error.message).toBe(`${code}: backend ${httpStatus}`);
    },
  );

  test('says why a 200 is refused: not a JSON object, or an unknown status', () => {
    expect(errorOf({ httpStatus: 200, headers: {}, body: '7' }).message).toBe('VENDOR_BAD_RESPONSE: body is not a JSON object');
    expect(errorOf(ok({ status: '09' }))).toMatchObject({ billing: 'billed', httpStatus: 200, message: 'VENDOR_BAD_RESPONSE: unknown status' });
  });

  test.each([
    ['移动', '移动'], ['中国广电移动通信', '中国广电移动通信'], ['中国广电移动通信网', ''], ['移动 ', ''], [' 移动', ''], ['', ''], [7, ''],
  ])('keeps the carrier %p as %p', (mobileType, carrier) => {
    expect(classifyResponse(ok({ status: '01', mobileType })).carrier).toBe(carrier);
  });

  test.each([
    ['a'.repeat(64), 'a'.repeat(64)], ['a'.repeat(65), ''], ['x.y:z-1_2', 'x.y:z-1_2'], ['', ''], [' t1', ''], ['t1 ', ''], [42, ''],
  ])('keeps the vendor trace id %p as %p', (traceId, kept) => {
    expect(classifyResponse(ok({ status: '02', traceId })).vendorTraceId).toBe(kept);
  });
});
