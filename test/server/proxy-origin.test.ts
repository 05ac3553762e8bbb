/**
 * The origin the server believes it is reached at, behind reverse proxies: the
 * X-Forwarded-Host/-Proto entries the outermost trusted proxy wrote, never the ones a
 * client put in front of them; INNO_PUBLIC_URL (`publicUrl`) above all.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startApi, type RunningApi } from './helpers.js';

/** The API base that absolute URLs in answers start with, as seen through these headers. */
async function linkBase(api: RunningApi, headers: Record<string, string>): Promise<string> {
  const res = await fetch(`${api.base}/innovations?pageSize=1`, { headers });
  assert.equal(res.status, 200);
  const { items } = (await res.json()) as { items: { image?: { url: string } }[] };
  const url = items[0]!.image!.url;
  const at = url.indexOf('/api/v1/');
  assert.ok(at > 0, url);
  return url.slice(0, at + '/api/v1'.length);
}

describe('one trusted proxy', () => {
  let api: RunningApi;
  before(async () => { api = await startApi({ trustProxy: 1 }); });
  after(async () => { await api.close(); });

  test('the entry the proxy appended is believed, not the one the client wrote before it', async () => {
    assert.equal(await linkBase(api, {
      'X-Forwarded-Host': 'evil.example, inovasi.kota.example',
      'X-Forwarded-Proto': 'http, https',
    }), 'https://inovasi.kota.example/api/v1');
  });

  test('a proxy that replaces the headers gives one entry, which is believed', async () => {
    assert.equal(await linkBase(api, { 'X-Forwarded-Host': 'inovasi.kota.example', 'X-Forwarded-Proto': 'https' }),
      'https://inovasi.kota.example/api/v1');
  });

  test('without forwarding headers the Host the request came to is used', async () => {
    assert.equal(await linkBase(api, {}), api.base);
  });

  test('a spoofed leftmost host does not make the client\'s origin the server\'s own for CORS', async () => {
    const res = await fetch(`${api.base}/taxonomy`, {
      headers: {
        Origin: 'https://evil.example',
        'X-Forwarded-Host': 'evil.example, inovasi.kota.example',
        'X-Forwarded-Proto': 'https, https',
      },
    });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('access-control-allow-origin'), null);
    const own = await fetch(`${api.base}/taxonomy`, {
      headers: {
        Origin: 'https://inovasi.kota.example',
        'X-Forwarded-Host': 'evil.example, inovasi.kota.example',
        'X-Forwarded-Proto': 'https, https',
      },
    });
    assert.equal(own.headers.get('access-control-allow-origin'), 'https://inovasi.kota.example');
  });
});

describe('two trusted proxies', () => {
  let api: RunningApi;
  before(async () => { api = await startApi({ trustProxy: 2 }); });
  after(async () => { await api.close(); });

  test('the entry two from the right: what the outer proxy saw, not the client\'s nor the inner hop\'s', async () => {
    assert.equal(await linkBase(api, {
      'X-Forwarded-Host': 'evil.example, portal.example.go.id, inno-backend.internal:8080',
      'X-Forwarded-Proto': 'http, https, http',
    }), 'https://portal.example.go.id/api/v1');
  });

  test('fewer entries than proxies: the leftmost, as for X-Forwarded-For', async () => {
    assert.equal(await linkBase(api, { 'X-Forwarded-Host': 'portal.example.go.id', 'X-Forwarded-Proto': 'https' }),
      'https://portal.example.go.id/api/v1');
  });
});

test('without trusted proxies X-Forwarded-Host and -Proto are ignored', async () => {
  const api = await startApi();
  try {
    assert.equal(await linkBase(api, { 'X-Forwarded-Host': 'evil.example', 'X-Forwarded-Proto': 'https' }), api.base);
  } finally {
    await api.close();
  }
});

test('the public URL takes precedence over forwarding headers', async () => {
  const api = await startApi({ trustProxy: 1, publicUrl: 'https://portal.example.go.id/inovasi' });
  try {
    assert.equal(await linkBase(api, { 'X-Forwarded-Host': 'other.example', 'X-Forwarded-Proto': 'http' }),
      'https://portal.example.go.id/inovasi/api/v1');
  } finally {
    await api.close();
  }
});
