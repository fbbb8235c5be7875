/** The function's settings, read once from environment variables set in the cloud console. */
export interface Settings {
  /** The vendor appCode; undefined means every check answers SERVICE_MISCONFIGURED. */
  appCode: string | undefined;
  endpoint: string;
  /** Must stay below the function's own timeout (3 s by default in the cloud console). */
  timeoutMs: number;
  /** Responses larger than this are not read: the vendor's answer is well under 1 KB. */
  maxResponseBytes: number;
  /** Key for the HMACs stored instead of personal data; undefined means checks cannot be recorded. */
  hashSecret: string | undefined;
  guards: GuardSettings;
  /** Consents and verifications older than this are deleted by the daily timer trigger. */
  retentionDays: number;
}

/** Cost guards: limits, the answer cache and the bought quota. */
export interface GuardSettings {
  /** Vendor calls one caller may cause per Beijing calendar day (00:00–24:00 UTC+8). */
  callerDailyLimit: number;
  /** Vendor calls for one mobile number in any rolling 24 hours, across all callers. */
  mobileDailyLimit: number;
  /** How long a final answer for the same caller and the same three fields is reused; 0 turns reuse off. */
  cacheSeconds: number;
  /** Calls bought from the vendor; undefined means no quota warning. */
  quotaTotal: number | undefined;
}

export const DEFAULT_ENDPOINT = 'https://phonethird.market.alicloudapi.com/mobileCheck';
export const DEFAULT_TIMEOUT_MS = 2500;
export const MAX_RESPONSE_BYTES = 16 * 1024;

// A person checks themself once, maybe retries after fixing a typo, maybe tries a second number:
// 10 calls a day covers honest use while capping what one WeChat account can spend at 10 paid calls.
export const DEFAULT_CALLER_DAILY_LIMIT = 10;
// Vendors answer 203 ("同一号码24小时内核验次数已达上限") once a number is checked too often in 24 h;
// 3 stays well below such thresholds and is plenty for one number's honest re-checks.
export const DEFAULT_MOBILE_DAILY_LIMIT = 3;
// Registration data rarely changes within a day; reusing a final answer for 24 h makes double
// submits and page reloads free, while a next-day re-check still reaches the operator.
export const DEFAULT_CACHE_SECONDS = 86_400;
// Long enough for a monthly billing reconciliation and a complaint about a recent check; short
// enough to keep stored (hashed) personal data minimal (PIPL art. 19).
export const DEFAULT_RETENTION_DAYS = 30;
/** Upper bound of the per-mobile limit: one stored slot per allowed call, and vendors cap far lower. */
export const MAX_MOBILE_DAILY_LIMIT = 20;

type Env = Record<string, string | undefined>;

function intSetting(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be a whole number from ${min} to ${max}`);
  }
  return value;
}

function optionalIntSetting(env: Env, name: string, min: number, max: number): number | undefined {
  return env[name]?.trim() ? intSetting(env, name, 0, min, max) : undefined;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** The appCode and an ID number travel in this request: HTTPS only, plain HTTP only to this machine. */
function endpointSetting(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error('MOBILECHECK_ENDPOINT must be a URL');
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname))) {
    throw new Error('MOBILECHECK_ENDPOINT must be an https:// URL');
  }
  return value;
}

export function readSettings(env: Env): Settings {
  const appCode = env.ALIYUN_APPCODE?.trim();
  const hashSecret = env.MOBILECHECK_HASH_SECRET?.trim();
  const retentionDays = intSetting(env, 'MOBILECHECK_RETENTION_DAYS', DEFAULT_RETENTION_DAYS, 1, 3650);
  const cacheSeconds = intSetting(env, 'MOBILECHECK_CACHE_SECONDS', DEFAULT_CACHE_SECONDS, 0, 30 * 86_400);
  if (cacheSeconds > retentionDays * 86_400) {
    throw new Error('MOBILECHECK_CACHE_SECONDS must not exceed MOBILECHECK_RETENTION_DAYS: purged answers cannot be reused');
  }
  return {
    appCode: appCode ? appCode : undefined,
    endpoint: endpointSetting(env.MOBILECHECK_ENDPOINT?.trim() || DEFAULT_ENDPOINT),
    timeoutMs: intSetting(env, 'MOBILECHECK_TIMEOUT_MS', DEFAULT_TIMEOUT_MS, 100, 60_000),
    maxResponseBytes: MAX_RESPONSE_BYTES,
    hashSecret: hashSecret ? hashSecret : undefined,
    guards: {
      callerDailyLimit: intSetting(env, 'MOBILECHECK_CALLER_DAILY_LIMIT', DEFAULT_CALLER_DAILY_LIMIT, 1, 10_000),
      mobileDailyLimit: intSetting(env, 'MOBILECHECK_MOBILE_DAILY_LIMIT', DEFAULT_MOBILE_DAILY_LIMIT, 1, MAX_MOBILE_DAILY_LIMIT),
      cacheSeconds,
      quotaTotal: optionalIntSetting(env, 'MOBILECHECK_QUOTA_TOTAL', 1, 1_000_000_000),
    },
    retentionDays,
  };
}

/** The defaults, for code paths that must run even when a setting is unreadable. */
export const DEFAULT_GUARDS: GuardSettings = {
  callerDailyLimit: DEFAULT_CALLER_DAILY_LIMIT,
  mobileDailyLimit: DEFAULT_MOBILE_DAILY_LIMIT,
  cacheSeconds: DEFAULT_CACHE_SECONDS,
  quotaTotal: undefined,
};
