import type { FieldError, Problem } from './schemas.js';

/**
 * What went wrong, in the terms a widget needs to choose its message and its remedy:
 * - `network`: no answer (offline, connection reset, CORS refused) — retrying may help;
 * - `timeout`: no answer in time — retrying may help;
 * - `http`: the server answered with an error status (see `status`, `problem`, `fieldErrors`);
 * - `invalid-response`: the server answered 2xx with data that breaks the contract;
 * - `aborted`: the caller cancelled (a newer request replaced this one) — show nothing.
 */
export type ApiErrorKind = 'network' | 'timeout' | 'http' | 'invalid-response' | 'aborted';

export interface ApiErrorInit {
  kind: ApiErrorKind;
  message: string;
  status?: number;
  problem?: Problem;
  retryAfter?: number;
  method?: string;
  url?: string;
  cause?: unknown;
}

/** The one error every API client call rejects with (RFC 9457 problem details included). */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly kind: ApiErrorKind;
  /** HTTP status, or 0 when no response arrived. */
  readonly status: number;
  /** The server's problem+json, when it sent one. */
  readonly problem: Problem | undefined;
  /** Field errors of a 422 (`path` like `submitter.email`). */
  readonly fieldErrors: readonly FieldError[];
  /** Seconds to wait before trying again (from `Retry-After`), when the server said. */
  readonly retryAfter: number | undefined;
  readonly method: string | undefined;
  readonly url: string | undefined;

  constructor(init: ApiErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.kind = init.kind;
    this.status = init.status ?? 0;
    this.problem = init.problem;
    this.fieldErrors = init.problem?.errors ?? [];
    this.retryAfter = init.retryAfter;
    this.method = init.method;
    this.url = init.url;
  }

  /** True when sending the same request again later may succeed. */
  get retryable(): boolean {
    return (
      this.kind === 'network' ||
      this.kind === 'timeout' ||
      (this.kind === 'http' && (this.status === 408 || this.status === 429 || this.status >= 500))
    );
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** True for an abort, whether it surfaced as an ApiError or as a DOMException. */
export function isAbort(error: unknown): boolean {
  return (
    (error instanceof ApiError && error.kind === 'aborted') ||
    (error instanceof DOMException && error.name === 'AbortError')
  );
}

/** `Retry-After` as seconds: delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}
