// The local host behind `npm start`: the h5 build and the real mobileCheck handler on one origin.
import http from 'node:http';
import type { Handler } from '../cloudfunctions/mobileCheck/src/host';
import { H5_API_PREFIX, H5_FUNCTION_URL, H5_STATUS_URL, type VendorMode } from '../src/domain/endpoints';
import { closeServer, listen } from '../support/httpServer';
import { fromOwnOrigin, isJson, MAX_BODY_BYTES, ownAuthorities, parseEvent, readBody } from './requests';
import { serveStatic } from './staticFiles';

/** The caller when no `x-wx-openid` header is sent: one fixed development identity. */
export const DEV_OPENID = 'local-dev-openid';
export const DEFAULT_PORT = 10086;

export interface LocalHostOptions {
  handler: Handler;
  mode: VendorMode;
  staticDir: string;
  port?: number;
  host?: string;
}

export interface LocalHost {
  url: string;
  close(): Promise<void>;
}

/** Every answer of the host itself (not the function's) is `{ error, message }` with its HTTP status. */
const sendJson = (res: http.ServerResponse, status: number, body: unknown): void => {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), 'Cache-Control': 'no-store' });
  res.end(text);
};
const sendError = (res: http.ServerResponse, status: number, error: string, message: string): void =>
  sendJson(res, status, { error, message });

/** Refuses after reading (and dropping) any body, so the client receives the answer instead of a reset. */
function refuse(req: http.IncomingMessage, res: http.ServerResponse, status: number, error: string, message: string): void {
  readBody(req).then(() => sendError(res, status, error, message), () => undefined);
}

function callFunction(req: http.IncomingMessage, res: http.ServerResponse, handler: Handler): void {
  if (req.method !== 'POST') return refuse(req, res, 405, 'METHOD_NOT_ALLOWED', `${H5_FUNCTION_URL} takes POST only`);
  if (!isJson(req)) return refuse(req, res, 415, 'UNSUPPORTED_MEDIA_TYPE', 'Content-Type must be application/json');
  const header = req.headers['x-wx-openid'];
  const caller = typeof header === 'string' ? header.trim() || undefined : DEV_OPENID;
  readBody(req)
    .then(async (body) => {
      if (body === 'tooLarge') return sendError(res, 413, 'PAYLOAD_TOO_LARGE', `the body must be at most ${MAX_BODY_BYTES} bytes`);
      return sendJson(res, 200, await handler(parseEvent(body), caller));
    })
    .catch(() => sendError(res, 500, 'INTERNAL', 'the local host failed; see its console'));
}

export async function startLocalHost(options: LocalHostOptions): Promise<LocalHost> {
  const host = options.host ?? '127.0.0.1';
  let own = new Set<string>();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://local');
    if (!fromOwnOrigin(req, own)) return refuse(req, res, 403, 'FORBIDDEN_ORIGIN', 'requests must come from this host\'s own pages');
    if (url.pathname === H5_FUNCTION_URL) return callFunction(req, res, options.handler);
    const readOnly = req.method === 'GET' || req.method === 'HEAD';
    if (url.pathname === H5_STATUS_URL) {
      return readOnly ? sendJson(res, 200, { mode: options.mode }) : refuse(req, res, 405, 'METHOD_NOT_ALLOWED', `${H5_STATUS_URL} takes GET only`);
    }
    if (`${url.pathname}/`.startsWith(H5_API_PREFIX)) return refuse(req, res, 404, 'NOT_FOUND', `no endpoint ${url.pathname}`);
    if (!readOnly) return refuse(req, res, 405, 'METHOD_NOT_ALLOWED', 'pages take GET only');
    serveStatic(options.staticDir, url.pathname, res).catch(() => sendError(res, 500, 'INTERNAL', 'the local host failed; see its console'));
  });
  const port = await listen(server, options.port ?? DEFAULT_PORT, host);
  own = ownAuthorities(host, port);
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}/`,
    close: () => closeServer(server),
  };
}
