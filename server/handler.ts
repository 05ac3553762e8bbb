/**
 * The reference API as one Node request handler. The same function serves `npm start`,
 * the browser tests' dev server and Storybook's dev server, over any {@link Store}.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestContext, ServerParts } from './context.js';
import { CorsPolicy } from './cors.js';
import { requestOrigin } from './http.js';
import { HttpProblem, sendProblem } from './problem.js';
import { RateLimiter, type RateLimitOptions } from './rate-limit.js';
import { ResponseCache } from './response-cache.js';
import { Router } from './router.js';
import { adminRoutes } from './routes/admin.js';
import { ideaRoutes } from './routes/ideas.js';
import { publicRoutes } from './routes/public.js';
import type { Store } from './store.js';
import { IDEMPOTENCY_KEEP_DAYS } from '../src/api/schemas.js';

export interface ApiHandlerOptions {
  /** Where all data comes from and goes to. */
  store: Store;
  /** Path prefix the API answers under. Default `/api/v1`. */
  basePath?: string;
  /**
   * Origins (`https://city.example`) whose pages may call the API from a browser: a comma
   * list or an array. The origin the server itself is reached at is always allowed.
   */
  allowedOrigins?: string | readonly string[];
  /** Bearer token for `/admin/*`. While unset, admin routes refuse every request. */
  adminToken?: string;
  /** The city's zone: program status ("open today?") is decided in it. Default `Asia/Jakarta`. */
  cityTimeZone?: string;
  /**
   * Limit on `POST /ideas` per client address, or `false` for none (benchmarks only).
   * Default 10 a minute. `POST /uploads` gets three times as many (three attachments an idea).
   */
  rateLimit?: RateLimitOptions | false;
  /**
   * Believe `X-Forwarded-For/-Host/-Proto` from this many reverse proxies in front of the
   * server (`true` is one). Only behind proxies that set them: clients can send them too.
   * Default false (0).
   */
  trustProxy?: boolean | number;
  /**
   * Origin used in absolute URLs of answers (images, uploads), e.g. `https://inovasi.example.go.id`.
   * Default: the origin each request was addressed to (its Host header).
   */
  publicOrigin?: string;
  /**
   * Where the public reaches the server when a proxy serves it under a path prefix, e.g.
   * `https://portal.example.go.id/inovasi`: absolute URLs in answers (Location, uploads,
   * images) become `https://portal.example.go.id/inovasi/api/v1/…`, and the OpenAPI document's
   * `servers` is `/inovasi/api/v1`. Overrides `publicOrigin`.
   */
  publicUrl?: string;
  /** Clock, for tests. Default `Date.now`. */
  now?: () => number;
  /** Where 500s are reported, with their request id. Default `console.error`. */
  logError?: (requestId: string, error: unknown) => void;
}

/** A Node/Connect-style handler; `next` is called for paths outside the API. */
export type ApiHandler = (req: IncomingMessage, res: ServerResponse, next?: () => void) => void;

const DEFAULT_RATE_LIMIT: RateLimitOptions = { max: 10, windowMs: 60_000 };

/** Uploads allowed per address for each idea allowed: an idea may carry a few files. */
export const UPLOADS_PER_IDEA = 3;

/**
 * Creates the request handler for the whole API under `basePath` (default `/api/v1`).
 *
 * Mount it as it is on a `node:http` server, as Connect/Express middleware
 * (`app.use(handler)`; it reads `req.originalUrl` when a router stripped a prefix), or in
 * Koa-style dev servers with `ctx.respond = false; handler(ctx.req, ctx.res, next)`.
 * Requests outside `basePath` go to `next()` when given, else get a 404 problem.
 */
export function createApiHandler(options: ApiHandlerOptions): ApiHandler {
  const basePath = (options.basePath ?? '/api/v1').replace(/\/+$/, '');
  const rate = options.rateLimit === undefined ? DEFAULT_RATE_LIMIT : options.rateLimit;
  const now = options.now ?? Date.now;
  const publicUrl = options.publicUrl ? new URL(options.publicUrl) : undefined;
  const publicPrefix = publicUrl ? publicUrl.pathname.replace(/\/+$/, '') : '';
  const parts: ServerParts = {
    store: options.store,
    basePath,
    cityTimeZone: options.cityTimeZone ?? 'Asia/Jakarta',
    adminToken: options.adminToken || undefined,
    ideaLimiter: rate ? new RateLimiter(rate, now) : undefined,
    uploadLimiter: rate ? new RateLimiter({ ...rate, max: rate.max * UPLOADS_PER_IDEA }, now) : undefined,
    trustedProxyHops: options.trustProxy === true ? 1 : Math.max(0, Number(options.trustProxy ?? 0) || 0),
    publicOrigin: (publicUrl ? publicUrl.origin : options.publicOrigin)?.replace(/\/+$/, ''),
    publicPathPrefix: publicPrefix,
    now,
    idempotencyStaleMs: 60_000,
    // The answer is a receipt and a hash of the body: no personal data.
    idempotencyKeepMs: IDEMPOTENCY_KEEP_DAYS * 86_400_000,
    housekeeping: { lastPurgeMs: 0 },
    responseCache: options.store.contentVersion ? new ResponseCache() : undefined,
  };
  const cors = new CorsPolicy(options.allowedOrigins);
  const logError = options.logError ?? ((id, error) => console.error(`[inno-api] 500 request ${id}:`, error));
  const router = new Router<RequestContext>();
  publicRoutes(router);
  ideaRoutes(router);
  adminRoutes(router);

  return (req, res, next) => {
    const url = (req as { originalUrl?: string }).originalUrl ?? req.url ?? '/';
    const queryAt = url.indexOf('?');
    const pathname = queryAt < 0 ? url : url.slice(0, queryAt);
    if (pathname !== basePath && !pathname.startsWith(`${basePath}/`)) {
      if (next) next();
      else sendProblem(res, new HttpProblem(404, { type: 'not-found', detail: 'There is no such resource.' }));
      return;
    }
    const requestId = randomBytes(6).toString('hex');
    res.setHeader('X-Request-Id', requestId);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    const ownOrigin = parts.publicOrigin ?? requestOrigin(req, parts.trustedProxyHops);
    const ctx: RequestContext = {
      req, res, parts, requestId,
      query: queryAt < 0 ? {} : parseQuery(url.slice(queryAt + 1)),
      apiBase: `${ownOrigin ?? 'http://localhost'}${publicPrefix}${basePath}`,
    };
    const fail = (error: unknown) => {
      if (res.headersSent) {
        logError(requestId, error);
        res.destroy();
        return;
      }
      if (error instanceof HttpProblem) {
        sendProblem(res, error);
        return;
      }
      logError(requestId, error);
      sendProblem(res, new HttpProblem(500, {
        type: 'internal-error',
        detail: `Something went wrong on the server. Quote request id ${requestId} when reporting it.`,
        extra: { requestId },
      }));
    };
    try {
      const route = pathname.slice(basePath.length) || '/';
      const corsVerdict = cors.apply(req, res, ownOrigin);
      const method = req.method ?? 'GET';
      if (method === 'OPTIONS') {
        preflight(req, res, router, route, cors, corsVerdict);
        return;
      }
      // Reads from a foreign page are harmless without CORS headers; writes are not.
      if (corsVerdict === 'refused' && method !== 'GET' && method !== 'HEAD') {
        throw new HttpProblem(403, { type: 'origin-not-allowed', detail: 'This origin may not call the API.' });
      }
      const { run, params } = router.match(method, route);
      const result = run(ctx, params);
      if (result) result.catch(fail);
    } catch (error) {
      fail(error);
    }
  };
}

function preflight(
  req: IncomingMessage, res: ServerResponse, router: Router<RequestContext>, route: string,
  cors: CorsPolicy, verdict: 'none' | 'allowed' | 'refused',
): void {
  const methods = router.methodsFor(route);
  if (methods.length === 0) throw new HttpProblem(404, { type: 'not-found', detail: 'There is no such resource.' });
  const isPreflight = req.headers['access-control-request-method'] !== undefined;
  if (isPreflight && verdict !== 'allowed') {
    throw new HttpProblem(403, { type: 'origin-not-allowed', detail: 'This origin may not call the API.' });
  }
  if (isPreflight) cors.preflight(res);
  if (methods.includes('GET')) methods.push('HEAD');
  res.setHeader('Allow', [...methods, 'OPTIONS'].join(', '));
  res.statusCode = 204;
  res.end();
}

function parseQuery(search: string): Record<string, string | string[]> {
  // No prototype: a key like `__proto__` stays a plain (and then refused) parameter.
  const out = Object.create(null) as Record<string, string | string[]>;
  for (const [key, value] of new URLSearchParams(search)) {
    const previous = out[key];
    out[key] = previous === undefined ? value : Array.isArray(previous) ? [...previous, value] : [previous, value];
  }
  return out;
}
