/**
 * What every route function receives: the request, its response, and the server's parts.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RateLimiter } from './rate-limit.js';
import type { ResponseCache } from './response-cache.js';
import type { Store } from './store.js';

export interface ServerParts {
  store: Store;
  basePath: string;
  cityTimeZone: string;
  adminToken: string | undefined;
  ideaLimiter: RateLimiter | undefined;
  uploadLimiter: RateLimiter | undefined;
  /** Reverse proxies in front of the server whose forwarding headers are believed (0: none). */
  trustedProxyHops: number;
  publicOrigin: string | undefined;
  /** Path a reverse proxy serves the server under (`/inovasi`), or `''`. */
  publicPathPrefix: string;
  now: () => number;
  /** How long a claimed idempotency key waits for its first request before counting as abandoned. */
  idempotencyStaleMs: number;
  idempotencyKeepMs: number;
  housekeeping: { lastPurgeMs: number };
  /** Present when the store can say when its content changed. */
  responseCache: ResponseCache | undefined;
}

export interface RequestContext {
  req: IncomingMessage;
  res: ServerResponse;
  parts: ServerParts;
  /** Query string as a plain object; a repeated key becomes an array (and fails validation). */
  query: Record<string, string | string[]>;
  /** `http://host:port/api/v1`: prefix of every absolute URL in answers. */
  apiBase: string;
  requestId: string;
}

/** Makes an image URL that the store gave relative to the API base absolute. */
export function absolute(ctx: RequestContext, url: string): string {
  return /^https?:\/\//i.test(url) ? url : `${ctx.apiBase}/${url.replace(/^\/+/, '')}`;
}
