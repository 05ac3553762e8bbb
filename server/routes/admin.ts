/**
 * Moderation: the only routes that show personal data, behind a bearer token.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { AdminIdeaPatch, AdminIdeaQuery } from '../../src/api/schemas.js';
import type { RequestContext } from '../context.js';
import { sendJson } from '../http.js';
import { HttpProblem } from '../problem.js';
import type { Router } from '../router.js';
import { parseOr } from '../validation.js';
import { readJson } from './ideas.js';

const PRIVATE = 'private, no-store';

const digest = (text: string) => createHash('sha256').update(text).digest();

/** 401 without credentials, 403 with wrong ones — and 403 for everyone while no token is set. */
function authorise(ctx: RequestContext): void {
  const header = ctx.req.headers.authorization;
  if (!header) {
    throw new HttpProblem(401, {
      type: 'unauthorized', detail: 'Send Authorization: Bearer <token>.',
      headers: { 'WWW-Authenticate': 'Bearer realm="inno-admin"' },
    });
  }
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  const expected = ctx.parts.adminToken;
  // Hashes have equal length, so the comparison takes the same time whatever was sent.
  if (!m || !expected || !timingSafeEqual(digest(m[1]!), digest(expected))) {
    throw new HttpProblem(403, {
      type: 'forbidden',
      detail: expected ? 'This token may not moderate ideas.' : 'Moderation is off: the server has no admin token set.',
    });
  }
}

export function adminRoutes(router: Router<RequestContext>): void {
  router.add('GET', '/admin/ideas', (ctx) => {
    authorise(ctx);
    const q = parseOr(AdminIdeaQuery, ctx.query, 400);
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 24;
    const result = ctx.parts.store.listIdeas({ status: q.status, offset: (page - 1) * pageSize, limit: pageSize });
    sendJson(ctx.req, ctx.res, { ...result, page, pageSize }, { cacheControl: PRIVATE });
  });

  router.add('PATCH', '/admin/ideas/:id', async (ctx, { id }) => {
    authorise(ctx);
    const patch = parseOr(AdminIdeaPatch, await readJson(ctx), 422);
    const note = patch.note === undefined || patch.note === '' ? undefined : patch.note;
    const idea = ctx.parts.store.setIdeaStatus(id!, patch.status, note, new Date(ctx.parts.now()).toISOString());
    if (!idea) throw new HttpProblem(404, { type: 'not-found', detail: 'There is no idea with this id.' });
    sendJson(ctx.req, ctx.res, idea, { cacheControl: PRIVATE });
  });

  // A sender's right to have their personal data deleted (UU 27/2022 on personal data protection).
  router.add('DELETE', '/admin/ideas/:id', (ctx, { id }) => {
    authorise(ctx);
    if (!ctx.parts.store.eraseIdea(id!)) throw new HttpProblem(404, { type: 'not-found', detail: 'There is no idea with this id.' });
    ctx.res.statusCode = 204;
    ctx.res.setHeader('Cache-Control', PRIVATE);
    ctx.res.end();
  });
}
