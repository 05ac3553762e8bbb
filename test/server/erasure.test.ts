/**
 * DELETE /admin/ideas/{id}: a sender's idea erased on request, with its history and its
 * uploads (files too), recorded outside the database; the stored idempotent answer (no
 * personal data) stays so that its key stays used up. On a real SQLite file.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { admin, allAdminIdeas, postIdea, problemOf, startApi, uploadPng, validIdea, type RunningApi } from './helpers.js';

const CITY = 'https://inovasi.kota.example';

const logged: string[] = [];
let api: RunningApi;
before(async () => {
  api = await startApi({ allowedOrigins: CITY, logError: (_id, error) => { logged.push(String(error)); } });
});
after(async () => { await api.close(); });

const uploadDir = () => join(dirname(api.api.store.db.name), 'uploads');

const upload = () => uploadPng(api.base);

async function submit(body: Record<string, unknown>, key = randomUUID()): Promise<{ id: string; trackingCode: string }> {
  const res = await postIdea(api.base, body, key);
  assert.equal(res.status, 201);
  return (await res.json()) as { id: string; trackingCode: string };
}

const erase = (id: string, headers?: Record<string, string>) =>
  headers ? fetch(`${api.base}/admin/ideas/${id}`, { method: 'DELETE', headers }) : admin(api, `/admin/ideas/${id}`, { method: 'DELETE' });

const count = (sql: string, ...params: unknown[]) => (api.api.store.db.prepare(sql).get(...params) as { n: number }).n;

describe('erasing an idea', () => {
  test('removes the idea, its history, its uploads and files, and records the erasure', async () => {
    const files = [await upload(), await upload()];
    const key = randomUUID();
    const email = `dihapus.${randomUUID()}@example.com`;
    const body = validIdea({ attachments: files, submitter: { name: 'Sari Wulandari', email, helix: 'community' } });
    const idea = await submit(body, key);
    const review = await admin(api, `/admin/ideas/${idea.id}`, {
      method: 'PATCH', headers: { 'Content-Type': 'application/json' }, body: '{"status":"under_review","note":"Dicek"}',
    });
    assert.equal(review.status, 200);
    for (const file of files) assert.ok(existsSync(join(uploadDir(), `${file}.bin`)));
    assert.equal(count('SELECT count(*) AS n FROM idea_history WHERE idea_id = ?', idea.id), 2);

    const res = await erase(idea.id);
    assert.equal(res.status, 204);
    assert.equal(await res.text(), '');
    assert.equal(res.headers.get('cache-control'), 'private, no-store');

    assert.equal((await fetch(`${api.base}/ideas/${idea.trackingCode}`)).status, 404);
    const listed = await allAdminIdeas(api.base, api.api.adminToken);
    assert.ok(!listed.some((i) => i.id === idea.id), 'gone from the moderation list');
    assert.ok(listed.some((i) => i.id === 'idea_demo01'), 'other ideas stay');
    for (const file of files) {
      assert.equal((await fetch(`${api.base}/uploads/${file}`)).status, 404);
      assert.equal(existsSync(join(uploadDir(), `${file}.bin`)), false, `${file} is deleted from disk`);
    }
    assert.equal(count('SELECT count(*) AS n FROM idea_history WHERE idea_id = ?', idea.id), 0);
    assert.equal(count('SELECT count(*) AS n FROM ideas WHERE id = ?', idea.id), 0);

    // The erasure record beside the database names the idea, and nothing personal.
    const record = readFileSync(api.api.store.erasureRecord, 'utf8');
    const entry = record.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>).find((e) => e.id === idea.id);
    assert.deepEqual(Object.keys(entry ?? {}).sort(), ['at', 'id', 'trackingCode']);
    assert.equal(entry?.trackingCode, idea.trackingCode);
    for (const personal of [email, 'Sari Wulandari', 'Wulandari']) assert.equal(record.includes(personal), false, personal);

    // The stored answer stays, and holds the receipt and a hash of the request only.
    const stored = api.api.store.db.prepare(`SELECT fingerprint, response_body FROM idempotency_keys WHERE key = ?`)
      .get(key) as { fingerprint: string; response_body: string };
    assert.deepEqual(Object.keys(JSON.parse(stored.response_body) as object).sort(), ['createdAt', 'id', 'status', 'trackingCode']);
    assert.match(stored.fingerprint, /^[A-Za-z0-9_-]{43}$/);
    for (const personal of [email, 'Wulandari']) {
      assert.equal(`${stored.fingerprint}${stored.response_body}`.includes(personal), false, personal);
    }

    // The same key and body replay the first answer and store nothing: a retry that arrives
    // after the erasure (a form resent from a cached page) must not bring the sender's name
    // and e-mail back. The key stays used up until keys are swept, as any other key.
    const ideasBefore = count('SELECT count(*) AS n FROM ideas');
    const again = await postIdea(api.base, body, key);
    assert.equal(again.status, 201);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(await again.json(), JSON.parse(stored.response_body));
    assert.equal(count('SELECT count(*) AS n FROM ideas'), ideasBefore);
    assert.equal(count('SELECT count(*) AS n FROM ideas WHERE submitter_email = ?', email), 0);
    assert.equal((await fetch(`${api.base}/ideas/${idea.trackingCode}`)).status, 404);
  });

  test('the erased text is overwritten in the database file and its WAL, not left in a free page', async () => {
    const email = `hapus.saya.${randomUUID()}@example.com`;
    const idea = await submit(validIdea({ submitter: { name: 'Sari Wulandari', email, helix: 'community' } }));
    const db = api.api.store.db;
    db.pragma('wal_checkpoint(TRUNCATE)');
    assert.ok(readFileSync(db.name).includes(email), 'the idea is in the file before');
    // Written again, so that the WAL holds a frame with it too.
    assert.equal((await admin(api, `/admin/ideas/${idea.id}`, {
      method: 'PATCH', headers: { 'Content-Type': 'application/json' }, body: '{"status":"under_review"}',
    })).status, 200);
    assert.ok(readFileSync(`${db.name}-wal`).includes(email), 'the WAL holds the idea before');
    assert.equal((await erase(idea.id)).status, 204);
    assert.equal(readFileSync(db.name).includes(email), false);
    assert.equal(readFileSync(`${db.name}-wal`).includes(email), false);
  });

  test('while a backup reads, the WAL keeps the text until a later checkpoint empties it', async () => {
    const email = `nanti.dihapus.${randomUUID()}@example.com`;
    const idea = await submit(validIdea({ submitter: { name: 'Budi Santoso', email, helix: 'business' } }));
    const store = api.api.store;
    // A reader in the middle of a read, as `npm run backup` is while it copies.
    const reader = new Database(store.db.name, { readonly: true });
    try {
      reader.exec('BEGIN');
      reader.prepare('SELECT count(*) FROM ideas').get();
      assert.equal((await erase(idea.id)).status, 204);
      assert.ok(readFileSync(`${store.db.name}-wal`).includes(email), 'the checkpoint could not run past the reader');
      assert.equal(store.checkpoint(), false);
      reader.exec('COMMIT');
    } finally {
      reader.close();
    }
    // What the server's hourly checkpoint does.
    assert.equal(store.checkpoint(), true);
    assert.equal(readFileSync(`${store.db.name}-wal`).includes(email), false);
    assert.equal(readFileSync(store.db.name).includes(email), false);
  });

  test('an upload another idea also names stays with that idea', async () => {
    const shared = await upload();
    const own = await upload();
    const erased = await submit(validIdea({ attachments: [shared, own] }));
    const kept = await submit(validIdea({ attachments: [shared] }));
    assert.equal((await erase(erased.id)).status, 204);
    assert.equal((await fetch(`${api.base}/uploads/${own}`)).status, 404);
    assert.equal((await fetch(`${api.base}/uploads/${shared}`)).status, 200);
    assert.ok(existsSync(join(uploadDir(), `${shared}.bin`)));
    assert.equal((await fetch(`${api.base}/ideas/${kept.trackingCode}`)).status, 200);
  });

  test('a demo idea without uploads can be erased too', async () => {
    assert.equal((await erase('idea_demo02')).status, 204);
    assert.equal(count('SELECT count(*) AS n FROM ideas WHERE id = ?', 'idea_demo02'), 0);
  });

  test('401 without a token, 403 with a wrong one; the idea stays', async () => {
    const idea = await submit(validIdea());
    const none = await erase(idea.id, {});
    assert.equal(none.status, 401);
    assert.match(none.headers.get('www-authenticate') ?? '', /Bearer/);
    assert.equal((await problemOf(none)).type, 'urn:inno-widgets:problem:unauthorized');
    const wrong = await erase(idea.id, { Authorization: 'Bearer not-the-token' });
    assert.equal(wrong.status, 403);
    assert.equal((await problemOf(wrong)).type, 'urn:inno-widgets:problem:forbidden');
    assert.equal((await fetch(`${api.base}/ideas/${idea.trackingCode}`)).status, 200);
  });

  test('an unknown id, or one already erased, is a 404 problem', async () => {
    const unknown = await erase('idea_nope');
    assert.equal(unknown.status, 404);
    assert.equal((await problemOf(unknown)).type, 'urn:inno-widgets:problem:not-found');
    const idea = await submit(validIdea());
    assert.equal((await erase(idea.id)).status, 204);
    assert.equal((await erase(idea.id)).status, 404);
    const patch = await admin(api, `/admin/ideas/${idea.id}`, {
      method: 'PATCH', headers: { 'Content-Type': 'application/json' }, body: '{"status":"accepted"}',
    });
    assert.equal(patch.status, 404);
  });

  test('a failure inside the transaction leaves the idea whole', async () => {
    const file = await upload();
    const idea = await submit(validIdea({ attachments: [file] }));
    // The last statement of the erasure fails, after the idea and history rows went.
    api.api.store.db.exec(`CREATE TRIGGER refuse_upload_delete BEFORE DELETE ON uploads
      BEGIN SELECT RAISE(ABORT, 'disk trouble'); END`);
    try {
      const res = await erase(idea.id);
      assert.equal(res.status, 500);
      assert.match(logged.at(-1) ?? '', /disk trouble/);
    } finally {
      api.api.store.db.exec('DROP TRIGGER refuse_upload_delete');
    }
    assert.equal((await fetch(`${api.base}/ideas/${idea.trackingCode}`)).status, 200);
    assert.equal(count('SELECT count(*) AS n FROM idea_history WHERE idea_id = ?', idea.id), 1);
    assert.equal((await fetch(`${api.base}/uploads/${file}`)).status, 200);
    const record = api.api.store.erasureRecord;
    assert.equal(existsSync(record) && readFileSync(record, 'utf8').includes(idea.id), false, 'not recorded as erased');
    assert.equal((await erase(idea.id)).status, 204);
  });

  test('a file that cannot be removed is a 500 naming it in the log; the database part stands', async () => {
    const file = await upload();
    const idea = await submit(validIdea({ attachments: [file] }));
    // Something else now sits where the file was: a folder with content, which rm refuses.
    const path = join(uploadDir(), `${file}.bin`);
    rmSync(path);
    mkdirSync(path);
    writeFileSync(join(path, 'inside'), 'x');
    try {
      const res = await erase(idea.id);
      assert.equal(res.status, 500);
      assert.match((await problemOf(res)).detail ?? '', /request id/);
      assert.ok(logged.at(-1)?.includes(path), logged.at(-1));
      assert.equal((await fetch(`${api.base}/ideas/${idea.trackingCode}`)).status, 404);
      assert.equal(count('SELECT count(*) AS n FROM uploads WHERE id = ?', file), 0);
    } finally {
      rmSync(path, { recursive: true, force: true });
    }
  });

  test('a record that cannot be appended to is a 500 naming it and the line to add; the database part stands', async () => {
    const idea = await submit(validIdea());
    const record = api.api.store.erasureRecord;
    const kept = existsSync(record) ? readFileSync(record) : undefined;
    rmSync(record, { force: true });
    mkdirSync(record);
    try {
      const res = await erase(idea.id);
      assert.equal(res.status, 500);
      assert.ok(logged.at(-1)?.includes(`the erasure record ${record} could not be appended to`), logged.at(-1));
      assert.ok(logged.at(-1)?.includes(`"id":"${idea.id}","trackingCode":"${idea.trackingCode}"`), logged.at(-1));
      assert.equal((await fetch(`${api.base}/ideas/${idea.trackingCode}`)).status, 404);
    } finally {
      rmSync(record, { recursive: true, force: true });
      if (kept) writeFileSync(record, kept);
    }
  });

  test('the OpenAPI document describes the erasure', async () => {
    const doc = (await (await fetch(`${api.base}/openapi.json`)).json()) as
      { paths: Record<string, Record<string, { security?: unknown[]; responses: Record<string, unknown> }>> };
    const operation = doc.paths['/admin/ideas/{id}']?.delete;
    assert.ok(operation, 'DELETE /admin/ideas/{id} is in the document');
    assert.deepEqual(Object.keys(operation.responses).sort(), ['204', '401', '403', '404']);
    assert.deepEqual(operation.security, [{ bearerAuth: [] }]);
  });

  test('a moderation page on an allowed origin may send DELETE (preflight)', async () => {
    const res = await fetch(`${api.base}/admin/ideas/idea_demo03`, {
      method: 'OPTIONS',
      headers: { Origin: CITY, 'Access-Control-Request-Method': 'DELETE', 'Access-Control-Request-Headers': 'authorization' },
    });
    assert.equal(res.status, 204);
    assert.equal(res.headers.get('access-control-allow-origin'), CITY);
    assert.match(res.headers.get('access-control-allow-methods') ?? '', /\bDELETE\b/);
    assert.match(res.headers.get('allow') ?? '', /\bDELETE\b/);
  });
});
