/**
 * CORS allowlist, admin authentication and moderation, and what a 500 looks like.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApiHandler } from '../../server/handler.js';
import { admin, postIdea, problemOf, startApi, validIdea, type RunningApi } from './helpers.js';

const CITY = 'https://inovasi.kota.example';
let api: RunningApi;
before(async () => { api = await startApi({ allowedOrigins: `${CITY}, http://localhost:8000` }); });
after(async () => { await api.close(); });

describe('CORS', () => {
  const get = (origin: string) => fetch(`${api.base}/taxonomy`, { headers: { Origin: origin } });

  test('an allowed origin is echoed, with Vary: Origin', async () => {
    for (const origin of [CITY, 'http://localhost:8000', api.origin]) {
      const res = await get(origin);
      assert.equal(res.headers.get('access-control-allow-origin'), origin);
      assert.match(res.headers.get('vary') ?? '', /Origin/);
      assert.match(res.headers.get('access-control-expose-headers') ?? '', /ETag/);
    }
  });

  test('evil, null and look-alike origins get no CORS headers', async () => {
    for (const origin of [
      'https://evil.example', 'null', `${CITY}.evil.example`, 'https://evilinovasi.kota.example', 'http://inovasi.kota.example',
      'https://inovasi.kota.example:8443', `${CITY}/`, 'https://inovasi.kota.example@evil.example',
      'http://localhost:8001',
    ]) {
      const res = await get(origin);
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('access-control-allow-origin'), null, origin);
      assert.match(res.headers.get('vary') ?? '', /Origin/);
    }
  });

  test('preflight from an allowed origin allows Idempotency-Key, POST and PATCH', async () => {
    const res = await fetch(`${api.base}/ideas`, {
      method: 'OPTIONS',
      headers: { Origin: CITY, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type,idempotency-key' },
    });
    assert.equal(res.status, 204);
    assert.equal(res.headers.get('access-control-allow-origin'), CITY);
    assert.match(res.headers.get('access-control-allow-headers') ?? '', /Idempotency-Key/i);
    assert.match(res.headers.get('access-control-allow-methods') ?? '', /POST/);
    assert.match(res.headers.get('access-control-allow-methods') ?? '', /PATCH/);
  });

  test('preflight and writes from a refused origin are 403', async () => {
    const preflight = await fetch(`${api.base}/ideas`, {
      method: 'OPTIONS', headers: { Origin: 'null', 'Access-Control-Request-Method': 'POST' },
    });
    assert.equal(preflight.status, 403);
    assert.equal(preflight.headers.get('access-control-allow-origin'), null);
    const write = await postIdea(api.base, validIdea(), randomUUID(), { Origin: 'https://evil.example' });
    assert.equal(write.status, 403);
    assert.equal((await problemOf(write)).status, 403);
    const own = await postIdea(api.base, validIdea(), randomUUID(), { Origin: api.origin });
    assert.equal(own.status, 201);
  });
});

describe('admin', () => {
  test('401 without a token, 403 with a wrong one', async () => {
    for (const [path, init] of [['/admin/ideas', {}], ['/admin/ideas/idea_demo01', { method: 'PATCH', body: '{"status":"accepted"}', headers: { 'Content-Type': 'application/json' } }]] as const) {
      const none = await fetch(`${api.base}${path}`, init);
      assert.equal(none.status, 401, path);
      assert.match(none.headers.get('www-authenticate') ?? '', /Bearer/);
      assert.equal((await problemOf(none)).status, 401);
      const wrong = await fetch(`${api.base}${path}`, { ...init, headers: { ...(init as { headers?: Record<string, string> }).headers, Authorization: 'Bearer wrong-token' } });
      assert.equal(wrong.status, 403, path);
      const basic = await fetch(`${api.base}${path}`, { ...init, headers: { ...(init as { headers?: Record<string, string> }).headers, Authorization: `Basic ${api.api.adminToken}` } });
      assert.equal(basic.status, 403, path);
    }
  });

  test('with no token configured, admin routes refuse everyone', async () => {
    const store = api.api.store;
    const handler = createApiHandler({ store });
    const server = createServer((req, res) => handler(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`;
      for (const auth of ['Bearer ', 'Bearer undefined', 'Bearer test-admin-token']) {
        const res = await fetch(`${base}/admin/ideas`, { headers: { Authorization: auth } });
        assert.equal(res.status, 403, auth);
      }
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  test('moderators see personal data, filter by status, and page', async () => {
    const res = await admin(api, '/admin/ideas?status=accepted&pageSize=1');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('cache-control'), 'private, no-store');
    const page = (await res.json()) as { items: { status: string; submitter: { email: string } }[]; total: number; page: number; pageSize: number };
    assert.equal(page.pageSize, 1);
    assert.equal(page.items.length, 1);
    assert.ok(page.total >= 2);
    assert.equal(page.items[0]!.status, 'accepted');
    assert.match(page.items[0]!.submitter.email, /@/);
    assert.equal((await admin(api, '/admin/ideas?status=maybe')).status, 400);
  });

  test('PATCH changes the status and records it with time and note', async () => {
    const created = (await (await postIdea(api.base, validIdea())).json()) as { id: string; trackingCode: string };
    const patch = (body: unknown) => admin(api, `/admin/ideas/${created.id}`, {
      method: 'PATCH', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
    });
    const res = await patch({ status: 'under_review', note: 'Ditelaah tim transportasi.' });
    assert.equal(res.status, 200);
    const idea = (await res.json()) as { status: string; history: { status: string; note?: string; at: string }[] };
    assert.equal(idea.status, 'under_review');
    assert.deepEqual(idea.history.map((h) => h.status), ['received', 'under_review']);
    assert.equal(idea.history[1]!.note, 'Ditelaah tim transportasi.');
    assert.ok(!Number.isNaN(Date.parse(idea.history[1]!.at)));
    const accepted = (await (await patch({ status: 'accepted' })).json()) as { history: { status: string }[] };
    assert.equal(accepted.history.length, 3);
    const view = (await (await fetch(`${api.base}/ideas/${created.trackingCode}`)).json()) as { status: string };
    assert.equal(view.status, 'accepted');

    assert.equal((await patch({ status: 'done' })).status, 422);
    const unknown = await patch({ status: 'accepted', approvedBy: 'me' });
    assert.equal(unknown.status, 422);
    assert.equal((await problemOf(unknown)).errors?.[0]?.path, 'approvedBy');
    assert.equal((await admin(api, '/admin/ideas/idea_nope', {
      method: 'PATCH', headers: { 'Content-Type': 'application/json' }, body: '{"status":"accepted"}',
    })).status, 404);
  });
});

describe('server errors', () => {
  test('a 500 is a problem with a request id, no stack trace and no SQL', async () => {
    const logged: string[] = [];
    const store = new Proxy(api.api.store, {
      get(target, key, receiver) {
        if (key === 'listInnovations') {
          return () => { throw new Error('SQLITE_CORRUPT: SELECT * FROM innovations WHERE secret = 1'); };
        }
        const value = Reflect.get(target, key, receiver) as unknown;
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
    const handler = createApiHandler({ store, logError: (id) => logged.push(id) });
    const server = createServer((req, res) => handler(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/innovations`);
      assert.equal(res.status, 500);
      const text = await res.text();
      const problem = JSON.parse(text) as { status: number; requestId: string; detail: string };
      assert.equal(problem.status, 500);
      assert.equal(res.headers.get('x-request-id'), problem.requestId);
      assert.deepEqual(logged, [problem.requestId]);
      assert.ok(problem.detail.includes(problem.requestId));
      assert.doesNotMatch(text, /SELECT|SQLITE|at .*\.ts|Error:/);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  test('every answer, good or bad, carries a request id', async () => {
    for (const path of ['/taxonomy', '/nope']) {
      assert.match((await fetch(`${api.base}${path}`)).headers.get('x-request-id') ?? '', /^[0-9a-f]{12}$/);
    }
  });
});
