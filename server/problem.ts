/**
 * RFC 9457 problem details: every error the API gives is one of these.
 */
import type { ServerResponse } from 'node:http';
import type { FieldError } from '../src/api/schemas.js';

export const PROBLEM_TYPE_BASE = 'urn:inno-widgets:problem:';

const TITLES: Record<number, string> = {
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found',
  405: 'Method Not Allowed', 406: 'Not Acceptable', 409: 'Conflict', 413: 'Content Too Large',
  415: 'Unsupported Media Type', 422: 'Unprocessable Content', 429: 'Too Many Requests',
  500: 'Internal Server Error', 503: 'Service Unavailable',
};

export interface ProblemInit {
  /** Short machine name, becomes `urn:inno-widgets:problem:<name>`; omitted: `about:blank`. */
  type?: string;
  title?: string;
  detail?: string;
  errors?: FieldError[];
  /** Extra response headers, e.g. `Retry-After` or `WWW-Authenticate`. */
  headers?: Record<string, string>;
  /** Extra members of the problem object. */
  extra?: Record<string, unknown>;
}

/** An error that becomes a problem response. Thrown anywhere below the router. */
export class HttpProblem extends Error {
  constructor(readonly status: number, readonly init: ProblemInit = {}) {
    super(init.detail ?? init.title ?? TITLES[status] ?? `HTTP ${status}`);
  }

  body(): Record<string, unknown> {
    return {
      type: this.init.type ? PROBLEM_TYPE_BASE + this.init.type : 'about:blank',
      title: this.init.title ?? TITLES[this.status] ?? 'Error',
      status: this.status,
      ...(this.init.detail ? { detail: this.init.detail } : {}),
      ...(this.init.errors ? { errors: this.init.errors } : {}),
      ...this.init.extra,
    };
  }
}

export function fieldProblem(status: number, path: string, code: string, message: string): HttpProblem {
  return new HttpProblem(status, {
    type: 'validation-error',
    title: 'The request has invalid fields',
    errors: [{ path, code, message }],
  });
}

/** Writes a problem; the caller's CORS and request-id headers are already on `res`. */
export function sendProblem(res: ServerResponse, problem: HttpProblem): void {
  const body = JSON.stringify(problem.body());
  res.statusCode = problem.status;
  res.setHeader('Content-Type', 'application/problem+json; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Content-Length', Buffer.byteLength(body));
  for (const [name, value] of Object.entries(problem.init.headers ?? {})) res.setHeader(name, value);
  res.end(body);
}
