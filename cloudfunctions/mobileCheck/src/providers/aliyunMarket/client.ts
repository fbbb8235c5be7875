import type { PersonFields } from '../../../../../src/domain';
import { createExchange } from '../httpExchange';
import { classifyResponse, type VendorAnswer } from './classifyResponse';
import { VendorError } from './VendorError';

/** The paid check. One call, never retried: any call that reached the vendor may have been billed. */
export interface VendorClient {
  check(fields: PersonFields): Promise<VendorAnswer>;
}

export interface VendorClientOptions {
  endpoint: string;
  appCode: string;
  timeoutMs: number;
  maxResponseBytes: number;
}

export function createVendorClient(options: VendorClientOptions): VendorClient {
  // Aliyun's market bills an HTTP 200 with a status, nothing else.
  const exchange = createExchange({ ...options, billedStatus: 200 });
  const headers = { Authorization: `APPCODE ${options.appCode}`, Accept: 'application/json' };
  return {
    async check({ name, idCard, mobile }) {
      const exchanged = await exchange({ method: 'GET', url: options.endpoint, headers, params: { idCard, mobile, name } });
      if (!exchanged.ok) throw new VendorError(exchanged.failure.code, exchanged.failure);
      return classifyResponse(exchanged.response);
    },
  };
}
