/**
 * Uploads judged by content, the ICS feed read by a real parser, and a scan of every
 * public answer for personal data.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ICAL from 'ical.js';
import { MAX_UPLOAD_BYTES } from '../../src/api/schemas.js';
import { admin, PNG, postIdea, problemOf, startApi, validIdea, type RunningApi } from './helpers.js';

let api: RunningApi;
before(async () => { api = await startApi(); });
after(async () => { await api.close(); });

const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 2)]);
const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x40, 0, 0, 0]), Buffer.from('WEBPVP8 '), Buffer.alloc(64, 3)]);
const PDF = Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'latin1');
const HTML = Buffer.from('<!doctype html><script>alert(document.cookie)</script>');

function upload(data: Buffer, fileName: string, type: string): Promise<Response> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(data)], { type }), fileName);
  return fetch(`${api.base}/uploads`, { method: 'POST', body: form });
}

describe('uploads', () => {
  test('PNG, JPEG, WebP and PDF are accepted by their content and served back with nosniff', async () => {
    for (const [data, name, type] of [[PNG, 'a.png', 'image/png'], [JPEG, 'b.jpg', 'image/jpeg'], [WEBP, 'c.webp', 'image/webp'],
      [PDF, 'd.pdf', 'application/pdf']] as const) {
      const res = await upload(data, name, 'application/octet-stream');
      assert.equal(res.status, 201, name);
      const body = (await res.json()) as { id: string; url: string; contentType: string; size: number };
      assert.equal(body.contentType, type);
      assert.equal(body.size, data.length);
      assert.match(body.url, /^http:\/\/127\.0\.0\.1:\d+\/api\/v1\/uploads\//);
      const back = await fetch(body.url);
      assert.equal(back.status, 200);
      assert.equal(back.headers.get('content-type'), type);
      assert.equal(back.headers.get('x-content-type-options'), 'nosniff');
      assert.deepEqual(Buffer.from(await back.arrayBuffer()), data);
    }
  });

  test('HTML renamed .jpg is refused with 415', async () => {
    const res = await upload(HTML, 'photo.jpg', 'image/jpeg');
    assert.equal(res.status, 415);
    assert.equal((await problemOf(res)).status, 415);
  });

  test('a spoofed content type does not make HTML an image', async () => {
    const res = await upload(HTML, 'image.png', 'image/png');
    assert.equal(res.status, 415);
  });

  test('5 MiB is accepted, 5 MiB + 1 byte is 413', async () => {
    const exact = Buffer.alloc(MAX_UPLOAD_BYTES, 0);
    PNG.copy(exact);
    assert.equal((await upload(exact, 'big.png', 'image/png')).status, 201);
    const over = Buffer.alloc(MAX_UPLOAD_BYTES + 1, 0);
    PNG.copy(over);
    const res = await upload(over, 'bigger.png', 'image/png');
    assert.equal(res.status, 413);
    assert.equal((await problemOf(res)).status, 413);
  });

  test('not multipart is 415; a form without a file is 422', async () => {
    const raw = await fetch(`${api.base}/uploads`, { method: 'POST', headers: { 'Content-Type': 'image/png' }, body: PNG });
    assert.equal(raw.status, 415);
    const form = new FormData();
    form.append('other', 'x');
    assert.equal((await fetch(`${api.base}/uploads`, { method: 'POST', body: form })).status, 422);
  });

  test('an idea may carry uploads as attachments', async () => {
    const { id } = (await (await upload(PDF, 'proposal.pdf', 'application/pdf')).json()) as { id: string };
    const res = await postIdea(api.base, validIdea({ attachments: [id] }));
    assert.equal(res.status, 201);
    const list = (await (await admin(api, '/admin/ideas?pageSize=1')).json()) as { items: { attachments?: string[] }[] };
    assert.deepEqual(list.items[0]!.attachments, [id]);
  });

  test('unknown upload ids are 404', async () => {
    assert.equal((await fetch(`${api.base}/uploads/upl_AAAAAAAAAAAAAAAA`)).status, 404);
    assert.equal((await fetch(`${api.base}/uploads/..%2F..%2Finno.sqlite`)).status, 404);
  });
});

describe('events.ics', () => {
  async function feed(query = ''): Promise<{ text: string; events: ICAL.Event[] }> {
    const res = await fetch(`${api.base}/events.ics${query}`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/calendar/);
    const text = await res.text();
    const calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
    for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
    return { text, events: calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v)) };
  }

  test('is valid RFC 5545 that a real parser reads, with CRLF lines of at most 75 octets', async () => {
    const { text, events } = await feed();
    assert.ok(text.startsWith('BEGIN:VCALENDAR\r\n') && text.endsWith('END:VCALENDAR\r\n'));
    for (const line of text.split('\r\n')) assert.ok(Buffer.byteLength(line) <= 75, line);
    assert.ok(events.length >= 10);
    assert.ok(events.every((e) => e.uid && e.summary && e.startDate));
  });

  test('a weekly Jakarta series keeps 09:00 local in the feed', async () => {
    const { events } = await feed();
    const klinik = events.find((e) => e.uid.startsWith('ev-klinik-inovasi@'));
    assert.ok(klinik);
    assert.ok(klinik.isRecurring());
    const it = klinik.iterator();
    for (let i = 0; i < 6; i++) {
      const next = it.next();
      assert.ok(next);
      const start = klinik.getOccurrenceDetails(next).startDate.toJSDate();
      assert.equal(start.getUTCHours(), 2, start.toISOString()); // 09:00 at +07:00
      assert.equal(start.getUTCDay(), 2);
    }
  });

  test('all-day events are dates; text is escaped and survives the round trip', async () => {
    const { events } = await feed();
    const festival = events.find((e) => e.uid.startsWith('ev-festival-inovasi@'));
    assert.ok(festival);
    assert.equal(festival.startDate.isDate, true);
    assert.equal(festival.summary, 'Festival Inovasi Kota Cakrawala');
    assert.match(festival.description, /pameran inovasi perangkat daerah, kampus, startup, dan komunitas/);
  });

  test('honours category', async () => {
    const { events } = await feed('?category=exhibition');
    assert.ok(events.length > 0);
    for (const e of events) assert.equal(e.component.getFirstPropertyValue('categories'), 'Pameran');
    const none = await fetch(`${api.base}/events.ics?category=NOT%20A%20SLUG`);
    assert.equal(none.status, 400);
  });
});

describe('privacy', () => {
  test('no public answer contains any submitter data, and no idea appears in public lists', async () => {
    const secret = {
      name: 'Zulkarnaen Rahasiawati', email: 'zulkarnaen.rahasia@surel.example', phone: '0813-7777-4321',
      helix: 'community', organization: 'Yayasan Tersembunyi',
    };
    const res = await postIdea(api.base, validIdea({
      title: 'Ide rahasia tentang taman kota', submitter: secret, location: 'Gang Rahasia No. 9', programId: 'pr-tantangan-layanan',
    }));
    assert.equal(res.status, 201);
    const { trackingCode } = (await res.json()) as { trackingCode: string };
    const all = (await (await admin(api, '/admin/ideas?pageSize=100')).json()) as {
      items: { title: string; status: string; location?: string; submitter: { name: string; email: string; phone?: string; organization?: string } }[];
    };
    const titles = new Set<string>();
    const needles = new Set<string>([secret.email, '+6281377774321', '081377774321', '0813-7777-4321', secret.name, secret.organization, 'Gang Rahasia']);
    for (const idea of all.items) {
      needles.add(idea.submitter.email);
      needles.add(idea.submitter.name);
      if (idea.submitter.phone) needles.add(idea.submitter.phone);
      if (idea.submitter.organization) needles.add(idea.submitter.organization);
      if (idea.location) needles.add(idea.location);
      if (idea.status !== 'accepted' && idea.status !== 'implemented') titles.add(idea.title);
    }

    const now = Date.now();
    const iso = (ms: number) => new Date(ms).toISOString();
    const paths = [
      '/taxonomy', '/innovations?pageSize=100', '/programs?pageSize=100', '/stakeholders', '/events.ics', '/openapi.json',
      `/events?from=${iso(now - 180 * 86_400_000)}&to=${iso(now + 180 * 86_400_000)}`, `/ideas/${trackingCode}`,
    ];
    const list = async (path: string) => (await (await fetch(`${api.base}${path}`)).json()) as { items: { id: string }[] };
    for (const i of (await list('/innovations?pageSize=100')).items) paths.push(`/innovations/${i.id}`);
    for (const p of (await list('/programs?pageSize=100')).items) paths.push(`/programs/${p.id}`);
    for (const s of (await list('/stakeholders')).items) paths.push(`/stakeholders/${s.id}`);
    for (const e of (await list(`/events?from=${iso(now - 60 * 86_400_000)}&to=${iso(now + 90 * 86_400_000)}`)).items) paths.push(`/events/${e.id}`);

    for (const path of paths) {
      const body = await (await fetch(`${api.base}${path}`)).text();
      for (const needle of needles) assert.ok(!body.includes(needle), `${path} contains ${needle}`);
      // Only the tracking-code view shows its own idea's title; lists never show ideas.
      if (!path.startsWith('/ideas/')) for (const title of titles) assert.ok(!body.includes(title), `${path} lists ${title}`);
      // The OpenAPI document describes the admin shapes, so it names these fields by design.
      if (path !== '/openapi.json') assert.doesNotMatch(body, /"(email|phone|submitter)"\s*:/, path);
    }
    assert.ok(paths.length > 150);
  });
});
