// `aliyun-market`: the seed's vendor (GET /mobileCheck on Aliyun's API market). It receives the
// three fields in plaintext in the query string; only an HTTP 200 with a status is billed.
import type { Provider } from '../../ports';
import { createVendorClient, type VendorClientOptions } from './client';
import { VendorError } from './VendorError';

export function aliyunMarketProvider(options: VendorClientOptions): Provider {
  const client = createVendorClient(options);
  return {
    id: 'aliyun-market',
    async ask(fields) {
      try {
        const answer = await client.check(fields);
        return { kind: 'status', status: answer.status, billing: 'billed', carrier: answer.carrier, providerTraceId: answer.vendorTraceId, httpStatus: answer.httpStatus };
      } catch (error) {
        if (!(error instanceof VendorError)) throw error;
        return { kind: 'refusal', code: error.code, billing: error.billing, ...(error.httpStatus !== undefined && { httpStatus: error.httpStatus }), detail: error.detail };
      }
    },
  };
}
