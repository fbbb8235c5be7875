import { DEFAULT_PROVIDERS, isProviderId, PROVIDER_IDS, type PhoneSource, type ProviderId } from '../../../src/domain';
import { operatorSettings } from '../../../src/operator/settings';
import type { GuardSettings } from './policy';

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
  /** Consents, verifications, claims and daily aggregates older than this are deleted by the hourly timer trigger. */
  retentionDays: number;
  /** OPENIDs allowed to read `stats`. */
  adminOpenids: ReadonlySet<string>;
  /** How long a `01` counts for `status`. */
  verifiedDays: number;
  /** Whether the mobile is typed into the form or proven by WeChat's phone number component. */
  phoneSource: PhoneSource;
  /** Data providers in order of preference (docs/providers.md). */
  providers: readonly ProviderId[];
  tencent: { secretId: string | undefined; secretKey: string | undefined; endpoint: string };
  /** Price of one billed call per provider, in fen (0.01 yuan), for the console's spend. */
  pricesFen: Partial<Record<ProviderId, number>>;
}

export const DEFAULT_ENDPOINT = 'https://phonethird.market.alicloudapi.com/mobileCheck';
const DEFAULT_TENCENT_ENDPOINT = 'https://faceid.tencentcloudapi.com';
export const DEFAULT_TIMEOUT_MS = 2500;
const MAX_RESPONSE_BYTES = 16 * 1024;

// A person checks themself once, maybe retries after fixing a typo, maybe tries a second number:
// 10 calls a day covers honest use while capping what one WeChat account can spend at 10 paid calls.
const DEFAULT_CALLER_DAILY_LIMIT = 10;
// One caller re-checking one number: 3 covers fixing typos, and stays below the vendor's own
// 24-hour cap, which surfaces as its 203.
const DEFAULT_MOBILE_DAILY_LIMIT = 3;
// A person verifies themself (and maybe a family member); an account trying many ID numbers is
// using the function to look other people up.
const DEFAULT_CALLER_IDENTITY_LIMIT = 2;
// Honest use is a handful of requests; the cap bounds what a script can cost in database writes.
const DEFAULT_REQUEST_DAILY_LIMIT = 100;
export const DEFAULT_VERIFIED_DAYS = 365;
/** A shorter HMAC key could be guessed; hashes of 11-digit mobiles are only as safe as the key. */
const MIN_HASH_SECRET_LENGTH = 32;
// Registration data rarely changes within a day; reusing a final answer for 24 h makes double
// submits and page reloads free, while a next-day re-check still reaches the operator.
const DEFAULT_CACHE_SECONDS = 86_400;
/** Upper bound of the per-mobile limit: vendors cap far lower. */
const MAX_MOBILE_DAILY_LIMIT = 20;

type Env = Record<string, string | undefined>;

/** Every MOBILECHECK_* name the function and `npm start` read; any other is a misspelling. */
const KNOWN_SETTINGS: readonly string[] = [
  'MOBILECHECK_HASH_SECRET', 'MOBILECHECK_ENDPOINT', 'MOBILECHECK_TIMEOUT_MS', 'MOBILECHECK_CALLER_DAILY_LIMIT',
  'MOBILECHECK_MOBILE_DAILY_LIMIT', 'MOBILECHECK_CALLER_IDENTITY_LIMIT', 'MOBILECHECK_REQUEST_DAILY_LIMIT',
  'MOBILECHECK_DAILY_BUDGET', 'MOBILECHECK_ADMIN_OPENIDS', 'MOBILECHECK_SIGNING_KEY', 'MOBILECHECK_SIGNING_KEY_ID',
  'MOBILECHECK_TOKEN_TTL_SECONDS', 'MOBILECHECK_TOKEN_ISSUER', 'MOBILECHECK_PHONE_SOURCE', 'MOBILECHECK_VERIFIED_DAYS',
  'MOBILECHECK_CACHE_SECONDS', 'MOBILECHECK_QUOTA_TOTAL', 'MOBILECHECK_RETENTION_DAYS', 'MOBILECHECK_DATA_DIR',
  'MOBILECHECK_PROVIDERS', 'MOBILECHECK_TENCENT_SECRET_ID', 'MOBILECHECK_TENCENT_SECRET_KEY', 'MOBILECHECK_TENCENT_ENDPOINT',
  'MOBILECHECK_ALIYUN_PRICE_FEN', 'MOBILECHECK_TENCENT_PRICE_FEN',
];

/** MOBILECHECK_* names set in `env` that nothing reads: misspellings, whose values would be silently ignored. */
export const unknownSettings = (env: Env): string[] =>
  Object.keys(env).filter((name) => name.startsWith('MOBILECHECK_') && !KNOWN_SETTINGS.includes(name)).sort();

/** Plain decimal digits only: `0x10`, `1e3`, `0b11`, `12abc` and `1.5` are not numbers here. */
export function decimalNumber(raw: string): number | undefined {
  return /^[0-9]{1,15}$/.test(raw) ? Number(raw) : undefined;
}

function intSetting(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = decimalNumber(raw);
  if (value === undefined || value < min || value > max) {
    throw new Error(`${name} must be a whole number from ${min} to ${max}, in plain decimal digits`);
  }
  return value;
}

function optionalIntSetting(env: Env, name: string, min: number, max: number): number | undefined {
  return env[name]?.trim() ? intSetting(env, name, 0, min, max) : undefined;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Credentials and personal data travel in these requests: HTTPS only, plain HTTP only to this machine. */
function endpointSetting(value: string, name = 'MOBILECHECK_ENDPOINT'): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${name} must be a URL`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname))) {
    throw new Error(`${name} must be an https:// URL`);
  }
  return value;
}

/** Known ids, each once, at least one. */
function providersSetting(value: string | undefined): readonly ProviderId[] {
  if (!value?.trim()) return DEFAULT_PROVIDERS;
  const ids = value.split(',').map((item) => item.trim());
  if (!ids.every(isProviderId) || new Set(ids).size !== ids.length) {
    throw new Error(`MOBILECHECK_PROVIDERS must list, comma-separated and each once, some of: ${PROVIDER_IDS.join(', ')}`);
  }
  return ids;
}

/**
 * Fewer distinct characters than this is not random (32 × "a", "changeme" repeated). Not 16: 32 hex
 * characters (openssl rand -hex 16) show all 16 digits only 7 % of the time; 10 refuses 1 in 9,000.
 */
const MIN_HASH_SECRET_DISTINCT = 10;

/** The HMAC key on its own: the person's rights actions need only it and the store. */
export function hashSecretSetting(value: string | undefined): string | undefined {
  if (!value) return undefined;
  if (value.length < MIN_HASH_SECRET_LENGTH || new Set(value).size < MIN_HASH_SECRET_DISTINCT) {
    throw new Error(`MOBILECHECK_HASH_SECRET must be at least ${MIN_HASH_SECRET_LENGTH} random characters with at least ${MIN_HASH_SECRET_DISTINCT} different ones (e.g. openssl rand -base64 32)`);
  }
  return value;
}

function phoneSourceSetting(value: string | undefined): PhoneSource {
  if (!value || value === 'typed') return 'typed';
  if (value === 'wechat') return 'wechat';
  throw new Error('MOBILECHECK_PHONE_SOURCE must be "typed" or "wechat"');
}

const OPENID = /^[A-Za-z0-9_-]{6,64}$/;

/** Comma-separated OPENIDs; any other shape (`;`, spaces, a full-width comma, JSON) is refused, never read as "no admin". */
function adminsSetting(value: string | undefined): ReadonlySet<string> {
  const items = (value ?? '').split(',').map((item) => item.trim()).filter(Boolean);
  if (!items.every((item) => OPENID.test(item))) {
    throw new Error('MOBILECHECK_ADMIN_OPENIDS must be OPENIDs (letters, digits, _ and -, 6 to 64 characters) separated by commas');
  }
  return new Set(items);
}

export function readSettings(env: Env): Settings {
  const appCode = env.ALIYUN_APPCODE?.trim();
  const hashSecret = hashSecretSetting(env.MOBILECHECK_HASH_SECRET?.trim());
  const retentionDays = intSetting(env, 'MOBILECHECK_RETENTION_DAYS', operatorSettings.retentionDays, 1, 3650);
  const cacheSeconds = intSetting(env, 'MOBILECHECK_CACHE_SECONDS', DEFAULT_CACHE_SECONDS, 0, 30 * 86_400);
  if (cacheSeconds > retentionDays * 86_400) {
    throw new Error('MOBILECHECK_CACHE_SECONDS must not exceed MOBILECHECK_RETENTION_DAYS: purged answers cannot be reused');
  }
  return {
    appCode: appCode ? appCode : undefined,
    endpoint: endpointSetting(env.MOBILECHECK_ENDPOINT?.trim() || DEFAULT_ENDPOINT),
    timeoutMs: intSetting(env, 'MOBILECHECK_TIMEOUT_MS', DEFAULT_TIMEOUT_MS, 100, 60_000),
    maxResponseBytes: MAX_RESPONSE_BYTES,
    hashSecret,
    guards: {
      callerDailyLimit: intSetting(env, 'MOBILECHECK_CALLER_DAILY_LIMIT', DEFAULT_CALLER_DAILY_LIMIT, 1, 10_000),
      mobileDailyLimit: intSetting(env, 'MOBILECHECK_MOBILE_DAILY_LIMIT', DEFAULT_MOBILE_DAILY_LIMIT, 1, MAX_MOBILE_DAILY_LIMIT),
      callerIdentityLimit: intSetting(env, 'MOBILECHECK_CALLER_IDENTITY_LIMIT', DEFAULT_CALLER_IDENTITY_LIMIT, 1, 10_000),
      requestDailyLimit: intSetting(env, 'MOBILECHECK_REQUEST_DAILY_LIMIT', DEFAULT_REQUEST_DAILY_LIMIT, 1, 1_000_000),
      // 0 is the operator's "stop spending": every check that would be billed answers BUDGET_EXHAUSTED.
      dailyBudget: optionalIntSetting(env, 'MOBILECHECK_DAILY_BUDGET', 0, 1_000_000_000),
      cacheSeconds,
      quotaTotal: optionalIntSetting(env, 'MOBILECHECK_QUOTA_TOTAL', 1, 1_000_000_000),
    },
    retentionDays,
    adminOpenids: adminsSetting(env.MOBILECHECK_ADMIN_OPENIDS),
    verifiedDays: intSetting(env, 'MOBILECHECK_VERIFIED_DAYS', DEFAULT_VERIFIED_DAYS, 1, 3650),
    phoneSource: phoneSourceSetting(env.MOBILECHECK_PHONE_SOURCE?.trim()),
    providers: providersSetting(env.MOBILECHECK_PROVIDERS),
    tencent: {
      secretId: env.MOBILECHECK_TENCENT_SECRET_ID?.trim() || undefined,
      secretKey: env.MOBILECHECK_TENCENT_SECRET_KEY?.trim() || undefined,
      endpoint: endpointSetting(env.MOBILECHECK_TENCENT_ENDPOINT?.trim() || DEFAULT_TENCENT_ENDPOINT, 'MOBILECHECK_TENCENT_ENDPOINT'),
    },
    pricesFen: {
      'aliyun-market': optionalIntSetting(env, 'MOBILECHECK_ALIYUN_PRICE_FEN', 0, 100_000),
      'tencent-faceid': optionalIntSetting(env, 'MOBILECHECK_TENCENT_PRICE_FEN', 0, 100_000),
    },
  };
}

/** The setting a listed provider still needs, if any: its checks cannot run without it. */
export function missingProviderSecret(settings: Pick<Settings, 'providers' | 'appCode' | 'tencent'>): string | undefined {
  for (const id of settings.providers) {
    if (id === 'aliyun-market' && !settings.appCode) return 'ALIYUN_APPCODE is not set';
    if (id === 'tencent-faceid' && !settings.tencent.secretId) return 'MOBILECHECK_TENCENT_SECRET_ID is not set';
    if (id === 'tencent-faceid' && !settings.tencent.secretKey) return 'MOBILECHECK_TENCENT_SECRET_KEY is not set';
  }
  return undefined;
}

/** The defaults, for code paths that must run even when a setting is unreadable. */
export const DEFAULT_GUARDS: GuardSettings = {
  callerDailyLimit: DEFAULT_CALLER_DAILY_LIMIT,
  mobileDailyLimit: DEFAULT_MOBILE_DAILY_LIMIT,
  callerIdentityLimit: DEFAULT_CALLER_IDENTITY_LIMIT,
  requestDailyLimit: DEFAULT_REQUEST_DAILY_LIMIT,
  dailyBudget: undefined,
  cacheSeconds: DEFAULT_CACHE_SECONDS,
  quotaTotal: undefined,
};
