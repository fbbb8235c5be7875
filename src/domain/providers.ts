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
