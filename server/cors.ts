/**
 * CORS by allowlist: exact origins only, compared after normalisation, so that `null`
 * (sandboxed frames, file: pages), `https://city.example.evil.com` or
 * `https://evilcity.example` never pass for `https://city.example`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export const ALLOWED_HEADERS = 'Content-Type, Idempotency-Key, Authorization, If-None-Match, Accept-Language';
export const EXPOSED_HEADERS = 'ETag, Retry-After, Location, X-Request-Id, Idempotent-Replayed';
export const ALLOWED_METHODS = 'GET, HEAD, POST, PATCH, DELETE, OPTIONS';

/** `scheme://host[:port]` in canonical form, or undefined for anything else (including `null`). */
export function normaliseOrigin(value: string): string | undefined {
  if (!/^https?:\/\/[^/?#\s]+$/i.test(value)) return undefined;
  try {
    const origin = new URL(value).origin;
    return origin === 'null' ? undefined : origin;
  } catch {
    return undefined;
  }
}

export function parseOriginList(list: string | readonly string[] | undefined): Set<string> {
  const entries = typeof list === 'string' ? list.split(',') : (list ?? []);
  const out = new Set<string>();
  for (const entry of entries) {
    const origin = normaliseOrigin(entry.trim().replace(/\/$/, ''));
    if (origin) out.add(origin);
  }
  return out;
}

export class CorsPolicy {
  private readonly allowed: Set<string>;

  constructor(allowedOrigins: string | readonly string[] | undefined) {
    this.allowed = parseOriginList(allowedOrigins);
  }

  /**
   * Whether the request's Origin may read the answer. The server's own origin is always
   * allowed, because browsers send Origin on same-origin POSTs too.
   */
  isAllowed(origin: string, ownOrigin: string | undefined): boolean {
    // Browsers always send the canonical form, so anything else (user info, a default port,
    // upper case, a trailing slash) is not a browser's Origin and is refused outright.
    const normal = normaliseOrigin(origin);
    return normal !== undefined && normal === origin && (this.allowed.has(normal) || normal === ownOrigin);
  }

  /** Sets the CORS headers for an allowed origin; always sets `Vary: Origin`. */
  apply(req: IncomingMessage, res: ServerResponse, ownOrigin: string | undefined): 'none' | 'allowed' | 'refused' {
    res.setHeader('Vary', 'Origin');
    const origin = req.headers.origin;
    if (origin === undefined) return 'none';
    if (!this.isAllowed(origin, ownOrigin)) return 'refused';
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Access-Control-Expose-Headers', EXPOSED_HEADERS);
    return 'allowed';
  }

  /** Headers of a successful preflight answer (status 204). */
  preflight(res: ServerResponse): void {
    res.setHeader('Access-Control-Allow-Methods', ALLOWED_METHODS);
    res.setHeader('Access-Control-Allow-Headers', ALLOWED_HEADERS);
    res.setHeader('Access-Control-Max-Age', '600');
  }
}
