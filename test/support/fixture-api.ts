/**
 * A small real HTTP handler for the client's own tests: behaviours the reference server
 * must never show (invalid data, dropped connections, slow answers) on demand, by path:
 *
 *   /fixture/<scenario>/api/v1/<resource>
 *
 * `status-<code>` answers every request with that error status as problem+json, and
 * `status-<code>-after-<seconds>` adds a `Retry-After`; `reset` drops every connection.
 *
 * It records every request so that tests can check what the client actually sent.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

interface Seen {
  method: string;
  path: string;
  idempotencyKey: string | undefined;
  ifNoneMatch: string | undefined;
  accept: string | undefined;
  contentType: string | undefined;
  cookie: string | undefined;
  /** The body of a POST. */
  body: string | undefined;
  dropped: boolean;
}

const seen: Seen[] = [];
const droppedKeys = new Map<string, number>();

const taxonomy = {
  sectors: [{ id: 'layanan-publik', label: { id: 'Layanan Publik', en: 'Public services' }, color: '#1f5fbf' }],
  eventCategories: [{ id: 'forum', label: { id: 'Forum', en: 'Forum' } }],
  helixes: [{ id: 'government', label: { id: 'Pemerintah', en: 'Government' } }],
};

const summary = (id: string, title: string) => ({
  id, title, summary: 'Ringkasan', sector: 'layanan-publik', stage: 'trial', type: 'digital', year: 2024,
  owner: { id: 'pemkot', name: 'Pemkot', helix: 'government' },
});

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(text);
}

function problem(res: ServerResponse, status: number, title: string, extra: object = {}, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/problem+json', ...headers });
  res.end(JSON.stringify({ type: 'about:blank', title, status, ...extra }));
}

async function readBody(req: IncomingMessage): Promise<string> {
  let body = '';
  for await (const chunk of req) body += String(chunk);
  return body;
}

export async function fixtureApi(req: IncomingMessage, res: ServerResponse, next: () => void): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://fixture');
  if (!url.pathname.startsWith('/fixture/')) return next();
  if (url.pathname === '/fixture/seen') return send(res, 200, seen);
  if (url.pathname === '/fixture/reset') {
    seen.length = 0;
    droppedKeys.clear();
    return send(res, 200, { ok: true });
  }
  const match = /^\/fixture\/([a-z0-9-]+)\/api\/v1\/(.*)$/.exec(url.pathname);
  if (!match) return send(res, 404, { error: 'no such fixture' });
  const [, scenario, resource] = match as unknown as [string, string, string];
  const key = req.headers['idempotency-key'] as string | undefined;
  const entry: Seen = {
    method: req.method ?? 'GET', path: `/${resource}${url.search}`, idempotencyKey: key,
    ifNoneMatch: req.headers['if-none-match'], accept: req.headers.accept, contentType: req.headers['content-type'],
    cookie: req.headers.cookie, body: undefined, dropped: false,
  };
  seen.push(entry);
  if (req.method === 'POST') entry.body = await readBody(req);

  const status = /^status-(\d{3})(?:-after-(\d+))?$/.exec(scenario);
  if (status) return problem(res, Number(status[1]), `Status ${status[1]}`, {}, status[2] ? { 'retry-after': status[2] } : {});
  if (scenario === 'reset') {
    entry.dropped = true;
    req.socket.destroy();
    return;
  }

  if (scenario === 'slow') await new Promise((r) => setTimeout(r, Number(url.searchParams.get('delay') ?? 1500)));

  if (scenario === 'bad') {
    if (resource === 'taxonomy') return send(res, 200, { sectors: 'not a list', eventCategories: [], helixes: [] });
    if (resource === 'innovations/x') return send(res, 200, { ...summary('x', 'Judul'), image: { url: 'javascript:alert(1)', alt: '' } });
    return send(res, 200, 'nonsense');
  }
  if (scenario === 'problem') {
    if (resource === 'ideas') {
      return problem(res, 422, 'Invalid idea', {
        errors: [{ path: 'submitter.email', code: 'invalid_format', message: 'Invalid email' }],
      });
    }
    if (resource === 'ideas/limited') return problem(res, 429, 'Too many requests', {}, { 'retry-after': '120' });
    return problem(res, 404, 'Not found', { detail: `No ${resource}` });
  }
  // scenario "ok" (and "slow")
  if (resource === 'taxonomy') {
    const etag = '"tax-1"';
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag, 'cache-control': 'no-cache' });
      return void res.end();
    }
    return send(res, 200, taxonomy, { etag, 'cache-control': 'no-cache' });
  }
  if (resource === 'innovations') {
    return send(res, 200, {
      items: [summary('a', 'Satu'), { ...summary('b', 'Dua'), stage: 'flying' }, summary('c', 'Tiga')],
      total: 3, page: 1, pageSize: 24,
    });
  }
  if (resource === 'ideas' && req.method === 'POST') {
    // The first three attempts of every key lose their connection before any answer.
    // Chromium itself silently resends a request once when a reused keep-alive connection
    // closes, so at least one of these drops always reaches the client, which must retry.
    if (key && (droppedKeys.get(key) ?? 0) < 3) {
      droppedKeys.set(key, (droppedKeys.get(key) ?? 0) + 1);
      entry.dropped = true;
      req.socket.destroy();
      return;
    }
    return send(res, 201, { id: 'idea-1', trackingCode: 'K7QM-4XRT', status: 'received', createdAt: '2026-11-27T09:00:00+07:00' });
  }
  return problem(res, 404, 'Not found');
}
