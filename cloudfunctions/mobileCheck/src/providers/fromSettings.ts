import type { Settings } from '../settings';
import { missingProviderSecret } from '../settings';
import { aliyunMarketProvider } from './aliyunMarket';
import type { Provider } from '../ports';
import { tencentFaceidProvider } from './tencentFaceid';

/** The listed providers, in order; none when one of them lacks its secret (then checks answer SERVICE_MISCONFIGURED). */
export function providersFrom(settings: Settings): { providers: readonly Provider[]; missing?: string } {
  const missing = missingProviderSecret(settings);
  if (missing) return { providers: [], missing };
  const { timeoutMs, maxResponseBytes } = settings;
  return {
    providers: settings.providers.map((id) => id === 'aliyun-market'
      ? aliyunMarketProvider({ endpoint: settings.endpoint, appCode: settings.appCode ?? '', timeoutMs, maxResponseBytes })
      : tencentFaceidProvider({ ...settings.tencent, secretId: settings.tencent.secretId ?? '', secretKey: settings.tencent.secretKey ?? '', timeoutMs, maxResponseBytes })),
  };
}
