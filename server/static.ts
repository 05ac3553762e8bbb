/**
 * Serving files from a folder (the demo page, the build output) without ever leaving it.
 */
import { createReadStream, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { matchesIfNoneMatch } from './http.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8', '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg', '.webp': 'image/webp', '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8', '.woff2': 'font/woff2', '.d.ts': 'text/plain; charset=utf-8',
};

/**
 * Sends `relativePath` from `root`, or returns false when there is no such file.
 * `..`, encoded slashes and absolute paths cannot reach outside `root`.
 */
export function serveFile(req: IncomingMessage, res: ServerResponse, root: string, relativePath: string,
  headers: Record<string, string> = {}): boolean {
  let decoded: string;
  try {
    decoded = decodeURIComponent(relativePath);
  } catch {
    return false;
  }
  if (decoded.includes('\0')) return false;
  const base = resolve(root);
  const file = resolve(join(base, normalize(`/${decoded}`)));
  if (file !== base && !file.startsWith(base + sep)) return false;
  let stat;
  try {
    stat = statSync(file);
    if (stat.isDirectory()) return serveFile(req, res, root, join(decoded, 'index.html'), headers);
  } catch {
    return false;
  }
  const etag = `"${stat.size.toString(36)}-${Math.floor(stat.mtimeMs).toString(36)}"`;
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.setHeader('ETag', etag);
  res.setHeader('Cache-Control', 'no-cache');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  if (matchesIfNoneMatch(req, etag)) {
    res.statusCode = 304;
    res.end();
    return true;
  }
  res.statusCode = 200;
  res.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
  res.setHeader('Content-Length', stat.size);
  if (req.method === 'HEAD') res.end();
  else createReadStream(file).pipe(res);
  return true;
}
