/** The function's settings, read once from environment variables set in the cloud console. */
export interface Settings {
  /** The vendor appCode; undefined means every check answers SERVICE_MISCONFIGURED. */
  appCode: string | undefined;
  endpoint: string;
  /** Must stay below the function's own timeout (3 s by default in the cloud console). */
  timeoutMs: number;
  /** Responses larger than this are not read: the vendor's answer is well under 1 KB. */
  maxResponseBytes: number;
}

export const DEFAULT_ENDPOINT = 'https://phonethird.market.alicloudapi.com/mobileCheck';
export const DEFAULT_TIMEOUT_MS = 2500;
export const MAX_RESPONSE_BYTES = 16 * 1024;

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

export function readSettings(env: Env): Settings {
  const appCode = env.ALIYUN_APPCODE?.trim();
  return {
    appCode: appCode ? appCode : undefined,
    endpoint: env.MOBILECHECK_ENDPOINT?.trim() || DEFAULT_ENDPOINT,
    timeoutMs: intSetting(env, 'MOBILECHECK_TIMEOUT_MS', DEFAULT_TIMEOUT_MS, 100, 60_000),
    maxResponseBytes: MAX_RESPONSE_BYTES,
  };
}
