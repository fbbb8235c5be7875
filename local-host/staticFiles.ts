import { readFile, stat } from 'node:fs/promises';
import type http from 'node:http';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

/** Serves the h5 build; unknown paths get index.html so the app's router can take them. */
export async function serveStatic(root: string, urlPath: string, res: http.ServerResponse): Promise<void> {
  const relative = path.normalize(decodeURIComponent(urlPath)).replace(/^(\.\.(\/|\\|$))+/, '');
  let file = path.join(root, relative);
  if (!file.startsWith(root + path.sep) && file !== root) file = path.join(root, 'index.html');
  const info = await stat(file).catch(() => undefined);
  if (!info || info.isDirectory()) file = path.join(root, 'index.html');
  const body = await readFile(file).catch(() => undefined);
  if (!body) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('未找到页面：请先运行 npm run build:h5');
    return;
  }
  const immutable = /\.[0-9a-f]{8,}\./.test(path.basename(file));
  res.writeHead(200, {
    'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
    'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(body);
}
