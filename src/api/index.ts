/**
 * `inno-widgets/api`: the contract (zod schemas), the typed client and its error.
 * The OpenAPI builder (`./openapi.js`) is kept apart so that bundles never carry it.
 */
export * from './schemas.js';
export { ApiClient, newIdempotencyKey, toApiError } from './client.js';
export type {
  ApiClientOptions, CallOptions, EventListResult, ListResult, SkippedItem, StakeholderGraphResult, SubmitOptions, UploadOptions,
} from './client.js';
export { ApiError, isAbort, isApiError, parseRetryAfter } from './errors.js';
export type { ApiErrorInit, ApiErrorKind } from './errors.js';
