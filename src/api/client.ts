import * as z from 'zod/mini';
import { ApiError, parseRetryAfter } from './errors.js';
import { HTTPError, isTimeout, request, type Retry } from './http.js';
import { nextTask } from './next-task.js';
import type { EventQuery, InnovationQuery, ProgramQuery, StakeholderQuery } from './queries.js';
import type { IdeaSubmission } from './requests.js';
import {
  Collaboration, Event, IdeaReceipt, IdeaStatusView, Innovation, InnovationSummary, Problem, Program,
  ProgramDetail, Stakeholder, StakeholderDetail, Taxonomy, Upload,
} from './shapes.js';

/** Options of every call: hand it @lit/task's signal so that a newer request cancels this one. */
export interface CallOptions {
  signal?: AbortSignal | undefined;
}

export interface ApiClientOptions {
  /** API root, absolute or relative to the page, e.g. `https://kota.example.go.id/api/v1` or `/api/v1`. */
  baseUrl: string;
  /** Milliseconds before a request counts as timed out. */
  timeout?: number;
  /** Retries of a failed `POST /ideas` (network failure, timeout, 429, 503). */
  submitRetries?: number;
  /** Longest `Retry-After` (ms) the client waits out by itself; longer ones reach the caller. */
  maxRetryAfter?: number;
  /** Cap of the exponential back-off between retries (ms). */
  backoffLimit?: number;
}

/** An item of a list that broke the contract and was left out (reported, never fatal). */
export interface SkippedItem {
  index: number;
  message: string;
}

export interface ListResult<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
  /** Items that failed validation and were left out. */
  skipped: SkippedItem[];
}

export interface EventListResult {
  items: Event[];
  skipped: SkippedItem[];
}

export interface StakeholderGraphResult {
  items: Stakeholder[];
  /** Only links whose both ends are among `items`. */
  links: Collaboration[];
  skipped: SkippedItem[];
}

export interface SubmitOptions extends CallOptions {
  /** A UUID kept by the caller for this one idea: every retry carries the same key. */
  idempotencyKey: string;
  /** Called before each automatic retry, e.g. to tell the citizen that sending goes on. */
  onRetry?: (attempt: number, error: ApiError) => void;
}

export interface UploadOptions extends CallOptions {
  /** Fraction sent so far, 0..1. */
  onProgress?: (fraction: number) => void;
}

type Query = Record<string, string | number | boolean | undefined | null>;

/** Turns a response body into the model; gets the request's signal to stop a long check. */
type Parse<T> = (raw: unknown, signal: AbortSignal) => T | Promise<T>;

interface Flight {
  promise: Promise<unknown>;
  controller: AbortController;
  waiters: number;
}

const CACHE_LIMIT = 100;

const PageEnvelope = z.object({
  items: z.array(z.unknown()),
  total: z.int().check(z.gte(0)),
  page: z.int().check(z.gte(1)),
  pageSize: z.int().check(z.gte(1)),
});
const ItemsEnvelope = z.object({ items: z.array(z.unknown()) });
const GraphEnvelope = z.object({ items: z.array(z.unknown()), links: z.array(z.unknown()) });

/** `items.3.title: Invalid input` — names the field that broke the contract. */
function describeIssues(error: z.core.$ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid data';
  const path = issue.path.map(String).join('.') || '(root)';
  return `${path}: ${issue.message}`;
}

function parseOrThrow<S extends z.ZodMiniType>(schema: S, data: unknown, what: string): z.infer<S> {
  const result = schema.safeParse(data);
  if (!result.success) {
    throw new ApiError({ kind: 'invalid-response', message: `Invalid response from ${what}: ${describeIssues(result.error)}` });
  }
  return result.data;
}

/**
 * Checking a long list yields to the page after this many milliseconds of work. Time, not a
 * count of items: the same items take several times longer before the engine has compiled
 * the checks, and a fixed count of 1 000 made a 50 ms task of the map's first slice.
 */
const SLICE_MS = 8;
/** Lists at least this long wait one turn first, so their checks start in a task of their own. */
const LONG_LIST = 500;

/**
 * Validates list items one by one: a broken item is skipped and reported, never fatal. Long
 * lists (10 000 collaborations) are checked in slices of a few milliseconds, so that no
 * single task blocks the page.
 */
async function parseItems<S extends z.ZodMiniType>(schema: S, raw: unknown[], what: string, signal?: AbortSignal) {
  const items: z.infer<S>[] = [];
  const skipped: SkippedItem[] = [];
  const pause = async (): Promise<number> => {
    await nextTask();
    if (signal?.aborted) throw new ApiError({ kind: 'aborted', message: 'Request aborted' });
    return performance.now();
  };
  // Parsing the JSON of a long list was a long task already; the checks get their own.
  let sliceStart = raw.length >= LONG_LIST ? await pause() : performance.now();
  for (let index = 0; index < raw.length; index++) {
    if ((index & 31) === 0 && performance.now() - sliceStart > SLICE_MS) sliceStart = await pause();
    const result = schema.safeParse(raw[index]);
    if (result.success) items.push(result.data);
    else skipped.push({ index, message: `Invalid item in ${what}: items.${index}.${describeIssues(result.error)}` });
  }
  if (skipped.length > 0) console.warn(`inno-widgets: ${skipped.length} item(s) skipped.`, skipped);
  return { items, skipped };
}

function pageBase(): string {
  return typeof document !== 'undefined' ? document.baseURI : 'http://localhost/';
}

/**
 * The client of the shared innovation API: one instance per API base.
 *
 * - every response is validated against the contract (a list item that fails is skipped
 *   and reported; anything else becomes an `ApiError` naming the field);
 * - every failure is an `ApiError` carrying status, problem details and field errors;
 * - identical GETs in flight share one request; responses are kept by ETag, and the browser
 *   revalidates them (`cache: 'no-cache'`: a conditional request, a 304, no re-parse);
 * - every call takes an `AbortSignal`;
 * - a GET is retried at most twice, on network failure and on 408, 413, 429, 500, 502, 503
 *   and 504 (not on a timeout); `POST /ideas` carries an `Idempotency-Key` and is retried
 *   with the same key on network failure, timeout, 429 and 503. Between attempts the client
 *   waits out `Retry-After` (on 413, 429 and 503; a 413 without it is final) or backs off
 *   0.3 s, 0.6 s, 1.2 s … up to `backoffLimit`; a `Retry-After` longer than `maxRetryAfter`
 *   goes back to the caller at once.
 */
export class ApiClient {
  readonly baseUrl: string;
  readonly #options: Required<Omit<ApiClientOptions, 'baseUrl'>>;
  /** Retries of a GET; those of `POST /ideas` differ in what they retry and how often. */
  readonly #readRetry: Retry;
  readonly #flights = new Map<string, Flight>();
  readonly #cache = new Map<string, { etag: string; value: unknown }>();

  /** The absolute base URL a client for `apiBase` has (its `baseUrl`), resolved against the page. */
  static baseUrlOf(apiBase: string): string {
    return new URL(apiBase.trim().replace(/\/+$/, '') + '/', pageBase()).href;
  }

  constructor(options: ApiClientOptions) {
    this.baseUrl = ApiClient.baseUrlOf(options.baseUrl);
    this.#options = {
      timeout: options.timeout ?? 15_000,
      submitRetries: options.submitRetries ?? 4,
      maxRetryAfter: options.maxRetryAfter ?? 10_000,
      backoffLimit: options.backoffLimit ?? 8_000,
    };
    this.#readRetry = {
      limit: 2,
      statusCodes: [408, 413, 429, 500, 502, 503, 504],
      afterStatusCodes: [413, 429, 503],
      retryOnTimeout: false,
      maxRetryAfter: this.#options.maxRetryAfter,
      backoffLimit: this.#options.backoffLimit,
    };
  }

  /** Absolute URL of an API path with its query (empty values left out). */
  url(path: string, query: Query = {}): string {
    const url = new URL(path.replace(/^\/+/, ''), this.baseUrl);
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== null && value !== '') url.searchParams.set(key, String(value));
    }
    return url.href;
  }

  // --- reads -------------------------------------------------------------------------

  getTaxonomy(options?: CallOptions) {
    return this.#get('taxonomy', {}, (raw) => parseOrThrow(Taxonomy, raw, 'GET /taxonomy'), options);
  }

  listInnovations(query: InnovationQuery = {}, options?: CallOptions) {
    return this.#get('innovations', query, (raw, signal) => this.#page(InnovationSummary, raw, 'GET /innovations', signal), options);
  }

  getInnovation(id: string, options?: CallOptions) {
    return this.#get(`innovations/${encodeURIComponent(id)}`, {}, (raw) => parseOrThrow(Innovation, raw, 'GET /innovations/{id}'), options);
  }

  listPrograms(query: ProgramQuery = {}, options?: CallOptions) {
    return this.#get('programs', query, (raw, signal) => this.#page(Program, raw, 'GET /programs', signal), options);
  }

  getProgram(id: string, options?: CallOptions) {
    return this.#get(`programs/${encodeURIComponent(id)}`, {}, (raw) => parseOrThrow(ProgramDetail, raw, 'GET /programs/{id}'), options);
  }

  listEvents(query: EventQuery, options?: CallOptions): Promise<EventListResult> {
    return this.#get('events', query, (raw, signal) => {
      const envelope = parseOrThrow(ItemsEnvelope, raw, 'GET /events');
      return parseItems(Event, envelope.items, 'GET /events', signal);
    }, options);
  }

  getEvent(id: string, options?: CallOptions) {
    return this.#get(`events/${encodeURIComponent(id)}`, {}, (raw) => parseOrThrow(Event, raw, 'GET /events/{id}'), options);
  }

  /** URL of the RFC 5545 feed, for "subscribe" links (honours the category filter). */
  eventsFeedUrl(query: { category?: string | undefined } = {}): string {
    return this.url('events.ics', query);
  }

  listStakeholders(query: StakeholderQuery = {}, options?: CallOptions): Promise<StakeholderGraphResult> {
    return this.#get('stakeholders', query, async (raw, signal) => {
      const envelope = parseOrThrow(GraphEnvelope, raw, 'GET /stakeholders');
      const nodes = await parseItems(Stakeholder, envelope.items, 'GET /stakeholders', signal);
      const links = await parseItems(Collaboration, envelope.links, 'GET /stakeholders (links)', signal);
      const ids = new Set(nodes.items.map((s) => s.id));
      return {
        items: nodes.items,
        links: links.items.filter((l) => ids.has(l.source) && ids.has(l.target)),
        skipped: [...nodes.skipped, ...links.skipped],
      };
    }, options);
  }

  getStakeholder(id: string, options?: CallOptions) {
    return this.#get(`stakeholders/${encodeURIComponent(id)}`, {}, (raw) => parseOrThrow(StakeholderDetail, raw, 'GET /stakeholders/{id}'), options);
  }

  getIdeaStatus(trackingCode: string, options?: CallOptions) {
    return this.#get(`ideas/${encodeURIComponent(trackingCode)}`, {}, (raw) => parseOrThrow(IdeaStatusView, raw, 'GET /ideas/{trackingCode}'), options);
  }

  // --- writes ------------------------------------------------------------------------

  /**
   * `POST /ideas`. Retried with the same `Idempotency-Key` on network failure, timeout,
   * 429 and 503 (waiting out `Retry-After` up to `maxRetryAfter`), so a lost response never
   * makes a second idea. Rejects with an `ApiError` once retries are spent.
   */
  async submitIdea(submission: IdeaSubmission, options: SubmitOptions): Promise<IdeaReceipt> {
    const url = this.url('ideas');
    try {
      const response = await request(url, {
        method: 'POST',
        json: submission,
        headers: { 'idempotency-key': options.idempotencyKey },
        cache: 'no-store',
        timeout: this.#options.timeout * 2,
        signal: options.signal,
        retry: {
          ...this.#readRetry,
          limit: this.#options.submitRetries,
          statusCodes: [429, 503],
          afterStatusCodes: [429, 503],
          retryOnTimeout: true,
          beforeRetry: async (error, retryCount) => {
            options.onRetry?.(retryCount, await toApiError(error, 'POST', url));
          },
        },
      });
      return parseOrThrow(IdeaReceipt, await response.json(), 'POST /ideas');
    } catch (error) {
      throw await toApiError(error, 'POST', url);
    }
  }

  /**
   * `POST /uploads` with progress. XMLHttpRequest rather than fetch: fetch cannot report
   * upload progress over HTTP/1.1.
   */
  upload(file: Blob, options: UploadOptions & { filename?: string } = {}): Promise<Upload> {
    const url = this.url('uploads');
    return new Promise<Upload>((resolve, reject) => {
      const { signal } = options;
      if (signal?.aborted) {
        reject(new ApiError({ kind: 'aborted', message: 'Upload aborted', method: 'POST', url }));
        return;
      }
      const xhr = new XMLHttpRequest();
      const onAbort = () => xhr.abort();
      signal?.addEventListener('abort', onAbort, { once: true });
      xhr.open('POST', url);
      xhr.responseType = 'text';
      xhr.timeout = this.#options.timeout * 8;
      xhr.setRequestHeader('accept', 'application/json');
      xhr.upload.addEventListener('progress', (e) => {
        if (e.lengthComputable) options.onProgress?.(e.loaded / e.total);
      });
      const fail = (kind: 'network' | 'timeout' | 'aborted', message: string) => {
        signal?.removeEventListener('abort', onAbort);
        reject(new ApiError({ kind, message, method: 'POST', url }));
      };
      xhr.addEventListener('error', () => fail('network', 'The upload could not reach the server'));
      xhr.addEventListener('timeout', () => fail('timeout', 'The upload timed out'));
      xhr.addEventListener('abort', () => fail('aborted', 'Upload aborted'));
      xhr.addEventListener('load', () => {
        signal?.removeEventListener('abort', onAbort);
        let body: unknown;
        try {
          body = JSON.parse(xhr.responseText);
        } catch {
          body = undefined;
        }
        if (xhr.status === 201 || xhr.status === 200) {
          try {
            options.onProgress?.(1);
            resolve(parseOrThrow(Upload, body, 'POST /uploads'));
          } catch (error) {
            reject(error instanceof Error ? error : new Error(String(error)));
          }
          return;
        }
        reject(httpError(xhr.status, body, xhr.getResponseHeader('retry-after'), 'POST', url));
      });
      const form = new FormData();
      form.append('file', file, options.filename ?? (file instanceof File ? file.name : 'upload'));
      xhr.send(form);
    });
  }

  // --- machinery ---------------------------------------------------------------------

  async #page<S extends z.ZodMiniType>(item: S, raw: unknown, what: string, signal: AbortSignal): Promise<ListResult<z.infer<S>>> {
    const envelope = parseOrThrow(PageEnvelope, raw, what);
    return { ...envelope, ...(await parseItems(item, envelope.items, what, signal)) };
  }

  /** A GET shared by every caller asking the same URL while it is in flight. */
  #get<T>(path: string, query: object, parse: Parse<T>, options: CallOptions = {}): Promise<T> {
    const url = this.url(path, query as Query);
    let flight = this.#flights.get(url);
    if (!flight) {
      const controller = new AbortController();
      const promise = this.#fetchParsed(url, parse, controller.signal).finally(() => {
        if (this.#flights.get(url) === flight) this.#flights.delete(url);
      });
      // The flight's own rejection is observed by its waiters; never leave it unhandled.
      promise.catch(() => undefined);
      flight = { promise, controller, waiters: 0 };
      this.#flights.set(url, flight);
    }
    const shared = flight;
    shared.waiters++;
    return new Promise<T>((resolve, reject) => {
      const { signal } = options;
      const leave = () => {
        shared.waiters--;
        // The last interested caller gone: cancel the request itself.
        if (shared.waiters === 0) {
          shared.controller.abort();
          if (this.#flights.get(url) === shared) this.#flights.delete(url);
        }
        reject(new ApiError({ kind: 'aborted', message: 'Request aborted', method: 'GET', url }));
      };
      if (signal?.aborted) {
        leave();
        return;
      }
      signal?.addEventListener('abort', leave, { once: true });
      (shared.promise as Promise<T>).then(
        (value) => {
          signal?.removeEventListener('abort', leave);
          resolve(value);
        },
        (error: unknown) => {
          signal?.removeEventListener('abort', leave);
          reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
    });
  }

  async #fetchParsed<T>(url: string, parse: Parse<T>, signal: AbortSignal): Promise<T> {
    let response: Response;
    try {
      response = await request(url, { cache: 'no-cache', timeout: this.#options.timeout, retry: this.#readRetry, signal });
    } catch (error) {
      throw await toApiError(error, 'GET', url);
    }
    const etag = response.headers.get('etag');
    const cached = this.#cache.get(url);
    if (etag && cached?.etag === etag) {
      // Revalidated (304 behind the scenes): the parsed value still holds.
      void response.body?.cancel();
      return cached.value as T;
    }
    let raw: unknown;
    try {
      raw = await response.json();
    } catch (error) {
      if (signal.aborted) throw new ApiError({ kind: 'aborted', message: 'Request aborted', method: 'GET', url });
      throw new ApiError({ kind: 'invalid-response', message: `Invalid response from GET ${url}: not JSON`, method: 'GET', url, cause: error });
    }
    const value = await parse(raw, signal);
    if (etag) {
      this.#cache.delete(url);
      this.#cache.set(url, { etag, value });
      if (this.#cache.size > CACHE_LIMIT) this.#cache.delete(this.#cache.keys().next().value as string);
    }
    return value;
  }
}

function httpError(status: number, body: unknown, retryAfter: string | null, method: string, url: string): ApiError {
  const parsed = Problem.safeParse(body);
  const problem = parsed.success ? parsed.data : undefined;
  return new ApiError({
    kind: 'http',
    status,
    problem,
    retryAfter: parseRetryAfter(retryAfter),
    message: problem ? `${problem.title}${problem.detail ? `: ${problem.detail}` : ''}` : `HTTP ${status} from ${method} ${url}`,
    method,
    url,
  });
}

/** Maps whatever the transport (`./http.js`) or fetch threw to an `ApiError`. */
export async function toApiError(error: unknown, method: string, url: string): Promise<ApiError> {
  if (error instanceof ApiError) return error;
  if (error instanceof HTTPError) {
    let body: unknown;
    try {
      body = await error.response.clone().json();
    } catch {
      body = undefined;
    }
    return httpError(error.response.status, body, error.response.headers.get('retry-after'), method, url);
  }
  if (isTimeout(error)) {
    return new ApiError({ kind: 'timeout', message: `No answer in time from ${method} ${url}`, method, url, cause: error });
  }
  if (error instanceof DOMException && error.name === 'AbortError') {
    return new ApiError({ kind: 'aborted', message: 'Request aborted', method, url, cause: error });
  }
  return new ApiError({
    kind: 'network',
    message: `Could not reach ${method} ${url}${error instanceof Error ? ` (${error.message})` : ''}`,
    method,
    url,
    cause: error,
  });
}

/**
 * A fresh UUID v4 for `Idempotency-Key`. `crypto.randomUUID` exists only in secure
 * contexts, and some city sites are still served over plain http.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
