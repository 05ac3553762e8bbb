import { expect, waitUntil } from '@open-wc/testing';
import { ApiClient, newIdempotencyKey } from '../../src/api/client.js';
import { ApiError, isAbort } from '../../src/api/errors.js';

// Behaviour a correct server never shows (bad data, dropped connections, slowness) comes
// from the fixture handler in test/support/fixture-api.ts, a real HTTP handler in the
// test server. Nothing here stubs fetch.

interface Seen {
  method: string;
  path: string;
  idempotencyKey?: string;
  ifNoneMatch?: string;
  accept?: string;
  contentType?: string;
  cookie?: string;
  body?: string;
  dropped: boolean;
}

const seen = async (): Promise<Seen[]> => (await fetch('/fixture/seen')).json() as Promise<Seen[]>;
const client = (scenario: string, options: Partial<ConstructorParameters<typeof ApiClient>[0]> = {}) =>
  new ApiClient({ baseUrl: `/fixture/${scenario}/api/v1`, backoffLimit: 50, ...options });

async function rejection(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(ApiError);
    return error as ApiError;
  }
  throw new Error('expected a rejection');
}

describe('ApiClient', () => {
  beforeEach(async () => {
    await fetch('/fixture/reset', { method: 'POST' });
  });

  it('resolves the base against the page and builds query strings without empty values', () => {
    const c = client('ok');
    expect(c.baseUrl).to.equal(`${location.origin}/fixture/ok/api/v1/`);
    expect(c.url('innovations', { q: 'pelayanan publik', sector: '', page: 2, owner: undefined })).to.equal(
      `${location.origin}/fixture/ok/api/v1/innovations?q=pelayanan+publik&page=2`,
    );
  });

  it('validates list items: a broken one is skipped and reported by field, the rest shown', async () => {
    const page = await client('ok').listInnovations();
    expect(page.items.map((i) => i.id)).to.deep.equal(['a', 'c']);
    expect(page.total).to.equal(3);
    expect(page.skipped).to.have.length(1);
    expect(page.skipped[0]!.message).to.contain('items.1.stage');
  });

  it('turns a response that breaks the contract into an error naming the field', async () => {
    const error = await rejection(client('bad').getTaxonomy());
    expect(error.kind).to.equal('invalid-response');
    expect(error.message).to.contain('sectors');
  });

  it('refuses a javascript: image URL from the server', async () => {
    const error = await rejection(client('bad').getInnovation('x'));
    expect(error.kind).to.equal('invalid-response');
    expect(error.message).to.contain('image.url');
  });

  it('shares one request between identical GETs in flight', async () => {
    const c = client('ok');
    const [a, b] = await Promise.all([c.getTaxonomy(), c.getTaxonomy()]);
    expect(a).to.equal(b);
    expect((await seen()).filter((s) => s.path === '/taxonomy')).to.have.length(1);
  });

  it('revalidates with the ETag and keeps the parsed value on 304', async () => {
    const c = client('ok');
    const first = await c.getTaxonomy();
    const second = await c.getTaxonomy();
    expect(second).to.equal(first);
    const requests = (await seen()).filter((s) => s.path === '/taxonomy');
    expect(requests).to.have.length(2);
    expect(requests[1]!.ifNoneMatch).to.equal('"tax-1"');
  });

  it('aborts a call when its signal fires', async () => {
    const controller = new AbortController();
    const pending = client('slow').listInnovations({}, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const error = await rejection(pending);
    expect(isAbort(error)).to.equal(true);
  });

  it('keeps a shared request alive for the callers that did not abort', async () => {
    const c = client('slow');
    const controller = new AbortController();
    const aborted = c.listInnovations({}, { signal: controller.signal });
    const kept = c.listInnovations({});
    controller.abort();
    expect(isAbort(await rejection(aborted))).to.equal(true);
    expect((await kept).items).to.have.length(2);
  });

  it('maps problem+json to status, problem and field errors', async () => {
    const error = await rejection(
      client('problem').submitIdea({} as never, { idempotencyKey: newIdempotencyKey() }),
    );
    expect(error.kind).to.equal('http');
    expect(error.status).to.equal(422);
    expect(error.problem?.title).to.equal('Invalid idea');
    expect(error.fieldErrors).to.deep.equal([
      { path: 'submitter.email', code: 'invalid_format', message: 'Invalid email' },
    ]);
    expect(error.retryable).to.equal(false);
  });

  it('hands a long Retry-After back to the caller instead of waiting it out', async () => {
    const error = await rejection(client('problem', { maxRetryAfter: 1000 }).getIdeaStatus('limited'));
    expect(error.status).to.equal(429);
    expect(error.retryAfter).to.equal(120);
    expect((await seen()).filter((s) => s.path === '/ideas/limited')).to.have.length(1);
  });

  it('maps a 404 problem to its status and message', async () => {
    const error = await rejection(client('problem').getInnovation('missing'));
    expect(error.status).to.equal(404);
    expect(error.message).to.contain('No innovations/missing');
  });

  it('retries a POST whose connection dropped, with the same Idempotency-Key', async () => {
    const key = newIdempotencyKey();
    const retries: number[] = [];
    const receipt = await client('ok').submitIdea({} as never, {
      idempotencyKey: key,
      onRetry: (attempt, error) => {
        retries.push(attempt);
        expect(error.kind).to.equal('network');
      },
    });
    expect(receipt.trackingCode).to.equal('K7QM-4XRT');
    const posts = (await seen()).filter((s) => s.method === 'POST');
    expect(posts.map((p) => p.idempotencyKey)).to.deep.equal(posts.map(() => key));
    expect(posts.map((p) => p.dropped)).to.deep.equal([true, true, true, false]);
    expect(retries.length).to.be.greaterThan(0);
  });

  it('gives up on a POST after its retries with the last status', async () => {
    const error = await rejection(
      client('status-503', { submitRetries: 1 }).submitIdea({} as never, { idempotencyKey: newIdempotencyKey() }),
    );
    expect(error.status).to.equal(503);
    expect(error.retryable).to.equal(true);
    expect((await seen()).filter((s) => s.method === 'POST')).to.have.length(2);
  });

  it('reports an unreachable server as a network error', async () => {
    const error = await rejection(new ApiClient({ baseUrl: 'http://127.0.0.1:9/api/v1', backoffLimit: 10 }).getTaxonomy());
    expect(error.kind).to.equal('network');
    expect(error.retryable).to.equal(true);
  });

  it('makes RFC 4122 version 4 keys', () => {
    expect(newIdempotencyKey()).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('ApiClient retries', () => {
  beforeEach(async () => {
    await fetch('/fixture/reset', { method: 'POST' });
  });

  const attempts = async (method: string) => (await seen()).filter((s) => s.method === method).length;
  /** Resolves once the first attempt was answered and the client waits before the next. */
  const waiting = async (method: string) => {
    await waitUntil(async () => (await attempts(method)) === 1, `first ${method}`);
    await new Promise((r) => setTimeout(r, 300));
  };

  for (const status of [408, 500, 502, 503, 504]) {
    it(`tries a GET answered ${status} three times, then gives back the status`, async () => {
      const error = await rejection(client(`status-${status}`).getTaxonomy());
      expect(error.kind).to.equal('http');
      expect(error.status).to.equal(status);
      // Chromium itself resends a request answered 408 on a reused connection, once.
      if (status === 408) expect(await attempts('GET')).to.be.within(3, 6);
      else expect(await attempts('GET')).to.equal(3);
    });
  }

  it('does not try a GET again on 404', async () => {
    expect((await rejection(client('status-404').getTaxonomy())).status).to.equal(404);
    expect(await attempts('GET')).to.equal(1);
  });

  it('retries a GET answered 413 only when the server says when', async () => {
    expect((await rejection(client('status-413').getTaxonomy())).status).to.equal(413);
    expect(await attempts('GET')).to.equal(1);
    await fetch('/fixture/reset', { method: 'POST' });
    expect((await rejection(client('status-413-after-0').getTaxonomy())).status).to.equal(413);
    expect(await attempts('GET')).to.equal(3);
  });

  it('waits out Retry-After on 503 rather than the shorter back-off', async () => {
    const started = performance.now();
    const error = await rejection(client('status-503-after-1').getTaxonomy());
    expect(error.retryAfter).to.equal(1);
    expect(await attempts('GET')).to.equal(3);
    expect(performance.now() - started).to.be.at.least(1900);
  });

  it('backs off instead of waiting Retry-After on a status that does not take it (500)', async () => {
    const started = performance.now();
    await rejection(client('status-500-after-5').getTaxonomy());
    expect(await attempts('GET')).to.equal(3);
    expect(performance.now() - started).to.be.below(2000);
  });

  it('retries a GET whose connection dropped', async () => {
    expect((await rejection(client('reset').getTaxonomy())).kind).to.equal('network');
    // Chromium may resend once by itself on a reused connection: at least three attempts.
    expect(await attempts('GET')).to.be.at.least(3);
  });

  it('does not retry a GET that timed out', async () => {
    const error = await rejection(client('slow', { timeout: 200 }).getTaxonomy());
    expect(error.kind).to.equal('timeout');
    expect(await attempts('GET')).to.equal(1);
  });

  it('stops a shared GET during its wait before a retry once its last caller aborts', async () => {
    const controller = new AbortController();
    const pending = client('status-503-after-1').getTaxonomy({ signal: controller.signal });
    await waiting('GET');
    controller.abort();
    expect(isAbort(await rejection(pending))).to.equal(true);
    await new Promise((r) => setTimeout(r, 1500));
    expect(await attempts('GET')).to.equal(1);
  });

  it('ends a POST at once when aborted during its wait before a retry', async () => {
    const controller = new AbortController();
    const retries: number[] = [];
    const pending = client('status-503-after-5').submitIdea({} as never, {
      idempotencyKey: newIdempotencyKey(),
      signal: controller.signal,
      onRetry: (attempt) => retries.push(attempt),
    });
    await waiting('POST');
    const started = performance.now();
    controller.abort();
    expect(isAbort(await rejection(pending))).to.equal(true);
    expect(performance.now() - started).to.be.below(500);
    expect(retries).to.deep.equal([]);
    expect(await attempts('POST')).to.equal(1);
  });

  it('sends nothing for a POST whose signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await rejection(client('ok').submitIdea({} as never, { idempotencyKey: newIdempotencyKey(), signal: controller.signal }));
    expect(isAbort(error)).to.equal(true);
    expect(await attempts('POST')).to.equal(0);
  });

  it('does not retry a POST answered 500', async () => {
    const error = await rejection(client('status-500').submitIdea({} as never, { idempotencyKey: newIdempotencyKey() }));
    expect(error.status).to.equal(500);
    expect(await attempts('POST')).to.equal(1);
  });

  it('retries a POST answered 429, reporting each retry', async () => {
    const retries: [number, number][] = [];
    const error = await rejection(
      client('status-429', { submitRetries: 2 }).submitIdea({} as never, {
        idempotencyKey: newIdempotencyKey(),
        onRetry: (attempt, e) => retries.push([attempt, e.status]),
      }),
    );
    expect(error.status).to.equal(429);
    expect(retries).to.deep.equal([[1, 429], [2, 429]]);
    expect(await attempts('POST')).to.equal(3);
  });

  it('hands a POST Retry-After beyond maxRetryAfter back to the caller without a retry', async () => {
    const retries: number[] = [];
    const error = await rejection(
      client('status-429-after-120', { maxRetryAfter: 1000 }).submitIdea({} as never, {
        idempotencyKey: newIdempotencyKey(),
        onRetry: (attempt) => retries.push(attempt),
      }),
    );
    expect(error.status).to.equal(429);
    expect(error.retryAfter).to.equal(120);
    expect(retries).to.deep.equal([]);
    expect(await attempts('POST')).to.equal(1);
  });

  it('retries a POST that timed out, with the same key', async () => {
    const key = newIdempotencyKey();
    const retries: string[] = [];
    const error = await rejection(
      client('slow', { timeout: 150, submitRetries: 1 }).submitIdea({} as never, {
        idempotencyKey: key,
        onRetry: (_attempt, e) => retries.push(e.kind),
      }),
    );
    expect(error.kind).to.equal('timeout');
    expect(retries).to.deep.equal(['timeout']);
    const posts = (await seen()).filter((s) => s.method === 'POST');
    expect(posts.map((p) => p.idempotencyKey)).to.deep.equal([key, key]);
  });

  it('sends JSON without cookies, asking for JSON', async () => {
    document.cookie = 'inno-test=1; path=/';
    try {
      await rejection(client('status-500').submitIdea({ title: 'Judul' } as never, { idempotencyKey: newIdempotencyKey() }));
      await rejection(client('status-404').getTaxonomy());
    } finally {
      document.cookie = 'inno-test=; path=/; max-age=0';
    }
    const [post, get] = await seen();
    expect(post).to.deep.include({ method: 'POST', accept: 'application/json', contentType: 'application/json', body: '{"title":"Judul"}' });
    expect(post!.cookie).to.equal(undefined);
    expect(get).to.deep.include({ method: 'GET', accept: 'application/json' });
    expect(get!.cookie).to.equal(undefined);
  });
});
