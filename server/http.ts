/**
 * Small HTTP helpers around node:http: bounded body reading, JSON answers with ETags.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HttpProblem } from './problem.js';

/**
 * Reads the whole body, refusing (413) anything over `limit` bytes. The refusal happens as
 * soon as the limit is crossed; the rest of the upload is drained so the client can read
 * the answer instead of seeing a reset connection.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const tooLarge = () =>
    new HttpProblem(413, { type: 'too-large', detail: `The body may be at most ${limit} bytes.` });
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    drain(req);
    return Promise.reject(tooLarge());
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        failed = true;
        req.off('data', onData);
        drain(req);
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => { if (!failed) resolve(Buffer.concat(chunks, size)); });
    req.once('error', (err) => { if (!failed) reject(err); });
  });
}

/** Discards the rest of a request body, but gives up on senders that never stop. */
function drain(req: IncomingMessage): void {
  let drained = 0;
  req.on('data', (chunk: Buffer) => {
    drained += chunk.length;
    if (drained > 64 * 1024 * 1024) req.socket.destroy();
  });
  req.resume();
}

export function etagOf(body: string | Buffer): string {
  return `"${createHash('sha1').update(body).digest('base64url')}"`;
}

/** Whether the request's If-None-Match names this entity (weak comparison, RFC 9110). */
export function matchesIfNoneMatch(req: IncomingMessage, etag: string): boolean {
  const header = req.headers['if-none-match'];
  if (!header) return false;
  if (header.trim() === '*') return true;
  const bare = etag.replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === bare);
}

export interface SendOptions {
  status?: number;
  cacheControl?: string;
  contentType?: string;
  headers?: Record<string, string>;
  /** Precomputed ETag of `body`, to skip hashing it again. */
  etag?: string;
}

/**
 * Sends a representation with an ETag, or 304 when the client already has it.
 * Only GET/HEAD answers are cacheable; other methods just get the body.
 */
export function sendEntity(req: IncomingMessage, res: ServerResponse, body: string | Buffer, options: SendOptions = {}): void {
  const status = options.status ?? 200;
  for (const [name, value] of Object.entries(options.headers ?? {})) res.setHeader(name, value);
  res.setHeader('Content-Type', options.contentType ?? 'application/json; charset=utf-8');
  const cacheable = (req.method === 'GET' || req.method === 'HEAD') && status === 200;
  if (cacheable) {
    const etag = options.etag ?? etagOf(body);
    res.setHeader('ETag', etag);
    res.setHeader('Cache-Control', options.cacheControl ?? 'no-cache');
    if (matchesIfNoneMatch(req, etag)) {
      res.statusCode = 304;
      res.removeHeader('Content-Type');
      res.end();
      return;
    }
  } else {
    res.setHeader('Cache-Control', options.cacheControl ?? 'no-store');
  }
  res.statusCode = status;
  res.setHeader('Content-Length', Buffer.byteLength(body));
  res.end(req.method === 'HEAD' ? undefined : body);
}

export function sendJson(req: IncomingMessage, res: ServerResponse, value: unknown, options: SendOptions = {}): void {
  sendEntity(req, res, JSON.stringify(value), options);
}

/** `host[:port]` as a browser would send it, or undefined for anything odd. */
export function safeHost(value: string | undefined): string | undefined {
  if (!value) return undefined;
  return /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/.test(value) ? value.toLowerCase() : undefined;
}

/**
 * The entry of a comma-list forwarding header (X-Forwarded-For, -Host, -Proto) that the
 * outermost of `trustedHops` reverse proxies wrote. Each proxy appends what it saw, so that
 * entry is `trustedHops` places from the right; entries further left were sent by the client
 * itself and could be anything. With fewer entries than hops (proxies that replace the header
 * rather than append to it), the leftmost. Undefined without trusted proxies or the header.
 */
function forwardedEntry(req: IncomingMessage, name: string, trustedHops: number): string | undefined {
  if (trustedHops <= 0) return undefined;
  const header = req.headers[name];
  const chain = (Array.isArray(header) ? header.join(',') : header ?? '').split(',').map((a) => a.trim()).filter(Boolean);
  if (chain.length === 0) return undefined;
  return chain[Math.max(0, chain.length - trustedHops)];
}

/**
 * The origin this request was addressed to: its Host header, or behind `trustedHops`
 * reverse proxies the X-Forwarded-Host and X-Forwarded-Proto entries the outermost of them
 * wrote (see {@link forwardedEntry}).
 */
export function requestOrigin(req: IncomingMessage, trustedHops: number): string | undefined {
  const forwardedProto = forwardedEntry(req, 'x-forwarded-proto', trustedHops)?.toLowerCase();
  const host = safeHost(forwardedEntry(req, 'x-forwarded-host', trustedHops) ?? req.headers.host);
  if (!host) return undefined;
  const encrypted = (req.socket as { encrypted?: boolean }).encrypted === true;
  const proto = forwardedProto === 'https' || forwardedProto === 'http' ? forwardedProto : encrypted ? 'https' : 'http';
  return `${proto}://${host}`;
}

/**
 * The client address that rate limits count against. Behind `trustedHops` reverse proxies,
 * each of which appends the address it was reached from to X-Forwarded-For, that is the
 * entry the outermost one wrote. Without trusted proxies the header is ignored.
 */
export function clientAddress(req: IncomingMessage, trustedHops: number): string {
  return forwardedEntry(req, 'x-forwarded-for', trustedHops) ?? req.socket.remoteAddress ?? 'unknown';
}
