// One HTTP exchange with a provider, shared by every provider folder: warm connections, a bound on
// the whole exchange, a cap on the body, and transport failures mapped to codes (never retried).
import http from 'node:http';
import https from 'node:https';
import axios, { AxiosError, type AxiosInstance, type Method } from 'axios';
import type { Billing, VendorErrorCode } from '../ports';

export interface RawResponse {
  httpStatus: number;
  /** Header names in lower case. */
  headers: Record<string, string | undefined>;
  body: string;
}

/** A provider call that failed below HTTP: what it means, and nothing of axios' error (it holds the URL and query). */
export interface TransportFailure {
  code: VendorErrorCode;
  billing: Billing;
  httpStatus?: number;
  detail: string;
}

export type Exchanged = { ok: true; response: RawResponse } | { ok: false; failure: TransportFailure };

export interface ExchangeRequest {
  method: Method;
  url: string;
  headers: Record<string, string>;
  params?: Record<string, string>;
  body?: string;
}

export interface ExchangeOptions {
  timeoutMs: number;
  maxResponseBytes: number;
  /** The HTTP status the provider bills when its body then grows too large. */
  billedStatus: number;
}

const TIMEOUT_CODES = new Set(['ECONNABORTED', 'ETIMEDOUT', 'ERR_CANCELED']);
// Failures before any byte of the request left this machine: the provider cannot have billed them.
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ERR_INVALID_URL', 'ERR_NOT_SUPPORT']);
// Pooled connections idle for longer may have been closed by the gateway, or frozen with the
// instance between calls; a request on one fails with a reset, so they are not reused.
const MAX_IDLE_MS = 4_000;

function transportFailure(error: unknown, billedStatus: number): TransportFailure {
  const code = error instanceof AxiosError ? error.code ?? '' : '';
  const errno = error instanceof AxiosError ? (error.cause as NodeJS.ErrnoException | undefined)?.code ?? code : '';
  if (TIMEOUT_CODES.has(code)) return { code: 'VENDOR_TIMEOUT', billing: 'unknown', detail: `no answer in time (${code})` };
  if (code === 'ERR_BAD_RESPONSE' && error instanceof AxiosError && /maxContentLength/.test(error.message)) {
    // The status arrived before the body grew too large.
    const httpStatus = (error.request as { res?: { statusCode?: number } } | undefined)?.res?.statusCode;
    if (httpStatus !== undefined && httpStatus >= 500) {
      return { code: 'VENDOR_UNAVAILABLE', httpStatus, billing: 'not-billed', detail: `HTTP ${httpStatus}, body too large` };
    }
    const billing = httpStatus === billedStatus ? 'billed' : httpStatus === undefined ? 'unknown' : 'not-billed';
    return { code: 'VENDOR_BAD_RESPONSE', ...(httpStatus !== undefined && { httpStatus }), billing, detail: 'response too large' };
  }
  const billing = NOT_SENT_CODES.has(code) || NOT_SENT_CODES.has(errno) ? 'not-billed' : 'unknown';
  return { code: 'VENDOR_UNAVAILABLE', billing, detail: `network ${errno || code || 'unknown'}` };
}

const freshAgents = () => ({
  httpAgent: new http.Agent({ keepAlive: true }),
  httpsAgent: new https.Agent({ keepAlive: true }),
});

export function createExchange(options: ExchangeOptions): (request: ExchangeRequest) => Promise<Exchanged> {
  const client: AxiosInstance = axios.create({
    timeout: options.timeoutMs,
    maxContentLength: options.maxResponseBytes,
    maxRedirects: 0,
    responseType: 'text',
    transformRequest: [(data: unknown) => data],
    transformResponse: [(data: unknown) => data],
    validateStatus: () => true,
  });
  // Warm connections keep TLS set-up out of back-to-back checks.
  let agents = freshAgents();
  let lastUsed = Date.now();
  let active = 0;

  return async (request) => {
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
    try {
      const response = await client.request<string>({
        method: request.method, url: request.url, headers: request.headers, params: request.params, data: request.body, signal: abort.signal, ...agents,
      });
      const headers: Record<string, string | undefined> = {};
      for (const [key, value] of Object.entries(response.headers)) if (typeof value === 'string') headers[key.toLowerCase()] = value;
      return { ok: true, response: { httpStatus: response.status, headers, body: String(response.data ?? '') } };
    } catch (error) {
      return { ok: false, failure: transportFailure(error, options.billedStatus) };
    } finally {
      clearTimeout(timer);
      active -= 1;
      lastUsed = Date.now();
    }
  };
}
