/**
 * Running the server for a city: configuration checked at start, reverse proxies, request
 * logs and graceful shutdown, upload limits and clean-up. Each test starts the real CLI
 * (`server/main.ts`) on a real SQLite file.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { seedDemo } from '../../server/seed.js';
import { SqliteStore } from '../../server/sqlite-store.js';
import { exitOf, PNG, postIdea, runTool, startMain, validIdea } from './helpers.js';

let folder: string;
before(() => { folder = mkdtempSync(join(tmpdir(), 'inno-ops-')); });
after(() => rmSync(folder, { recursive: true, force: true }));

function uploadBody(data: Buffer): { body: Buffer; contentType: string } {
  const boundary = `----inno${randomUUID()}`;
  return {
    contentType: `multipart/form-data; boundary=${boundary}`,
    body: Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n`),
      data,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  };
}

function postUpload(origin: string, headers: Record<string, string> = {}): Promise<Response> {
  const form = new FormData();
  form.append('file', new Blob([PNG], { type: 'image/png' }), 'photo.png');
  return fetch(`${origin}/api/v1/uploads`, { method: 'POST', headers, body: form });
}

/** A valid idea sent to the server at `origin`, with these extra headers. */
function sendIdea(origin: string, headers: Record<string, string> = {}): Promise<Response> {
  return postIdea(`${origin}/api/v1`, validIdea(), randomUUID(), headers);
}

async function statuses(count: number, send: () => Promise<Response>): Promise<number[]> {
  const out: number[] = [];
  for (let n = 0; n < count; n++) {
    const res = await send();
    await res.arrayBuffer();
    out.push(res.status);
  }
  return out;
}

test('configuration: each bad value is named, and the server does not start (exit code 1)', { timeout: 60_000 }, () => {
  const db = join(folder, 'never.sqlite');
  const run = runTool('main.ts', [], {
    INNO_DB: db, PORT: '80808', INNO_ALLOWED_ORIGINS: 'https://portal.example.go.id, kampus.example.ac.id, https://x/path',
    INNO_RATE_LIMIT: '0', INNO_TRUST_PROXY: 'yes', INNO_DEMO: 'maybe', INNO_PUBLIC_URL: 'portal.example.go.id',
  });
  assert.equal(run.status, 1);
  const problems = run.stderr.split('\n').filter((line) => line.startsWith('  - '));
  assert.equal(problems.length, 7, run.stderr);
  assert.match(run.stderr, /PORT="80808" is not a port number/);
  assert.match(run.stderr, /"kampus\.example\.ac\.id" is not an origin \(did you mean https:\/\/kampus\.example\.ac\.id\?\)/);
  assert.match(run.stderr, /"https:\/\/x\/path" is not an origin/);
  assert.match(run.stderr, /INNO_RATE_LIMIT="0" is not a limit/);
  assert.match(run.stderr, /INNO_TRUST_PROXY="yes"/);
  assert.match(run.stderr, /INNO_DEMO="maybe"/);
  assert.match(run.stderr, /INNO_PUBLIC_URL="portal\.example\.go\.id" is not a URL/);
  assert.equal(run.stdout, '');
  assert.equal(existsSync(db), false, 'nothing is created before the configuration is right');

  const weak = runTool('main.ts', [], { INNO_DB: db, INNO_ADMIN_TOKEN: 'admin' });
  assert.equal(weak.status, 1);
  assert.match(weak.stderr, /INNO_ADMIN_TOKEN is too weak: it must be at least 32 characters/);

  const words = runTool('main.ts', [], { INNO_DB: db, PORT: 'eighty', INNO_RATE_LIMIT: 'ten' });
  assert.equal(words.status, 1);
  assert.match(words.stderr, /PORT="eighty"/);
  assert.match(words.stderr, /INNO_RATE_LIMIT="ten"/);
});

test('a port already in use is said plainly, with exit code 1', { timeout: 60_000 }, async () => {
  const first = await startMain({ INNO_DB: join(folder, 'port.sqlite') });
  try {
    const port = new URL(first.origin).port;
    const second = runTool('main.ts', [], { INNO_DB: join(folder, 'port2.sqlite'), PORT: port });
    assert.equal(second.status, 1);
    assert.match(second.stderr, new RegExp(`cannot listen on 127\\.0\\.0\\.1:${port}.*port ${port} is taken`));
  } finally {
    first.child.kill('SIGTERM');
    await exitOf(first.child);
  }
});

test('X-Forwarded-For is ignored by default: a client cannot pick its own rate-limit bucket', { timeout: 60_000 }, async () => {
  const server = await startMain({ INNO_DB: join(folder, 'direct.sqlite'), INNO_RATE_LIMIT: '2' });
  try {
    const codes = await statuses(3, () => sendIdea(server.origin, { 'X-Forwarded-For': `198.51.100.${Math.floor(Math.random() * 200)}` }));
    assert.deepEqual(codes, [201, 201, 429]);
  } finally {
    server.child.kill('SIGTERM');
    await exitOf(server.child);
  }
});

test('INNO_TRUST_PROXY=1: each client behind the proxy has its own bucket; the client-written part is not believed', { timeout: 60_000 }, async () => {
  const server = await startMain({
    INNO_DB: join(folder, 'proxied.sqlite'), INNO_RATE_LIMIT: '2', INNO_TRUST_PROXY: '1',
    INNO_PUBLIC_URL: 'https://portal.example.go.id/inovasi/',
  });
  try {
    const alice = { 'X-Forwarded-For': '203.0.113.10' };
    const bob = { 'X-Forwarded-For': '203.0.113.20' };
    assert.deepEqual(await statuses(3, () => sendIdea(server.origin, alice)), [201, 201, 429]);
    assert.deepEqual(await statuses(2, () => sendIdea(server.origin, bob)), [201, 201]);
    // Alice adds a made-up address in front; the proxy appends the one it saw.
    const spoofed = await sendIdea(server.origin, { 'X-Forwarded-For': '192.0.2.99, 203.0.113.10' });
    assert.equal(spoofed.status, 429);
    // Uploads count three times the idea limit, per client too.
    assert.deepEqual(await statuses(7, () => postUpload(server.origin, { 'X-Forwarded-For': '203.0.113.30' })),
      [201, 201, 201, 201, 201, 201, 429]);

    // Absolute URLs carry the public address and its path prefix, whatever X-Forwarded-Host says.
    const carol = await sendIdea(server.origin, {
      'X-Forwarded-For': '203.0.113.40', 'X-Forwarded-Host': 'other.example', 'X-Forwarded-Proto': 'http',
    });
    assert.equal(carol.status, 201);
    const { trackingCode } = (await carol.json()) as { trackingCode: string };
    assert.equal(carol.headers.get('location'), `https://portal.example.go.id/inovasi/api/v1/ideas/${trackingCode}`);
    const innovation = (await (await fetch(`${server.origin}/api/v1/innovations?pageSize=1`)).json()) as
      { items: { image?: { url: string } }[] };
    assert.match(innovation.items[0]!.image!.url, /^https:\/\/portal\.example\.go\.id\/inovasi\/api\/v1\/images\//);
    const openapi = (await (await fetch(`${server.origin}/api/v1/openapi.json`)).json()) as { servers: { url: string }[] };
    assert.deepEqual(openapi.servers, [{ url: '/inovasi/api/v1' }]);
  } finally {
    server.child.kill('SIGTERM');
    await exitOf(server.child);
  }
});

test('one log line per request on stdout, without query, codes or addresses; SIGTERM lets a request finish', { timeout: 60_000 }, async () => {
  const server = await startMain({ INNO_DB: join(folder, 'logs.sqlite') });
  let stdout = '';
  let stderr = '';
  server.child.stdout!.on('data', (chunk: Buffer) => { stdout += chunk.toString(); });
  server.child.stderr!.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });

  await (await fetch(`${server.origin}/api/v1/innovations?q=rahasia-warga&pageSize=2`)).arrayBuffer();
  const idea = await sendIdea(server.origin);
  const { trackingCode } = (await idea.json()) as { trackingCode: string };
  await (await fetch(`${server.origin}/api/v1/ideas/${trackingCode}`)).arrayBuffer();
  await (await fetch(`${server.origin}/api/v1/no-such-thing`)).arrayBuffer();

  // An upload still arriving when SIGTERM comes is answered before the server stops.
  const { body, contentType } = uploadBody(PNG);
  const port = Number(new URL(server.origin).port);
  const inFlight = new Promise<number>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/api/v1/uploads', method: 'POST',
      headers: { 'Content-Type': contentType, 'Content-Length': body.length } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.write(body.subarray(0, 20));
    setTimeout(() => {
      server.child.kill('SIGTERM');
      setTimeout(() => req.end(body.subarray(20)), 300);
    }, 200);
  });
  assert.equal(await inFlight, 201);
  assert.equal(await exitOf(server.child), 0);

  const requestLines = stdout.split('\n').filter((line) => /^\d{4}-\d\d-\d\dT[\d:.]+Z (GET|POST) /.test(line));
  assert.equal(requestLines.length, 5, stdout);
  for (const line of requestLines) assert.match(line, /^\S+ (GET|POST) \/\S* (\d{3}) \d+\.\dms$/);
  assert.match(requestLines[0]!, / GET \/api\/v1\/innovations 200 /);
  assert.match(requestLines[1]!, / POST \/api\/v1\/ideas 201 /);
  assert.match(requestLines[2]!, / GET \/api\/v1\/ideas\/… 200 /);
  assert.match(requestLines[3]!, / GET \/api\/v1\/no-such-thing 404 /);
  assert.match(requestLines[4]!, / POST \/api\/v1\/uploads 201 /);
  assert.doesNotMatch(stdout, /rahasia-warga|Budi|budi\.santoso/);
  assert.ok(!stdout.includes(trackingCode), 'tracking codes are not logged');
  assert.ok(!requestLines.some((line) => line.includes('127.0.0.1')), 'addresses are not logged');
  assert.match(stdout, /SIGTERM: stopping/);
  assert.match(stdout, /stopped; database closed/);
  assert.equal(stderr, '');
});

test('uploads never attached to an idea are removed after a day; attached and recent ones stay', { timeout: 60_000 }, async () => {
  // A folder of its own: uploads/ sits beside the database, and other tests upload too.
  const dbFile = join(folder, 'sweep', 'inno.sqlite');
  const store = new SqliteStore({ file: dbFile });
  seedDemo(store);
  const day = 86_400_000;
  const old = new Date(Date.now() - 2 * day).toISOString();
  store.saveUpload({ id: 'upl_forgotten0000000', contentType: 'image/png', size: PNG.length, createdAt: old }, PNG);
  store.saveUpload({ id: 'upl_attached00000000', contentType: 'image/png', size: PNG.length, createdAt: old }, PNG);
  store.saveUpload({ id: 'upl_recent0000000000', contentType: 'image/png', size: PNG.length, createdAt: new Date().toISOString() }, PNG);
  store.createIdea({
    id: 'idea_with_file', trackingCode: 'AAAA-BBBB-CCCC', title: 'Halte pintar', problem: 'p', solution: 's',
    sector: 'transport', submitter: { name: 'Budi', email: 'budi@example.com', helix: 'community' },
    attachments: ['upl_attached00000000'], createdAt: old,
  }, undefined);
  store.close();

  // The server sweeps when it starts (and every hour after).
  const server = await startMain({ INNO_DB: dbFile });
  try {
    assert.equal((await fetch(`${server.origin}/api/v1/uploads/upl_forgotten0000000`)).status, 404);
    assert.equal((await fetch(`${server.origin}/api/v1/uploads/upl_attached00000000`)).status, 200);
    assert.equal((await fetch(`${server.origin}/api/v1/uploads/upl_recent0000000000`)).status, 200);
    assert.deepEqual(readdirSync(join(folder, 'sweep', 'uploads')).sort(), ['upl_attached00000000.bin', 'upl_recent0000000000.bin']);
  } finally {
    server.child.kill('SIGTERM');
    await exitOf(server.child);
  }
});
