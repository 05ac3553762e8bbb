/**
 * The client's transport: `fetch` with a timeout per attempt, error statuses as `HTTPError`,
 * and retries that wait out `Retry-After` or back off exponentially. The semantics are those
 * of ky 1.14, which the client used before, for the two ways the client calls it.
 */
import { parseRetryAfter } from './errors.js';

/** A non-2xx answer. Its body is left unread: the caller wants the problem details. */
export class HTTPError extends Error {
  override readonly name = 'HTTPError';
  readonly response: Response;

  constructor(response: Response) {
    super(`HTTP ${response.status} from ${response.url}`);
    this.response = response;
  }
}

/** True for an attempt that got no answer in time (a `DOMException` named `TimeoutError`). */
export function isTimeout(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'TimeoutError';
}

export interface Retry {
  /** Attempts after the first. */
  limit: number;
  /** Error statuses worth another attempt. */
  statusCodes: readonly number[];
  /** Those of them whose `Retry-After` sets the wait. */
  afterStatusCodes: readonly number[];
  retryOnTimeout: boolean;
  /** Longest `Retry-After` waited (ms); a longer one gives the error back at once. */
  maxRetryAfter: number;
  /** Cap of the back-off (ms): 0.3 s, 0.6 s, 1.2 s … */
  backoffLimit: number;
  /** Called after the wait, just before attempt `retryCount + 1`. */
  beforeRetry?: (error: unknown, retryCount: number) => unknown;
}

export interface HttpOptions {
  method?: 'GET' | 'POST';
  /** Sent as JSON. */
  json?: unknown;
  headers?: Record<string, string>;
  cache: RequestCache;
  /** Milliseconds an attempt may wait for the response headers. */
  timeout: number;
  retry: Retry;
  /** Stops the request, its body and any wait between attempts. */
  signal?: AbortSignal | undefined;
}

/**
 * Sends a request, without cookies, asking for JSON. Resolves with the first 2xx response;
 * rejects with an `HTTPError`, a timeout (see `isTimeout`), the caller's abort reason, or the
 * `TypeError` of a failed connection, once retries are spent or the error is not worth one.
 */
export async function request(url: string, options: HttpOptions): Promise<Response> {
  const { json, retry, signal } = options;
  const init: RequestInit = {
    method: options.method ?? 'GET',
    credentials: 'omit',
    cache: options.cache,
    headers: { accept: 'application/json', ...(json === undefined ? {} : { 'content-type': 'application/json' }), ...options.headers },
    body: json === undefined ? null : JSON.stringify(json),
  };
  for (let retryCount = 1; ; retryCount++) {
    try {
      const response = await attempt(url, init, options.timeout, signal);
      if (!response.ok) throw new HTTPError(response);
      return response;
    } catch (error) {
      const wait = retryCount <= retry.limit && !signal?.aborted ? delayBeforeRetry(error, retryCount, retry) : undefined;
      if (wait === undefined) throw error;
      await sleep(wait, signal);
      signal?.throwIfAborted();
      await retry.beforeRetry?.(error, retryCount);
    }
  }
}

async function attempt(url: string, init: RequestInit, timeout: number, signal: AbortSignal | undefined): Promise<Response> {
  signal?.throwIfAborted();
  const controller = new AbortController();
  // Kept after the headers arrive: the caller's abort also stops reading the body.
  signal?.addEventListener('abort', () => controller.abort(signal.reason), { once: true });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeout);
  try {
    return await fetch(url, { ...init, signal: controller.signal });
  } catch (error) {
    throw timedOut ? new DOMException(`No answer within ${timeout} ms`, 'TimeoutError') : error;
  } finally {
    clearTimeout(timer);
  }
}

/** Milliseconds to wait before retry number `retryCount`, or undefined to give up. */
function delayBeforeRetry(error: unknown, retryCount: number, retry: Retry): number | undefined {
  if (isTimeout(error) && !retry.retryOnTimeout) return undefined;
  if (error instanceof HTTPError) {
    const { status, headers } = error.response;
    if (!retry.statusCodes.includes(status)) return undefined;
    const after = parseRetryAfter(headers.get('retry-after'));
    // A wait longer than we are willing to hold the reader for goes back to the caller.
    if (after !== undefined && after * 1000 > retry.maxRetryAfter) return undefined;
    if (after !== undefined && retry.afterStatusCodes.includes(status)) return after * 1000;
    // A body too large is worth sending again only when the server says when.
    if (status === 413) return undefined;
  }
  return Math.min(300 * 2 ** (retryCount - 1), retry.backoffLimit);
}

/** Resolves after `ms`, or at once when `signal` aborts. */
function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done);
  });
}
