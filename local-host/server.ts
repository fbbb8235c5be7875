// The local host behind `npm start`: the h5 build and the real mobileCheck handler on one origin.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Handler } from '../cloudfunctions/mobileCheck/src/handler';
import { serveStatic } from './staticFiles';

export const FUNCTION_PATH = '/api/functions/mobileCheck';
export const STATUS_PATH = '/api/status';
/** The caller when no `x-wx-openid` header is sent: one fixed development identity. */
export const DEV_OPENID = 'local-dev-openid';
const MAX_BODY_BYTES = 16 * 1024;

export type Mode = 'sandbox' | 'live';

export interface LocalHostOptions {
  handler: Handler;
  mode: Mode;
  staticDir: string;
  port?: number;
  host?: string;
}

export interface LocalHost {
  url: string;
  close(): Promise<void>;
}

const sendJson = (res: http.ServerResponse, status: number, body: unknown): void => {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
};

/** Reads a JSON body; anything unreadable becomes a value the handler refuses as INVALID_REQUEST. */
async function readEvent(req: http.IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    return undefined;
  }
}

export async function startLocalHost(options: LocalHostOptions): Promise<LocalHost> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://local');
    if (url.pathname === FUNCTION_PATH) {
      if (req.method !== 'POST') return sendJson(res, 405, { error: 'POST only' });
      const header = req.headers['x-wx-openid'];
      const caller = typeof header === 'string' ? header.trim() || undefined : DEV_OPENID;
      readEvent(req)
        .then((event) => options.handler(event, caller))
        .then((response) => sendJson(res, 200, response))
        .catch(() => sendJson(res, 500, { error: 'internal' }));
      return;
    }
    if (url.pathname === STATUS_PATH) return sendJson(res, 200, { mode: options.mode });
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, { error: 'GET only' });
    serveStatic(options.staticDir, url.pathname, res).catch(() => sendJson(res, 500, { error: 'internal' }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 10086, options.host ?? '127.0.0.1', resolve);
  });
  const { address, port } = server.address() as AddressInfo;
  return {
    url: `http://${address}:${port}/`,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
