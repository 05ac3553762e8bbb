/**
 * Citizen-facing writes: submitting an idea (idempotent, rate-limited, honeypot-guarded),
 * following it by tracking code, and uploading attachments.
 */
import { createHash } from 'node:crypto';
import {
  IdeaSubmission, MAX_UPLOAD_BYTES, type FieldError, type IdeaReceipt, type IdeaStatusView, type Upload,
} from '../../src/api/schemas.js';
import type { RequestContext } from '../context.js';
import { clientAddress, readBody, sendJson } from '../http.js';
import { isUuid, normaliseTrackingCode, recordId, trackingCode } from '../ids.js';
import { toE164 } from '../phone.js';
import { HttpProblem } from '../problem.js';
import type { RateLimiter } from '../rate-limit.js';
import type { Router } from '../router.js';
import type { IdempotencyKey, NewIdea } from '../store.js';
import { todayIn } from '../time.js';
import { multipartBoundary, parseMultipart, sniffType, type UploadType } from '../uploads.js';
import { parseOr } from '../validation.js';

export const MAX_JSON_BYTES = 64 * 1024;
const IDEAS_SCOPE = 'POST /ideas';

/** JSON with object keys sorted, so that key order never makes two bodies "different". */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function invalid(errors: FieldError[]): HttpProblem {
  return new HttpProblem(422, { type: 'validation-error', title: 'The request has invalid fields', errors });
}

function limit(ctx: RequestContext, limiter: RateLimiter | undefined): void {
  if (!limiter) return;
  const verdict = limiter.hit(clientAddress(ctx.req, ctx.parts.trustedProxyHops));
  if (!verdict.ok) {
    throw new HttpProblem(429, {
      type: 'rate-limited',
      detail: `Too many requests from this address; try again in ${verdict.retryAfterSeconds} s.`,
      headers: { 'Retry-After': String(verdict.retryAfterSeconds) },
    });
  }
}

/** Reads a JSON body: 415 for another media type, 413 over the limit, 400 when unparsable. */
export async function readJson(ctx: RequestContext): Promise<unknown> {
  const type = (ctx.req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json' && !/^application\/[\w.+-]+\+json$/.test(type)) {
    throw new HttpProblem(415, { type: 'unsupported-media-type', detail: 'Send the body as application/json.' });
  }
  const raw = await readBody(ctx.req, MAX_JSON_BYTES);
  try {
    return JSON.parse(raw.toString('utf8')) as unknown;
  } catch {
    throw new HttpProblem(400, { type: 'malformed-json', detail: 'The body is not valid JSON.' });
  }
}

/** Everything about a submission that the schema alone cannot know. */
function checkReferences(ctx: RequestContext, body: { sector: string; programId?: string; attachments?: string[] }): void {
  const store = ctx.parts.store;
  const errors: FieldError[] = [];
  if (!store.hasTerm('sector', body.sector)) {
    errors.push({ path: 'sector', code: 'unknown_sector', message: 'Not a sector of this ecosystem' });
  }
  if (body.programId !== undefined) {
    const program = store.getProgram(body.programId, todayIn(ctx.parts.cityTimeZone, ctx.parts.now()));
    if (!program) errors.push({ path: 'programId', code: 'not_found', message: 'There is no program with this id' });
    else if (program.status !== 'open') {
      errors.push({ path: 'programId', code: 'program_not_open', message: `The program is ${program.status}, not open for ideas` });
    }
  }
  const missing = new Set(store.missingUploads(body.attachments ?? []));
  body.attachments?.forEach((id, i) => {
    if (missing.has(id)) errors.push({ path: `attachments.${i}`, code: 'not_found', message: 'There is no upload with this id' });
  });
  if (errors.length > 0) throw invalid(errors);
}

async function submitIdea(ctx: RequestContext): Promise<void> {
  const { store, now } = ctx.parts;
  const keyHeader = ctx.req.headers['idempotency-key'];
  // The draft allows any string key; API.md asks for a UUID, which also keeps keys unguessable.
  const keyText = typeof keyHeader === 'string' ? keyHeader.trim().replace(/^"(.*)"$/, '$1') : '';
  if (keyText === '') {
    throw new HttpProblem(400, {
      type: 'idempotency-key-missing',
      detail: 'POST /ideas needs an Idempotency-Key header holding a UUID.',
    });
  }
  if (!isUuid(keyText)) {
    throw new HttpProblem(400, {
      type: 'idempotency-key-invalid',
      detail: 'The Idempotency-Key header must hold one UUID: 32 hexadecimal digits in groups of 8-4-4-4-12, ' +
        'e.g. 5f0c6f2e-8a4b-4c1d-9e3f-7b2a1d0c4e59 (crypto.randomUUID() makes one). Keep it for retries of this idea.',
    });
  }
  const json = await readJson(ctx);
  const key: IdempotencyKey = {
    scope: IDEAS_SCOPE,
    key: keyText.toLowerCase(),
    fingerprint: createHash('sha256').update(canonical(json)).digest('base64url'),
  };

  maybePurgeKeys(ctx);
  const claim = store.claimIdempotencyKey(key, now(), ctx.parts.idempotencyStaleMs);
  if (claim.state === 'replay') {
    ctx.res.setHeader('Idempotent-Replayed', 'true');
    const receipt = JSON.parse(claim.body) as IdeaReceipt;
    ctx.res.setHeader('Location', `${ctx.apiBase}/ideas/${receipt.trackingCode}`);
    sendJson(ctx.req, ctx.res, receipt, { status: claim.status });
    return;
  }
  if (claim.state === 'mismatch') {
    throw new HttpProblem(422, {
      type: 'idempotency-key-reused',
      detail: 'This Idempotency-Key was already used with a different body. Use a new key for a new idea.',
    });
  }
  if (claim.state === 'in_progress') {
    throw new HttpProblem(409, {
      type: 'idempotency-request-in-progress',
      detail: 'A request with this Idempotency-Key is still being processed; retry in a moment.',
      headers: { 'Retry-After': '1' },
    });
  }

  // From here the key is ours: any refusal frees it so that a corrected retry may use it.
  let done = false;
  try {
    limit(ctx, ctx.parts.ideaLimiter);
    const body = parseOr(IdeaSubmission, json, 422);
    const createdAt = new Date(now()).toISOString();
    const receipt: IdeaReceipt = { id: recordId('idea'), trackingCode: trackingCode(), status: 'received', createdAt };
    ctx.res.setHeader('Location', `${ctx.apiBase}/ideas/${receipt.trackingCode}`);

    if (body.website !== undefined && body.website.trim() !== '') {
      // A bot filled the field people never see: it gets an answer like everyone, nothing is kept.
      sendJson(ctx.req, ctx.res, receipt, { status: 201 });
      return;
    }

    checkReferences(ctx, body);
    let phone: string | undefined;
    if (body.submitter.phone !== undefined && body.submitter.phone !== '') {
      phone = toE164(body.submitter.phone);
      if (!phone) throw invalid([{ path: 'submitter.phone', code: 'invalid_format', message: 'Not a phone number' }]);
    }
    const blankToUndefined = (s: string | undefined) => (s === undefined || s === '' ? undefined : s);
    const idea: NewIdea = {
      id: receipt.id, trackingCode: receipt.trackingCode, title: body.title, problem: body.problem,
      solution: body.solution, benefit: blankToUndefined(body.benefit), sector: body.sector,
      location: blankToUndefined(body.location),
      submitter: {
        name: body.submitter.name, email: body.submitter.email, phone, helix: body.submitter.helix,
        organization: blankToUndefined(body.submitter.organization),
      },
      attachments: body.attachments, programId: body.programId, createdAt,
    };
    const answer = JSON.stringify(receipt);
    store.createIdea(idea, { ...key, status: 201, body: answer });
    done = true;
    sendJson(ctx.req, ctx.res, receipt, { status: 201 });
  } finally {
    if (!done) store.releaseIdempotencyKey(key);
  }
}

/** Keys live at least `idempotencyKeepMs`; old ones are swept at most once an hour. */
function maybePurgeKeys(ctx: RequestContext): void {
  const now = ctx.parts.now();
  if (now - ctx.parts.housekeeping.lastPurgeMs < 3_600_000) return;
  ctx.parts.housekeeping.lastPurgeMs = now;
  ctx.parts.store.purgeIdempotencyKeys(now - ctx.parts.idempotencyKeepMs);
}

async function upload(ctx: RequestContext): Promise<void> {
  limit(ctx, ctx.parts.uploadLimiter);
  const boundary = multipartBoundary(ctx.req.headers['content-type']);
  const body = await readBody(ctx.req, MAX_UPLOAD_BYTES + 64 * 1024);
  const files = parseMultipart(body, boundary).filter((p) => p.fieldName === 'file');
  if (files.length !== 1) {
    throw invalid([{ path: 'file', code: files.length ? 'too_many' : 'required', message: 'Send exactly one part named "file"' }]);
  }
  const data = files[0]!.data;
  if (data.length > MAX_UPLOAD_BYTES) {
    throw new HttpProblem(413, { type: 'too-large', detail: `A file may be at most ${MAX_UPLOAD_BYTES} bytes.` });
  }
  if (data.length === 0) throw invalid([{ path: 'file', code: 'too_small', message: 'The file is empty' }]);
  const contentType = sniffType(data);
  if (!contentType) {
    throw new HttpProblem(415, {
      type: 'unsupported-media-type',
      detail: 'Only PNG, JPEG, WebP and PDF files are accepted (judged by their content).',
    });
  }
  const id = recordId('upl');
  ctx.parts.store.saveUpload({ id, contentType, size: data.length, createdAt: new Date(ctx.parts.now()).toISOString() }, data);
  const answer: Upload = { id, url: `${ctx.apiBase}/uploads/${id}`, contentType, size: data.length };
  ctx.res.setHeader('Location', answer.url);
  sendJson(ctx.req, ctx.res, answer, { status: 201 });
}

export function ideaRoutes(router: Router<RequestContext>): void {
  router.add('POST', '/ideas', submitIdea);

  router.add('GET', '/ideas/:code', (ctx, { code }) => {
    const normal = normaliseTrackingCode(code!);
    const found = normal ? ctx.parts.store.ideaStatus(normal) : undefined;
    if (!found) throw new HttpProblem(404, { type: 'not-found', detail: 'No idea has this tracking code.' });
    // Exactly these fields, whatever the store returns: no personal data, ever.
    const view: IdeaStatusView = {
      trackingCode: found.trackingCode, title: found.title, status: found.status,
      createdAt: found.createdAt, updatedAt: found.updatedAt,
    };
    sendJson(ctx.req, ctx.res, view, { cacheControl: 'private, no-cache' });
  });

  router.add('POST', '/uploads', upload);

  router.add('GET', '/uploads/:id', (ctx, { id }) => {
    const found = /^upl_[A-Za-z0-9_-]{16}$/.test(id!) ? ctx.parts.store.readUpload(id!) : undefined;
    if (!found) throw new HttpProblem(404, { type: 'not-found', detail: 'There is no upload with this id.' });
    const type = found.record.contentType as UploadType;
    ctx.res.setHeader('X-Content-Type-Options', 'nosniff');
    ctx.res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
    ctx.res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
    ctx.res.setHeader('Content-Disposition', type === 'application/pdf' ? `attachment; filename="${id}.pdf"` : 'inline');
    ctx.res.statusCode = 200;
    ctx.res.setHeader('Content-Type', type);
    ctx.res.setHeader('Content-Length', found.data.length);
    ctx.res.setHeader('Cache-Control', 'private, max-age=3600');
    ctx.res.end(ctx.req.method === 'HEAD' ? undefined : found.data);
  });
}
