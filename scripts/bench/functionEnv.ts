/** The function's settings for a bench run against a sandbox vendor (a hash key of the required 32+ characters). */
export const benchFunctionEnv = (sandbox: { appCode: string; endpoint: string; env?: Record<string, string> }, extra: Record<string, string> = {}): Record<string, string> => ({
  ...(sandbox.env ?? { ALIYUN_APPCODE: sandbox.appCode, MOBILECHECK_ENDPOINT: sandbox.endpoint }),
  MOBILECHECK_HASH_SECRET: 'bench-hash-secret-of-forty-two-0123456789',
  ...extra,
});
