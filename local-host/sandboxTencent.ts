// A stand-in for Tencent Cloud FaceID's EncryptedPhoneVerification (API 3.0, document 1007/55050)
// over real HTTP on loopback. It checks what the real service checks (the TC3-HMAC-SHA256
// signature, recomputed here from the documented steps; the action, version and timestamp) and
// what this product promises (EncryptionMode "2": three lowercase SHA-256 hex digests, never a
// plaintext), and answers each documented Result. It only ever sees digests: `learn` tells it
// which mobile a digest stands for, so it answers by the same last-digit rule as the other stand-in.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import { normalizeIdCard, normalizeMobile, normalizeName } from '../src/domain';
import { closeServer, listen } from '../support/httpServer';
import { carrierOf, STATUS_BY_LAST_DIGIT, type ReceivedRequest, type SandboxFault, type SandboxOptions, type SandboxVendor } from './sandboxVendor';

/** Product status → Tencent's Result. Tencent has no 203, 204, 206 or 207: those digits answer the nearest Result. */
const RESULT_OF_STATUS: Record<string, string> = { '01': '0', '02': '-4', '202': '-9', '203': '-9', '204': '-4', '205': '-7', '206': '-4', '207': '-9' };
const DESCRIPTIONS: Record<string, string> = {
  '0': '认证通过', '-4': '信息验证不一致', '-7': '身份证号码有误', '-8': '参数错误', '-9': '没有记录', '-11': '验证中心服务繁忙',
};
const BILLED_RESULTS = new Set(['0', '-4']);
const DIGEST = /^[0-9a-f]{64}$/;
/** Tencent refuses a signature whose timestamp is further than this from its clock. */
const MAX_SKEW_S = 300;

export interface TencentSandbox extends SandboxVendor {
  /** Every byte each request carried (request line, headers, body), for the plaintext scan. */
  rawRequests: Buffer[];
  /** Requests whose digests did not match the normalised values `learn` was told. */
  digestMismatches(): number;
  /** Requests refused for their signature. */
  signatureFailures(): number;
}

export interface TencentSandboxOptions extends SandboxOptions {
  secretId?: string;
  secretKey?: string;
}

const hex = (text: string | Buffer): string => createHash('sha256').update(text).digest('hex');
const mac = (key: string | Buffer, text: string): Buffer => createHmac('sha256', key).update(text).digest();

/**
 * The documented verification: rebuild the canonical request from the headers the client says it
 * signed, derive the key from the date and the service named in the credential scope, compare.
 */
function signatureProblem(req: http.IncomingMessage, body: string, secretId: string, secretKey: string, nowS: number): string | undefined {
  const match = /^TC3-HMAC-SHA256 Credential=([^/]+)\/(\d{4}-\d{2}-\d{2})\/([\w-]+)\/tc3_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/
    .exec(req.headers.authorization ?? '');
  if (!match) return 'AuthFailure.InvalidAuthorization';
  const [, id, date, service, signedHeaders, signature] = match;
  if (id !== secretId) return 'AuthFailure.SecretIdNotFound';
  const timestamp = Number(req.headers['x-tc-timestamp']);
  if (!Number.isInteger(timestamp) || Math.abs(nowS - timestamp) > MAX_SKEW_S) return 'AuthFailure.SignatureExpire';
  if (new Date(timestamp * 1000).toISOString().slice(0, 10) !== date) return 'AuthFailure.SignatureFailure';
  const names = signedHeaders.split(';');
  if (!names.includes('content-type') || !names.includes('host')) return 'AuthFailure.SignatureFailure';
  // The host is signed without its port (what the official SDK does, and what a client on 443 sends).
  const headerValue = (name: string) => (name === 'host' ? (req.headers.host ?? '').replace(/:\d+$/, '') : String(req.headers[name] ?? '')).trim().toLowerCase();
  const canonical = `${req.method}\n${new URL(req.url ?? '/', 'http://x').pathname}\n\n${names.map((name) => `${name}:${headerValue(name)}\n`).join('')}\n${signedHeaders}\n${hex(body)}`;
  const toSign = `TC3-HMAC-SHA256\n${timestamp}\n${date}/${service}/tc3_request\n${hex(canonical)}`;
  const key = mac(mac(mac(`TC3${secretKey}`, date), service), 'tc3_request');
  const expected = createHmac('sha256', key).update(toSign).digest();
  return timingSafeEqual(expected, Buffer.from(signature, 'hex')) ? undefined : 'AuthFailure.SignatureFailure';
}

export async function startSandboxTencent(options: TencentSandboxOptions = {}): Promise<TencentSandbox> {
  const secretId = options.secretId ?? 'AKIDsandbox0tencent0secret0id00000';
  const secretKey = options.secretKey ?? 'sandbox0tencent0secret0key0000000';
  const received: ReceivedRequest[] = [];
  const rawRequests: Buffer[] = [];
  // Digest of a normalised mobile → the normalised fields it was learned with.
  const learned = new Map<string, { mobile: string; name: string; idCard: string }>();
  let fault: SandboxFault | undefined;
  let billed = 0;
  let mismatches = 0;
  let signatureFailures = 0;
  const timers = new Set<NodeJS.Timeout>();

  const send = (res: http.ServerResponse, status: number, body: string, type = 'application/json'): void => {
    res.writeHead(status, { 'Content-Type': type });
    res.end(body);
  };
  const requestId = () => `sandbox-${Date.now().toString(16)}-${received.length}`;
  const error = (res: http.ServerResponse, code: string) =>
    send(res, 200, JSON.stringify({ Response: { Error: { Code: code, Message: code }, RequestId: requestId() } }));
  const result = (res: http.ServerResponse, value: string, mobile = '') => {
    if (BILLED_RESULTS.has(value)) billed += 1;
    send(res, 200, JSON.stringify({ Response: { Result: value, Description: DESCRIPTIONS[value] ?? '', ISP: value === '0' ? carrierOf(mobile) : '', RequestId: requestId() } }));
  };

  function answer(req: http.IncomingMessage, res: http.ServerResponse, body: string): void {
    const problem = signatureProblem(req, body, secretId, secretKey, Math.floor(Date.now() / 1000));
    if (problem) {
      if (problem === 'AuthFailure.SignatureFailure') signatureFailures += 1;
      return error(res, problem);
    }
    if (req.headers['x-tc-action'] !== 'EncryptedPhoneVerification') return error(res, 'InvalidAction');
    if (req.headers['x-tc-version'] !== '2018-03-01') return error(res, 'NoSuchVersion');
    let params: Record<string, unknown>;
    try {
      params = JSON.parse(body) as Record<string, unknown>;
    } catch {
      return error(res, 'InvalidParameter');
    }
    const { IdCard, Name, Phone, EncryptionMode } = params;
    if (EncryptionMode !== '2') return error(res, 'InvalidParameterValue');
    if (![IdCard, Name, Phone].every((value) => typeof value === 'string' && DIGEST.test(value))) return result(res, '-8');
    const person = learned.get(Phone as string);
    if (person && (hex(person.name) !== Name || hex(person.idCard) !== IdCard)) {
      // A digest of anything but the normalised value would not match the carrier's record.
      mismatches += 1;
      return result(res, '-4');
    }
    const mobile = person?.mobile ?? '';
    if (options.primaryDownDigit !== undefined && mobile.endsWith(options.primaryDownDigit)) return result(res, '-11');
    switch (fault) {
      case 'slow':
      case undefined:
        break;
      case 'quotaExhausted': return error(res, 'UnauthorizedOperation.Arrears');
      case 'throttled': return error(res, 'RequestLimitExceeded');
      case 'invalidAppCode': return error(res, 'AuthFailure.SecretIdNotFound');
      case 'gatewayError': return result(res, '-11');
      case 'serverError': return send(res, 500, 'Internal Server Error', 'text/plain');
      case 'htmlBody': return send(res, 200, '<html><body><h1>维护中</h1></body></html>', 'text/html');
      case 'truncatedJson': return send(res, 200, '{"Response":{"Result":"0","Descr');
      case 'unknownStatus': return send(res, 200, JSON.stringify({ Response: { Result: '9', RequestId: requestId() } }));
      case 'oversizedBody': return send(res, 200, JSON.stringify({ Response: { Result: '0', RequestId: requestId(), Padding: 'x'.repeat(1 << 20) } }));
      case 'oversizedErrorPage': return send(res, 502, `<html><body>${'<p>502 Bad Gateway</p>'.repeat(2_000)}</body></html>`, 'text/html');
      case 'connectionReset': req.socket.destroy(); return;
    }
    const [status] = STATUS_BY_LAST_DIGIT[mobile.slice(-1)] ?? ['01'];
    result(res, RESULT_OF_STATUS[status], mobile);
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const head = `${req.method} ${req.url} HTTP/${req.httpVersion}\r\n${req.rawHeaders.map((v, i) => (i % 2 ? `${v}\r\n` : `${v}: `)).join('')}\r\n`;
      rawRequests.push(Buffer.concat([Buffer.from(head, 'utf8'), ...chunks]));
      received.push({ method: req.method ?? '', path: req.url ?? '', query: {}, headers: req.headers, body });
      if (req.method !== 'POST' || req.url !== '/') return error(res, 'InvalidAction');
      const delay = (options.latencyMs ?? 0) + (fault === 'slow' ? options.slowMs ?? 10_000 : 0);
      if (delay === 0) return answer(req, res, body);
      const timer = setTimeout(() => { timers.delete(timer); if (!res.destroyed) answer(req, res, body); }, delay);
      timers.add(timer);
    });
  });
  server.keepAliveTimeout = 5_000;
  const port = await listen(server, options.port ?? 0, '127.0.0.1');
  const endpoint = `http://127.0.0.1:${port}`;

  return {
    provider: 'tencent-faceid',
    endpoint,
    env: { MOBILECHECK_TENCENT_SECRET_ID: secretId, MOBILECHECK_TENCENT_SECRET_KEY: secretKey, MOBILECHECK_TENCENT_ENDPOINT: endpoint },
    appCode: secretKey,
    learn(fields) {
      const typed = fields as Record<string, unknown>;
      if (typeof typed.mobile !== 'string' || typeof typed.name !== 'string' || typeof typed.idCard !== 'string') return;
      // Normalised as the product's form and function do (the ID number's x upper-case).
      const mobile = normalizeMobile(typed.mobile);
      const person = { mobile, name: normalizeName(typed.name), idCard: normalizeIdCard(typed.idCard) };
      if (learned.size >= 10_000) learned.clear();
      learned.set(hex(mobile), person);
    },
    received,
    rawRequests,
    billed: () => billed,
    digestMismatches: () => mismatches,
    signatureFailures: () => signatureFailures,
    setFault: (next) => { fault = next; },
    close: () => {
      timers.forEach(clearTimeout);
      return closeServer(server);
    },
  };
}
