// The suites that run once with each provider as primary start their stand-in through here.
import type { ProviderId } from '../../src/domain';
import { startSandboxTencent } from '../../local-host/sandboxTencent';
import { startSandboxVendor, type SandboxOptions, type SandboxVendor } from '../../local-host/sandboxVendor';

export const PRIMARIES: ProviderId[] = ['aliyun-market', 'tencent-faceid'];

export function startSandbox(provider: ProviderId, options: SandboxOptions = {}): Promise<SandboxVendor> {
  return provider === 'aliyun-market' ? startSandboxVendor(options) : startSandboxTencent(options);
}
