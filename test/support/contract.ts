// One check of the function's output contract (docs/contract.md, "A completed check" and "A refusal"),
// written from that document rather than from the handler: returns what is wrong, [] when it fits.
import { ERROR_CODES, VENDOR_STATUS_CODES, type ErrorCode } from '../../src/domain';

/** docs/providers.md: the ids a completed check may name. */
const PROVIDERS = ['aliyun-market', 'tencent-faceid'];
const COMPLETED_KEYS = ['ok', 'verified', 'code', 'message', 'carrier', 'masked', 'traceId', 'cached', 'provider'];
const REFUSED_REQUIRED = ['ok', 'code', 'message', 'traceId'];
const REFUSED_OPTIONAL = ['field', 'agreementVersion', 'retryAfterSeconds'];
/** NETWORK_ERROR is the mini-program's own code for an unreachable function; ERROR_CODES leaves it out. */
const FUNCTION_ERROR_CODES = ERROR_CODES;
const FIELD_OF: Partial<Record<ErrorCode, string>> = { INVALID_NAME: 'name', INVALID_ID_CARD: 'idCard', INVALID_MOBILE: 'mobile' };
const CHINESE = /[\u4e00-\u9fff]/;
const STACK = /\n\s+at |\bat .+:\d+:\d+\)?|Error: /;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;
const nonEmptyString = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

export interface ContractOptions {
  /** When given, CONSENT_REQUIRED must carry exactly this version. */
  agreementVersion?: string;
}

export function contractProblems(response: unknown, options: ContractOptions = {}): string[] {
  const problems: string[] = [];
  if (!isPlainObject(response)) return [`not a plain object: ${Object.prototype.toString.call(response)}`];
  let text: string;
  try {
    text = JSON.stringify(response);
  } catch (error) {
    return [`not JSON-serializable: ${(error as Error).name}`];
  }
  // What the caller receives is the JSON form: undefined values, functions and symbols would vanish.
  if (JSON.stringify(JSON.parse(text)) !== text || Object.values(response).some((value) => value === undefined)) {
    problems.push('does not survive a JSON round trip unchanged');
  }
  if (STACK.test(text)) problems.push('looks like it holds a stack trace or an error message');
  const keys = Object.keys(response);

  if (response.ok === true) {
    const extra = keys.filter((key) => !COMPLETED_KEYS.includes(key));
    const missing = COMPLETED_KEYS.filter((key) => !keys.includes(key));
    if (extra.length) problems.push(`unexpected keys ${extra.join(',')}`);
    if (missing.length) problems.push(`missing keys ${missing.join(',')}`);
    const { code, verified, message, carrier, masked, traceId, cached, provider } = response;
    if (typeof code !== 'string' || !(VENDOR_STATUS_CODES as string[]).includes(code)) problems.push(`code ${String(code)} is not a vendor status`);
    if (typeof verified !== 'boolean') problems.push('verified is not a boolean');
    else if (verified !== (code === '01')) problems.push(`verified is ${verified} for code ${String(code)}`);
    if (!nonEmptyString(message) || !CHINESE.test(message)) problems.push('message is not non-empty Chinese text');
    if (typeof carrier !== 'string') problems.push('carrier is not a string');
    if (!isPlainObject(masked)) problems.push('masked is not an object');
    else {
      const maskedKeys = Object.keys(masked).sort().join(',');
      if (maskedKeys !== 'idCard,mobile,name') problems.push(`masked has keys ${maskedKeys}`);
      for (const key of ['name', 'idCard', 'mobile']) {
        const value = masked[key];
        if (typeof value !== 'string' || !value.includes('*')) problems.push(`masked.${key} is not a masked string`);
      }
    }
    if (!nonEmptyString(traceId)) problems.push('traceId is not a non-empty string');
    if (typeof cached !== 'boolean') problems.push('cached is not a boolean');
    if (!PROVIDERS.includes(provider as string)) problems.push(`provider ${String(provider)} is not a known provider`);
    return problems;
  }

  if (response.ok !== false) return [...problems, `ok is ${String(response.ok)}`];
  const extra = keys.filter((key) => !REFUSED_REQUIRED.includes(key) && !REFUSED_OPTIONAL.includes(key));
  const missing = REFUSED_REQUIRED.filter((key) => !keys.includes(key));
  if (extra.length) problems.push(`unexpected keys ${extra.join(',')}`);
  if (missing.length) problems.push(`missing keys ${missing.join(',')}`);
  const { code, message, traceId } = response;
  if (typeof code !== 'string' || !(FUNCTION_ERROR_CODES as string[]).includes(code)) {
    problems.push(`code ${String(code)} is not a function error code`);
    return problems;
  }
  if (!nonEmptyString(message) || !CHINESE.test(message)) problems.push('message is not non-empty Chinese text');
  if (!nonEmptyString(traceId)) problems.push('traceId is not a non-empty string');

  const field = FIELD_OF[code as ErrorCode];
  if (field !== undefined) {
    if (response.field !== field) problems.push(`${code} must carry field "${field}", has ${JSON.stringify(response.field)}`);
  } else if ('field' in response) problems.push(`field on ${code}`);

  if (code === 'CONSENT_REQUIRED') {
    const version = response.agreementVersion;
    if (!nonEmptyString(version)) problems.push('CONSENT_REQUIRED without agreementVersion');
    else if (options.agreementVersion !== undefined && version !== options.agreementVersion) problems.push(`agreementVersion ${version} is not the current one`);
  } else if ('agreementVersion' in response) problems.push(`agreementVersion on ${code}`);

  if (code === 'RATE_LIMITED') {
    const seconds = response.retryAfterSeconds;
    if (typeof seconds !== 'number' || !Number.isInteger(seconds) || seconds < 1) problems.push(`retryAfterSeconds ${String(seconds)} is not a positive whole number`);
  } else if ('retryAfterSeconds' in response) problems.push(`retryAfterSeconds on ${code}`);
  return problems;
}

/** True when the response has exactly the shape docs/contract.md gives it. */
export const fitsContract = (response: unknown, options: ContractOptions = {}): boolean =>
  contractProblems(response, options).length === 0;
