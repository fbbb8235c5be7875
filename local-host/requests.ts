// What the local host accepts before the handler sees a request: its own origin, a JSON content
// type, a small body. `npm start` can run billed checks, so a web page on another site (cross-site
// form, DNS rebinding) must not be able to make them.
import type http from 'node:http';

/** The function's event is well under 1 KB; the function refuses fields over 64 characters anyway. */
export const MAX_BODY_BYTES = 16 * 1024;
/** Larger bodies are read and dropped up to here, so the 413 arrives on an intact connection; beyond, the connection is cut. */
const MAX_DRAINED_BYTES = 1024 * 1024;

/** Names under which this machine reaches the host; any other Host header is a rebinding attempt. */
const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

/** `host:port` values a request to this server may carry in Host (and, after `http://`, in Origin). */
export function ownAuthorities(host: string, port: number): Set<string> {
  const listening = host.includes(':') ? `[${host}]` : host;
  return new Set([...LOOPBACK_NAMES, listening].map((name) => `${name.toLowerCase()}:${port}`));
}

/** True when Host names this server and Origin, when sent, is this server's own origin. */
export function fromOwnOrigin(req: http.IncomingMessage, own: Set<string>): boolean {
  if (!own.has((req.headers.host ?? '').toLowerCase())) return false;
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  const match = /^http:\/\/([^/]+)$/i.exec(origin);
  return match !== null && own.has(match[1].toLowerCase());
}

export const isJson = (req: http.IncomingMessage): boolean => /^application\/json\s*(;|$)/i.test(req.headers['content-type'] ?? '');

/** The whole body, or 'tooLarge' once it passes MAX_BODY_BYTES (the rest is read and dropped). */
export function readBody(req: http.IncomingMessage): Promise<Buffer | 'tooLarge'> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers['content-length'] ?? 0) > MAX_DRAINED_BYTES) {
      resolve('tooLarge');
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
      else if (size > MAX_DRAINED_BYTES) req.destroy();
    });
    req.on('end', () => resolve(size > MAX_BODY_BYTES ? 'tooLarge' : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** The body as JSON; anything unreadable becomes undefined, which the handler answers with INVALID_REQUEST. */
export function parseEvent(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
}
