/**
 * POST /ideas and GET /ideas/{code}: field limits, strictness, idempotency, honeypot,
 * rate limit, phone normalisation, tracking codes, programs that are not open.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { admin, allAdminIdeas, postIdea, problemOf, startApi, validIdea, type RunningApi } from './helpers.js';
import { IDEMPOTENCY_KEEP_DAYS } from '../../src/api/schemas.js';

let api: RunningApi;
before(async () => { api = await startApi(); });
after(async () => { await api.close(); });

async function expectFieldError(body: unknown, path: string, code?: string): Promise<void> {
  const res = await postIdea(api.base, body);
  assert.equal(res.status, 422, `expected 422 for ${path}`);
  const problem = await problemOf(res);
  const hit = problem.errors?.find((e) => e.path === path);
  assert.ok(hit, `no error at ${path}: ${JSON.stringify(problem.errors)}`);
  if (code) assert.equal(hit.code, code);
}

async function expectCreated(body: unknown): Promise<{ id: string; trackingCode: string; status: string; createdAt: string }> {
  const res = await postIdea(api.base, body);
  assert.equal(res.status, 201, JSON.stringify(await res.clone().json()));
  return (await res.json()) as never;
}

describe('field limits', () => {
  const cases: [string, (n: number) => Record<string, unknown>, number, number][] = [
    ['title', (n) => ({ title: 'a'.repeat(n) }), 8, 120],
    ['problem', (n) => ({ problem: 'p'.repeat(n) }), 30, 2000],
    ['solution', (n) => ({ solution: 's'.repeat(n) }), 30, 4000],
    ['benefit', (n) => ({ benefit: 'b'.repeat(n) }), 0, 2000],
    ['location', (n) => ({ location: 'l'.repeat(n) }), 0, 200],
  ];
  for (const [field, make, min, max] of cases) {
    test(`${field}: ${min}..${max} characters`, async () => {
      if (min > 0) {
        await expectFieldError(validIdea(make(min - 1)), field, 'too_small');
        await expectCreated(validIdea(make(min)));
      }
      await expectCreated(validIdea(make(max)));
      await expectFieldError(validIdea(make(max + 1)), field, 'too_big');
    });
  }

  test('lengths count user-perceived characters after trimming', async () => {
    // 8 family emoji are 8 characters but 88 UTF-16 code units.
    await expectCreated(validIdea({ title: '👨‍👩‍👧‍👦'.repeat(8) }));
    await expectFieldError(validIdea({ title: `   ${'a'.repeat(7)}    ` }), 'title', 'too_small');
  });

  test('submitter name 2..100, organization at most 150', async () => {
    const submitter = (extra: Record<string, unknown>) => ({ submitter: { name: 'Ani', email: 'ani@example.com', helix: 'academia', ...extra } });
    await expectFieldError(validIdea(submitter({ name: 'A' })), 'submitter.name', 'too_small');
    await expectFieldError(validIdea(submitter({ name: 'A'.repeat(101) })), 'submitter.name', 'too_big');
    await expectCreated(validIdea(submitter({ name: 'A'.repeat(100), organization: 'o'.repeat(150) })));
    await expectFieldError(validIdea(submitter({ organization: 'o'.repeat(151) })), 'submitter.organization', 'too_big');
  });

  test('email must be an email; helix and sector must be known', async () => {
    await expectFieldError(validIdea({ submitter: { name: 'Ani', email: 'not-an-email', helix: 'community' } }), 'submitter.email', 'invalid_format');
    await expectFieldError(validIdea({ submitter: { name: 'Ani', email: 'ani@example.com', helix: 'royalty' } }), 'submitter.helix');
    await expectFieldError(validIdea({ sector: 'space-travel' }), 'sector', 'unknown_sector');
    await expectFieldError(validIdea({ sector: 'Not A Slug' }), 'sector');
  });

  test('consent must be true', async () => {
    await expectFieldError(validIdea({ consent: false }), 'consent');
    const { consent: _, ...withoutConsent } = validIdea();
    await expectFieldError(withoutConsent, 'consent');
  });

  test('attachments: at most three, each an existing upload', async () => {
    await expectFieldError(validIdea({ attachments: ['a', 'b', 'c', 'd'] }), 'attachments', 'too_big');
    await expectFieldError(validIdea({ attachments: ['upl_doesnotexist0000'] }), 'attachments.0', 'not_found');
  });

  test('a body over 64 KiB is 413, not JSON is 415, broken JSON is 400', async () => {
    const huge = validIdea({ solution: 'x'.repeat(70 * 1024) });
    const tooLarge = await postIdea(api.base, huge);
    assert.equal(tooLarge.status, 413);
    assert.equal((await problemOf(tooLarge)).status, 413);
    const form = await fetch(`${api.base}/ideas`, {
      method: 'POST', headers: { 'Idempotency-Key': randomUUID(), 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'title=x',
    });
    assert.equal(form.status, 415);
    const broken = await postIdea(api.base, '{"title": ');
    assert.equal(broken.status, 400);
  });
});

describe('strictness', () => {
  test('an unknown key anywhere is a 422 naming it, and nothing is stored', async () => {
    const before = (await allAdminIdeas(api.base, api.api.adminToken)).length;
    await expectFieldError(validIdea({ isAdmin: true }), 'isAdmin', 'unrecognized_keys');
    await expectFieldError(validIdea({ submitter: { name: 'Ani', email: 'ani@example.com', helix: 'community', role: 'x' } }),
      'submitter.role', 'unrecognized_keys');
    await expectFieldError(validIdea({ status: 'accepted' }), 'status', 'unrecognized_keys');
    assert.equal((await allAdminIdeas(api.base, api.api.adminToken)).length, before);
  });

  test('a JSON body that is not an object is refused', async () => {
    for (const body of ['[]', '"idea"', 'null', '42']) {
      const res = await postIdea(api.base, body);
      assert.equal(res.status, 422, body);
    }
  });
});

describe('phone numbers', () => {
  const stored = async (phone: string) => {
    const receipt = await expectCreated(validIdea({ submitter: { name: 'Ani', email: 'ani@example.com', helix: 'community', phone } }));
    const res = await admin(api, `/admin/ideas?pageSize=100`);
    const list = (await res.json()) as { items: { id: string; submitter: { phone?: string } }[] };
    return list.items.find((i) => i.id === receipt.id)!.submitter.phone;
  };

  test('Indonesian and international numbers are stored as E.164', async () => {
    assert.equal(await stored('0812-3456-7890'), '+6281234567890');
    assert.equal(await stored('+62 812 3456 7890'), '+6281234567890');
    assert.equal(await stored('+62 0812 3456 7890'), '+6281234567890');
    assert.equal(await stored('021-555-1234'), '+62215551234');
    assert.equal(await stored('+44 20 7946 0958'), '+442079460958');
  });

  test('other text is a 422 on submitter.phone', async () => {
    for (const phone of ['12345', 'call me', '+0 812 3456 789', '0812345678901234567']) {
      await expectFieldError(validIdea({ submitter: { name: 'Ani', email: 'ani@example.com', helix: 'community', phone } }), 'submitter.phone');
    }
  });
});

describe('tracking codes and status', () => {
  test('codes are short, readable aloud (no 0/O/1/I) and unique', async () => {
    const codes = new Set<string>();
    for (let i = 0; i < 20; i++) {
      const receipt = await expectCreated(validIdea());
      assert.match(receipt.trackingCode, /^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
      assert.equal(receipt.status, 'received');
      assert.match(receipt.id, /^[A-Za-z0-9_-]{1,64}$/);
      codes.add(receipt.trackingCode);
    }
    assert.equal(codes.size, 20);
  });

  test('GET /ideas/{code} shows the status and nothing personal', async () => {
    const receipt = await expectCreated(validIdea({
      submitter: { name: 'Rahasia Pribadi', email: 'rahasia@example.com', phone: '081299998888', helix: 'community', organization: 'Org Rahasia' },
      location: 'Jl. Rumah Saya No. 1',
    }));
    const res = await fetch(`${api.base}/ideas/${receipt.trackingCode}`);
    assert.equal(res.status, 200);
    const view = (await res.json()) as Record<string, unknown>;
    assert.deepEqual(Object.keys(view).sort(), ['createdAt', 'status', 'title', 'trackingCode', 'updatedAt']);
    assert.equal(view.status, 'received');
    // Typed in lower case without dashes, the code still finds the idea.
    const lenient = await fetch(`${api.base}/ideas/${receipt.trackingCode.toLowerCase().replace(/-/g, '')}`);
    assert.equal(lenient.status, 200);
    const missing = await fetch(`${api.base}/ideas/ZZZZ-ZZZZ-ZZZZ`);
    assert.equal(missing.status, 404);
    assert.equal((await problemOf(missing)).status, 404);
  });
});

describe('programs', () => {
  test('an idea for an open program is accepted', async () => {
    await expectCreated(validIdea({ programId: 'pr-tantangan-layanan' }));
  });

  test('an upcoming, closed or unknown program is a 422 on programId', async () => {
    await expectFieldError(validIdea({ programId: 'pr-umkm-naik-kelas' }), 'programId', 'program_not_open');
    await expectFieldError(validIdea({ programId: 'pr-hackathon-data' }), 'programId', 'program_not_open');
    await expectFieldError(validIdea({ programId: 'pr-nope' }), 'programId', 'not_found');
  });
});

describe('idempotency', () => {
  test('without a key: 400 idempotency-key-missing', async () => {
    for (const key of [null, '', '  ', '""']) {
      const res = await postIdea(api.base, validIdea(), key);
      assert.equal(res.status, 400, JSON.stringify(key));
      const problem = await problemOf(res);
      assert.equal(problem.type, 'urn:inno-widgets:problem:idempotency-key-missing', JSON.stringify(key));
      assert.match(problem.detail ?? '', /needs an Idempotency-Key header/);
    }
  });

  test('a key that is no UUID: 400 idempotency-key-invalid, saying what form is expected', async () => {
    const before = (await allAdminIdeas(api.base, api.api.adminToken)).length;
    for (const key of ['abc', '12345', `${randomUUID()}x`, randomUUID().replace(/-/g, ''), `${randomUUID()}, ${randomUUID()}`]) {
      const res = await postIdea(api.base, validIdea(), key);
      assert.equal(res.status, 400, key);
      const problem = await problemOf(res);
      assert.equal(problem.type, 'urn:inno-widgets:problem:idempotency-key-invalid', key);
      assert.equal(problem.status, 400);
      assert.match(problem.detail ?? '', /UUID: 32 hexadecimal digits in groups of 8-4-4-4-12/);
    }
    assert.equal((await allAdminIdeas(api.base, api.api.adminToken)).length, before, 'nothing was stored');
    // Upper case and the quoted form of the draft are UUIDs too.
    assert.equal((await postIdea(api.base, validIdea(), randomUUID().toUpperCase())).status, 201);
    assert.equal((await postIdea(api.base, validIdea(), `"${randomUUID()}"`)).status, 201);
  });

  test('same key, same body: the first answer again, one idea', async () => {
    const key = randomUUID();
    const before = (await allAdminIdeas(api.base, api.api.adminToken)).length;
    const first = await postIdea(api.base, validIdea(), key);
    const firstBody = await first.text();
    // Key order does not make a body different.
    const { title, ...rest } = validIdea();
    const second = await postIdea(api.base, { ...rest, title }, key);
    assert.equal(first.status, 201);
    assert.equal(second.status, 201);
    assert.equal(await second.text(), firstBody);
    assert.equal(second.headers.get('idempotent-replayed'), 'true');
    assert.equal((await allAdminIdeas(api.base, api.api.adminToken)).length, before + 1);
  });

  test('same key, another body: 422', async () => {
    const key = randomUUID();
    assert.equal((await postIdea(api.base, validIdea(), key)).status, 201);
    const res = await postIdea(api.base, validIdea({ title: 'Judul yang berbeda sekali' }), key);
    assert.equal(res.status, 422);
    assert.match((await problemOf(res)).type, /idempotency-key-reused/);
  });

  test('same key while the first request is in flight: 409', async () => {
    const key = randomUUID();
    // Another server process sharing the database has claimed the key and not finished.
    api.api.store.claimIdempotencyKey({ scope: 'POST /ideas', key, fingerprint: 'in-flight' }, Date.now(), 60_000);
    const res = await postIdea(api.base, validIdea(), key);
    assert.equal(res.status, 409);
    assert.ok(res.headers.get('retry-after'));
  });

  test('two concurrent requests with one key make one idea and get one answer', async () => {
    const key = randomUUID();
    const before = (await allAdminIdeas(api.base, api.api.adminToken)).length;
    const answers = await Promise.all([postIdea(api.base, validIdea(), key), postIdea(api.base, validIdea(), key)]);
    const statuses = answers.map((r) => r.status).sort();
    const bodies = await Promise.all(answers.map((r) => r.text()));
    assert.ok(statuses.every((s) => s === 201 || s === 409), `statuses ${statuses.join(', ')}`);
    assert.ok(statuses.includes(201));
    const created = bodies.filter((_, i) => answers[i]!.status === 201);
    assert.ok(created.every((b) => b === created[0]));
    assert.equal((await allAdminIdeas(api.base, api.api.adminToken)).length, before + 1);
  });

  test('a refused request frees its key for the corrected retry', async () => {
    const key = randomUUID();
    assert.equal((await postIdea(api.base, validIdea({ title: 'short' }), key)).status, 422);
    assert.equal((await postIdea(api.base, validIdea(), key)).status, 201);
  });

  test(`keys are kept ${IDEMPOTENCY_KEEP_DAYS} days, then swept`, async () => {
    let now = Date.now();
    const timed = await startApi({ now: () => now });
    try {
      const key = randomUUID();
      const first = await (await postIdea(timed.base, validIdea(), key)).text();
      // A send resumed by the idea form weeks later still gets the first answer.
      now += (IDEMPOTENCY_KEEP_DAYS - 1) * 86_400_000;
      const again = await postIdea(timed.base, validIdea(), key);
      assert.equal(again.status, 201);
      assert.equal(again.headers.get('idempotent-replayed'), 'true');
      assert.equal(await again.text(), first);
      // Past the window the key is swept (at most an hourly chore, run by the next POST) and free again.
      now += 2 * 86_400_000;
      await postIdea(timed.base, validIdea(), randomUUID());
      const late = await postIdea(timed.base, validIdea(), key);
      assert.equal(late.status, 201);
      assert.equal(late.headers.get('idempotent-replayed'), null);
      assert.notEqual(await late.text(), first);
    } finally {
      await timed.close();
    }
  });
});

describe('honeypot', () => {
  test('a filled honeypot gets a normal-looking 201 and nothing is stored', async () => {
    const before = await allAdminIdeas(api.base, api.api.adminToken);
    const res = await postIdea(api.base, validIdea({ website: 'https://spam.example' }));
    assert.equal(res.status, 201);
    const receipt = (await res.json()) as { id: string; trackingCode: string; status: string; createdAt: string };
    assert.equal(receipt.status, 'received');
    assert.match(receipt.trackingCode, /^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
    const afterList = await allAdminIdeas(api.base, api.api.adminToken);
    assert.equal(afterList.length, before.length);
    assert.equal((await fetch(`${api.base}/ideas/${receipt.trackingCode}`)).status, 404);
  });

  test('an empty honeypot is what people send', async () => {
    await expectCreated(validIdea({ website: '' }));
  });
});

describe('rate limit', () => {
  test('the eleventh idea in a minute from one address gets 429 with Retry-After', async () => {
    let now = Date.now();
    const limited = await startApi({ rateLimit: { max: 10, windowMs: 60_000 }, now: () => now });
    try {
      const keys: string[] = [];
      for (let i = 0; i < 10; i++) {
        const key = randomUUID();
        keys.push(key);
        assert.equal((await postIdea(limited.base, validIdea(), key)).status, 201);
      }
      const refused = await postIdea(limited.base, validIdea());
      assert.equal(refused.status, 429);
      const retryAfter = Number(refused.headers.get('retry-after'));
      assert.ok(retryAfter >= 1 && retryAfter <= 60, `Retry-After ${retryAfter}`);
      assert.equal((await problemOf(refused)).status, 429);
      // A replay of an idea already made is not a new idea and is not refused.
      assert.equal((await postIdea(limited.base, validIdea(), keys[0])).status, 201);
      now += 61_000;
      assert.equal((await postIdea(limited.base, validIdea())).status, 201);
    } finally {
      await limited.close();
    }
  });
});
