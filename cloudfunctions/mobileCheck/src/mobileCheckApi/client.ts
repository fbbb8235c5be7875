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
// Failures before any byte of the request left this machine: the vendor cannot have billed them.
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ERR_INVALID_URL', 'ERR_NOT_SUPPORT']);
// Pooled connections idle for longer may have been closed by the gateway, or frozen with the
// instance between calls; a request on one fails with a reset, so they are not reused.
const MAX_IDLE_MS = 4_000;

/** Maps a transport failure to a code, keeping nothing of axios' error (it holds the URL and query). */
function transportError(error: unknown): VendorError {
  const code = error instanceof AxiosError ? error.code ?? '' : '';
  const errno = error instanceof AxiosError ? (error.cause as NodeJS.ErrnoException | undefined)?.code ?? code : '';
  if (TIMEOUT_CODES.has(code)) {
    return new VendorError('VENDOR_TIMEOUT', { billing: 'unknown', detail: `no answer in time (${code})` });
  }
  if (code === 'ERR_BAD_RESPONSE' && error instanceof AxiosError && /maxContentLength/.test(error.message)) {
    // The status arrived before the body grew too large: only a 200 is billed; a gateway's large
    // error page (5xx HTML) is the vendor being unavailable.
    const httpStatus = (error.request as { res?: { statusCode?: number } } | undefined)?.res?.statusCode;
    if (httpStatus !== undefined && httpStatus >= 500) {
      return new VendorError('VENDOR_UNAVAILABLE', { httpStatus, billing: 'not-billed', detail: `HTTP ${httpStatus}, body too large` });
    }
    return new VendorError('VENDOR_BAD_RESPONSE', { ...(httpStatus !== undefined && { httpStatus }), billing: httpStatus === 200 ? 'billed' : httpStatus === undefined ? 'unknown' : 'not-billed', detail: 'response too large' });
  }
  const billing = NOT_SENT_CODES.has(code) || NOT_SENT_CODES.has(errno) ? 'not-billed' : 'unknown';
  return new VendorError('VENDOR_UNAVAILABLE', { billing, detail: `network ${errno || code || 'unknown'}` });
}

const freshAgents = () => ({
  httpAgent: new http.Agent({ keepAlive: true }),
  httpsAgent: new https.Agent({ keepAlive: true }),
});

export function createVendorClient(options: VendorClientOptions): VendorClient {
  const client: AxiosInstance = axios.create({
    timeout: options.timeoutMs,
    maxContentLength: options.maxResponseBytes,
    maxRedirects: 0,
    responseType: 'text',
    transformResponse: [(data: unknown) => data],
    validateStatus: () => true,
    headers: { Authorization: `APPCODE ${options.appCode}`, Accept: 'application/json' },
  });
  // Warm connections keep TLS set-up out of back-to-back checks.
  let agents = freshAgents();
  let lastUsed = Date.now();
  let active = 0;

  return {
    async check({ name, idCard, mobile }) {
      // Only when nothing is in flight: destroying an agent ends its sockets.
      if (active === 0 && Date.now() - lastUsed > MAX_IDLE_MS) {
        agents.httpAgent.destroy();
        agents.httpsAgent.destroy();
        agents = freshAgents();
      }
      active += 1;
      // axios' own timeout only covers waiting for headers; this bounds the whole exchange.
      // (AbortSignal.timeout needs Node 16.14; the cloud offers 16.13.)
      const abort = new AbortController();
      const timer = setTimeout(() => abort.abort(), options.timeoutMs);
      let response;
      try {
        response = await client.get<string>(options.endpoint, { params: { idCard, mobile, name }, signal: abort.signal, ...agents });
      } catch (error) {
        throw transportError(error);
      } finally {
        clearTimeout(timer);
        active -= 1;
        lastUsed = Date.now();
      }
      const headers: Record<string, string | undefined> = {};
      for (const [key, value] of Object.entries(response.headers)) {
        if (typeof value === 'string') headers[key.toLowerCase()] = value;
      }
      return classifyResponse({ httpStatus: response.status, headers, body: String(response.data ?? '') });
    },
  };
}
