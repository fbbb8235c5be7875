// The suites that run once with each provider as primary start their stand-in through here.
import type { ProviderId } from '../../src/domain';
import { agreementVersion } from './people';
import { startSandboxTencent, type TencentSandboxOptions } from '../../local-host/sandboxTencent';
import { startSandboxVendor, type SandboxVendor } from '../../local-host/sandboxVendor';

export const PRIMARIES: ProviderId[] = ['aliyun-market', 'tencent-faceid'];

/** The setting that points each provider at its endpoint. */
export const ENDPOINT_SETTING: Record<ProviderId, string> = { 'aliyun-market': 'MOBILECHECK_ENDPOINT', 'tencent-faceid': 'MOBILECHECK_TENCENT_ENDPOINT' };

export function startSandbox(provider: ProviderId, options: TencentSandboxOptions = {}): Promise<SandboxVendor> {
  return provider === 'aliyun-market' ? startSandboxVendor(options) : startSandboxTencent(options);
}

/**
 * For suites about other things that run with any provider: the function takes the test's consent
 * version as current, whatever providers it names (test/domain/agreement.test.ts covers that part).
 */
export const SAME_AGREEMENT = { agreementVersion };
