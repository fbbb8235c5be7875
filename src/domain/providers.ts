// The data providers the function can ask, and what each one receives (the agreement names them).

export const PROVIDER_IDS = ['aliyun-market', 'tencent-faceid'] as const;
export type ProviderId = (typeof PROVIDER_IDS)[number];

export const isProviderId = (value: unknown): value is ProviderId => (PROVIDER_IDS as readonly unknown[]).includes(value);

/** What leaves the function for each provider: the three fields as typed, or their SHA-256 digests. */
export const PROVIDER_RECEIVES: Readonly<Record<ProviderId, 'plaintext' | 'digests'>> = {
  'aliyun-market': 'plaintext',
  'tencent-faceid': 'digests',
};

export const DEFAULT_PROVIDERS: readonly ProviderId[] = ['aliyun-market'];

/** Every list MOBILECHECK_PROVIDERS can name: each provider at most once, in any order. */
export function providerOrders(ids: readonly ProviderId[] = PROVIDER_IDS): ProviderId[][] {
  return ids.flatMap((first) => [[first], ...providerOrders(ids.filter((id) => id !== first)).map((rest) => [first, ...rest])]);
}

/** Short names shown next to a record (我的核验记录) and in the console. */
export const PROVIDER_LABELS: Readonly<Record<ProviderId, string>> = {
  'aliyun-market': '阿里云云市场',
  'tencent-faceid': '腾讯云人脸核身',
};
