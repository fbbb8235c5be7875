// A stand-in for the vendor's `GET /mobileCheck`, speaking its documented contract over real HTTP on
// loopback. `npm start` uses it when no appCode is set; tests use its fault modes and its record.
import http from 'node:http';
import type { ProviderId } from '../src/domain';
import { closeServer, listen } from '../support/httpServer';

export type SandboxFault =
  | 'slow'
  | 'quotaExhausted'
  | 'throttled'
  | 'invalidAppCode'
  | 'serverError'
  | 'gatewayError'
  | 'htmlBody'
  | 'truncatedJson'
  | 'unknownStatus'
  | 'oversizedBody'
  | 'oversizedErrorPage'
  | 'connectionReset';

export const SANDBOX_FAULTS: SandboxFault[] = [
  'slow', 'quotaExhausted', 'throttled', 'invalidAppCode', 'serverError', 'gatewayError',
  'htmlBody', 'truncatedJson', 'unknownStatus', 'oversizedBody', 'oversizedErrorPage', 'connectionReset',
];

export interface ReceivedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: http.IncomingHttpHeaders;
  /** The request body as received (Tencent's JSON); empty for a GET. */
  body: string;
}

/** A loopback stand-in for one data provider (this file: aliyun-market; sandboxTencent.ts: tencent-faceid). */
export interface SandboxVendor {
  provider: ProviderId;
  /** Full endpoint URL, e.g. http://127.0.0.1:34567/mobileCheck. */
  endpoint: string;
  /** The function's settings that point this provider at the stand-in. */
  env: Record<string, string>;
  /**
   * Tells a stand-in that only receives digests which mobile a digest stands for, so it can answer
   * by the last digit as this one does; a no-op here (this vendor receives the plaintext).
   */
  learn(fields: { mobile?: unknown }): void;
  /** The credential the function must never reveal: the appCode, or Tencent's SecretKey. */
  appCode: string;
  /** Every request that reached the server, in order. */
  received: ReceivedRequest[];
  /** Requests answered with HTTP 200 and a status: what the real vendor would bill. */
  billed(): number;
  /** Applies to every following request until cleared with undefined. */
  setFault(fault: SandboxFault | undefined): void;
  close(): Promise<void>;
}

export interface SandboxOptions {
  appCode?: string;
  port?: number;
  /** Set on the first provider of `npm start`: a mobile ending in this digit finds it down (not billed), so the next one answers. */
  primaryDownDigit?: string;
  /** How long the `slow` fault waits before answering. */
  slowMs?: number;
  /** Added to every answer, to model the vendor's own latency. */
  latencyMs?: number;
}

/** The sandbox's rule, shared by every provider's stand-in: the mobile's last digit → the product status. */
export const STATUS_BY_LAST_DIGIT: Record<string, [string, string]> = {
  '1': ['02', '实名认证不通过'],
  '2': ['202', '无法验证'],
  '3': ['203', '异常情况'],
  '4': ['204', '姓名错误'],
  '5': ['205', '身份证号错误'],
  '6': ['206', '电话号码错误'],
  '7': ['207', '不支持当前号段'],
};

const CARRIER_PREFIXES: [RegExp, string][] = [
  [/^(13[4-9]|147|15[0-27-9]|178|18[2-478]|19[578])/, '移动'],
  [/^(13[0-2]|145|15[56]|166|17[56]|18[56]|196)/, '联通'],
  [/^(133|149|153|17[37]|18[019]|19[0139])/, '电信'],
  [/^192/, '广电'],
];

export const carrierOf = (mobile: string): string => CARRIER_PREFIXES.find(([re]) => re.test(mobile))?.[1] ?? '';
const vendorMask = (value: string): string => (value.length > 4 ? `${value.slice(0, 2)}*****${value.slice(-4)}` : '*');

function sandboxAnswer(query: Record<string, string>, seq: number): Record<string, string> {
  const mobile = query.mobile ?? '';
  const [status, msg] = STATUS_BY_LAST_DIGIT[mobile.slice(-1)] ?? ['01', '实名认证通过'];
  return {
    status,
    msg,
    idCard: vendorMask(query.idCard ?? ''),
    mobile: vendorMask(mobile),
    mobileType: status === '01' ? carrierOf(mobile) : '',
    name: query.name ? `${[...query.name][0]}*` : '',
    traceId: `sandbox_${Date.now()}_${seq}`,
  };
}

function gateway(res: http.ServerResponse, status: number, code: string, message: string): void {
  res.writeHead(status, {
    'Content-Type': 'text/plain',
    'X-Ca-Error-Code': code,
    'X-Ca-Error-Message': message,
    'X-Ca-Request-Id': `sandbox-${Date.now()}`,
  });
  res.end();
}

const json = (res: http.ServerResponse, body: string): void => {
  res.writeHead(200, { 'Content-Type': 'application/json; charset=UTF-8' });
  res.end(body);
};

export async function startSandboxVendor(options: SandboxOptions = {}): Promise<SandboxVendor> {
  const appCode = options.appCode ?? 'sandbox-appcode';
  const received: ReceivedRequest[] = [];
  let fault: SandboxFault | undefined;
  let billed = 0;
  const timers = new Set<NodeJS.Timeout>();
  const later = (ms: number, fn: () => void) => {
    const timer = setTimeout(() => { timers.delete(timer); fn(); }, ms);
    timers.add(timer);
  };

  function answer(req: http.IncomingMessage, res: http.ServerResponse, query: Record<string, string>): void {
    if (req.headers.authorization !== `APPCODE ${appCode}`) return gateway(res, 400, 'A400IA', 'Invalid AppCode');
    if (!query.idCard || !query.mobile || !query.name) return gateway(res, 400, 'A400MP', 'Invalid Param Location');
    if (options.primaryDownDigit !== undefined && query.mobile.endsWith(options.primaryDownDigit)) return gateway(res, 503, 'X503SU', 'Service Unavailable');
    switch (fault) {
      case 'slow':
      case undefined:
        break;
      case 'quotaExhausted': return gateway(res, 403, 'A403QE', 'Quota Exhausted');
      case 'throttled': return gateway(res, 403, 'A403PR', 'Throttled by APP Flow Control');
      case 'invalidAppCode': return gateway(res, 400, 'A400IA', 'Invalid AppCode');
      case 'gatewayError': return gateway(res, 502, 'X502BG', 'Backend service error');
      case 'serverError':
        res.writeHead(500, { 'Content-Type': 'text/plain' });
        res.end('Internal Server Error');
        return;
      case 'htmlBody':
        billed += 1;
        res.writeHead(200, { 'Content-Type': 'text/html' });
        res.end('<html><body><h1>维护中</h1></body></html>');
        return;
      case 'truncatedJson': billed += 1; return json(res, '{"status":"01","msg":"实名认');
      case 'unknownStatus': billed += 1; return json(res, JSON.stringify({ ...sandboxAnswer(query, received.length), status: '09' }));
      case 'oversizedBody': billed += 1; return json(res, JSON.stringify({ ...sandboxAnswer(query, received.length), padding: 'x'.repeat(1 << 20) }));
      // A gateway's 40 KB HTML error page: larger than the client reads, and not billed (not a 200).
      case 'oversizedErrorPage':
        res.writeHead(502, { 'Content-Type': 'text/html; charset=utf-8' });
        res.end(`<html><body>${'<p>502 Bad Gateway</p>'.repeat(2_000)}</body></html>`);
        return;
      case 'connectionReset': req.socket.destroy(); return;
    }
    billed += 1;
    json(res, JSON.stringify(sandboxAnswer(query, received.length)));
  }

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://sandbox');
    const query = Object.fromEntries(url.searchParams);
    received.push({ method: req.method ?? '', path: url.pathname, query, headers: req.headers, body: '' });
    if (req.method !== 'GET' || url.pathname !== '/mobileCheck') return gateway(res, 404, 'A404AN', 'Api Not Found');
    const delay = (options.latencyMs ?? 0) + (fault === 'slow' ? options.slowMs ?? 10_000 : 0);
    if (delay > 0) later(delay, () => { if (!res.destroyed) answer(req, res, query); });
    else answer(req, res, query);
  });
  server.keepAliveTimeout = 5_000;
  const port = await listen(server, options.port ?? 0, '127.0.0.1');

  const endpoint = `http://127.0.0.1:${port}/mobileCheck`;
  return {
    provider: 'aliyun-market',
    endpoint,
    env: { ALIYUN_APPCODE: appCode, MOBILECHECK_ENDPOINT: endpoint },
    learn: () => undefined,
    appCode,
    received,
    billed: () => billed,
    setFault: (next) => { fault = next; },
    close: () => {
      timers.forEach(clearTimeout);
      return closeServer(server);
    },
  };
}
