import http from 'node:http';
import https from 'node:https';
import axios, { AxiosError, type AxiosInstance } from 'axios';
import type { PersonFields } from '../../../../src/domain';
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

const TIMEOUT_CODES = new Set(['ECONNABORTED', 'ETIMEDOUT', 'ERR_CANCELED']);

/** Maps a transport failure to a code, keeping nothing of axios' error (it holds the URL and query). */
function transportError(error: unknown): VendorError {
  const code = error instanceof AxiosError ? error.code ?? '' : '';
  if (TIMEOUT_CODES.has(code)) {
    return new VendorError('VENDOR_TIMEOUT', { billing: 'unknown', detail: `no answer in time (${code})` });
  }
  if (code === 'ERR_BAD_RESPONSE' && error instanceof AxiosError && /maxContentLength/.test(error.message)) {
    return new VendorError('VENDOR_BAD_RESPONSE', { billing: 'unknown', detail: 'response too large' });
  }
  const errno = error instanceof AxiosError ? (error.cause as NodeJS.ErrnoException | undefined)?.code ?? code : 'unknown';
  return new VendorError('VENDOR_UNAVAILABLE', { billing: 'unknown', detail: `network ${errno}` });
}

export function createVendorClient(options: VendorClientOptions): VendorClient {
  const client: AxiosInstance = axios.create({
    timeout: options.timeoutMs,
    maxContentLength: options.maxResponseBytes,
    maxRedirects: 0,
    responseType: 'text',
    transformResponse: [(data: unknown) => data],
    validateStatus: () => true,
    // Warm connections keep TLS set-up out of every check.
    httpAgent: new http.Agent({ keepAlive: true }),
    httpsAgent: new https.Agent({ keepAlive: true }),
    headers: { Authorization: `APPCODE ${options.appCode}`, Accept: 'application/json' },
  });

  return {
    async check({ name, idCard, mobile }) {
      let response;
      try {
        response = await client.get<string>(options.endpoint, {
          params: { idCard, mobile, name },
          // axios' own timeout only covers waiting for headers; this bounds the whole exchange.
          signal: AbortSignal.timeout(options.timeoutMs),
        });
      } catch (error) {
        throw transportError(error);
      }
      const headers: Record<string, string | undefined> = {};
      for (const [key, value] of Object.entries(response.headers)) {
        if (typeof value === 'string') headers[key.toLowerCase()] = value;
      }
      return classifyResponse({ httpStatus: response.status, headers, body: String(response.data ?? '') });
    },
  };
}

/** Stands in for the vendor when no appCode is set: refuses before any network traffic. */
export const unconfiguredVendor: VendorClient = {
  check: () =>
    Promise.reject(new VendorError('SERVICE_MISCONFIGURED', { billing: 'not-billed', detail: 'ALIYUN_APPCODE is not set' })),
};
