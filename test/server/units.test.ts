/**
 * The pure parts: zone arithmetic, recurrence expansion, phone numbers, tracking codes,
 * magic bytes, ICS folding, origin normalisation, the demo ideas' histories.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CorsPolicy } from '../../server/cors.js';
import { buildDemoData, CITY_TIME_ZONE } from '../../server/demo-data.js';
import { escapeText, foldLine } from '../../server/ics.js';
import { normaliseTrackingCode, trackingCode } from '../../server/ids.js';
import { toE164 } from '../../server/phone.js';
import { expandSeries, seriesBounds } from '../../server/recurrence.js';
import { fold } from '../../server/text.js';
import { formatInstant, todayIn, wallToInstant } from '../../server/time.js';
import { sniffType } from '../../server/uploads.js';

describe('time zones', () => {
  test('instants are written with the zone offset in force', () => {
    const ms = Date.parse('2025-11-13T02:00:00Z');
    assert.equal(formatInstant(ms, 'Asia/Jakarta'), '2025-11-13T09:00:00+07:00');
    assert.equal(formatInstant(ms, 'Asia/Jayapura'), '2025-11-13T11:00:00+09:00');
    assert.equal(formatInstant(Date.parse('2025-07-01T12:00:00Z'), 'Europe/Berlin'), '2025-07-01T14:00:00+02:00');
  });

  test('today is decided in the city, not in UTC', () => {
    assert.equal(todayIn('Asia/Jakarta', Date.parse('2025-11-13T16:59:00Z')), '2025-11-13');
    assert.equal(todayIn('Asia/Jakarta', Date.parse('2025-11-13T17:00:00Z')), '2025-11-14');
  });

  test('wall times in a DST gap and overlap resolve predictably', () => {
    const wall = (h: number, m = 0) => ({ year: 2025, month: 3, day: 30, hour: h, minute: m, second: 0 });
    assert.equal(new Date(wallToInstant(wall(1), 'Europe/Berlin')).toISOString(), '2025-03-30T00:00:00.000Z');
    assert.equal(new Date(wallToInstant(wall(3), 'Europe/Berlin')).toISOString(), '2025-03-30T01:00:00.000Z');
    assert.equal(new Date(wallToInstant(wall(2, 30), 'Europe/Berlin')).toISOString(), '2025-03-30T01:30:00.000Z');
    const overlap = { year: 2025, month: 10, day: 26, hour: 2, minute: 30, second: 0 };
    assert.equal(new Date(wallToInstant(overlap, 'Europe/Berlin')).toISOString(), '2025-10-26T00:30:00.000Z');
  });
});

describe('recurrence', () => {
  test('a weekly 09:00 Jakarta series across a month boundary', () => {
    const series = { startLocal: '2025-10-07T09:00:00', endLocal: '2025-10-07T11:00:00', timeZone: 'Asia/Jakarta', rrule: 'FREQ=WEEKLY;BYDAY=TU' };
    const got = expandSeries(series, Date.parse('2025-10-25T00:00:00Z'), Date.parse('2025-11-12T00:00:00Z'))
      .map((o) => formatInstant(o.startMs, 'Asia/Jakarta'));
    assert.deepEqual(got, ['2025-10-28T09:00:00+07:00', '2025-11-04T09:00:00+07:00', '2025-11-11T09:00:00+07:00']);
  });

  test('a weekly 09:00 series in a DST zone stays 09:00 local on both sides of the change', () => {
    const series = { startLocal: '2025-10-21T09:00:00', endLocal: '2025-10-21T10:00:00', timeZone: 'America/New_York', rrule: 'FREQ=WEEKLY;COUNT=4' };
    const got = expandSeries(series, Date.parse('2025-10-01T00:00:00Z'), Date.parse('2025-12-01T00:00:00Z'))
      .map((o) => formatInstant(o.startMs, series.timeZone));
    assert.deepEqual(got, ['2025-10-21T09:00:00-04:00', '2025-10-28T09:00:00-04:00', '2025-11-04T09:00:00-05:00', '2025-11-11T09:00:00-05:00']);
  });

  test('an occurrence that started before the range but is still running is included', () => {
    const series = { startLocal: '2025-01-01T22:00:00', endLocal: '2025-01-02T02:00:00', timeZone: 'Asia/Jakarta', rrule: 'FREQ=DAILY;COUNT=3' };
    const got = expandSeries(series, Date.parse('2025-01-01T18:00:00Z'), Date.parse('2025-01-01T18:30:00Z'));
    assert.equal(got.length, 1);
    assert.equal(formatInstant(got[0]!.startMs, 'Asia/Jakarta'), '2025-01-01T22:00:00+07:00');
  });

  test('UNTIL is an instant; COUNT and UNTIL bound the series; endless series have no end', () => {
    const base = { startLocal: '2025-10-07T09:00:00', endLocal: '2025-10-07T10:00:00', timeZone: 'Asia/Jakarta' };
    const until = expandSeries({ ...base, rrule: 'FREQ=WEEKLY;UNTIL=20251021T020000Z' }, 0, Date.parse('2026-01-01'));
    assert.equal(until.length, 3);
    assert.equal(seriesBounds({ ...base, rrule: 'FREQ=WEEKLY;COUNT=2' }).lastEndMs, Date.parse('2025-10-14T03:00:00Z'));
    assert.equal(seriesBounds({ ...base, rrule: 'FREQ=WEEKLY' }).lastEndMs, null);
    assert.throws(() => expandSeries({ ...base, rrule: 'BYDAY=MO' }, 0, 1));
    assert.throws(() => expandSeries({ ...base, rrule: 'FREQ=WEEKLY;DTSTART=20250101T000000Z' }, 0, 1));
  });
});

describe('small helpers', () => {
  test('phones normalise to E.164', () => {
    assert.equal(toE164('0812 3456 7890'), '+6281234567890');
    assert.equal(toE164('+62 (812) 3456-7890'), '+6281234567890');
    assert.equal(toE164('+1 415 555 0100'), '+14155550100');
    assert.equal(toE164('812345678'), undefined);
    assert.equal(toE164('+12'), undefined);
  });

  test('tracking codes avoid 0/O/1/I and are read leniently', () => {
    for (let i = 0; i < 200; i++) assert.doesNotMatch(trackingCode(), /[01OI]/);
    assert.equal(normaliseTrackingCode(' k7qm 2xrp 9hwd '), 'K7QM-2XRP-9HWD');
    assert.equal(normaliseTrackingCode('K7QM-2XRP-9HW0'), undefined);
    assert.equal(normaliseTrackingCode('K7QM'), undefined);
  });

  test('search folding removes case and accents', () => {
    assert.equal(fold('  Kesehatan  ÍBU dan Anak '), 'kesehatan ibu dan anak');
    assert.equal(fold('Ñusantara Café'), 'nusantara cafe');
  });

  test('magic bytes decide the type', () => {
    assert.equal(sniffType(Buffer.from('%PDF-1.4')), 'application/pdf');
    assert.equal(sniffType(Buffer.from([0xff, 0xd8, 0xff, 0xdb])), 'image/jpeg');
    assert.equal(sniffType(Buffer.from('GIF89a......')), undefined);
    assert.equal(sniffType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>')), undefined);
    assert.equal(sniffType(Buffer.alloc(0)), undefined);
  });

  test('ICS text is escaped and folded without splitting characters', () => {
    assert.equal(escapeText('a,b;c\\d\ne'), 'a\\,b\\;c\\\\d\\ne');
    const folded = foldLine(`DESCRIPTION:${'é'.repeat(100)}`);
    for (const line of folded.split('\r\n')) {
      assert.ok(Buffer.byteLength(line) <= 75);
      assert.doesNotMatch(line, /\uFFFD/);
    }
    assert.equal(folded.split('\r\n').map((l, i) => (i ? l.slice(1) : l)).join(''), `DESCRIPTION:${'é'.repeat(100)}`);
  });

  test('origins match exactly after normalisation', () => {
    const cors = new CorsPolicy('https://kota.example, http://localhost:3000/');
    assert.ok(cors.isAllowed('https://kota.example', undefined));
    assert.ok(cors.isAllowed('http://localhost:3000', undefined));
    assert.ok(cors.isAllowed('http://own.example', 'http://own.example'));
    for (const origin of ['null', 'https://kota.example.evil.example', 'https://evilkota.example', 'http://kota.example',
      'https://kota.example:444', 'https://kota.example/', 'file://', 'https://user@kota.example', 'HTTPS://KOTA.example',
      'https://kota.example:443']) {
      assert.equal(cors.isAllowed(origin, 'http://own.example'), false, origin);
    }
  });
});

describe('demo ideas', () => {
  // The first minute of a day in the city is the hardest case: "yesterday" is closest to now.
  const moments = ['2026-11-27T17:00:00Z', '2026-11-28T06:49:00Z', '2026-11-28T16:59:59Z', '2026-03-01T17:00:00Z'];
  for (const moment of moments) {
    test(`every history is in order and nothing is dated after now (${moment})`, () => {
      const now = Date.parse(moment);
      const { ideas } = buildDemoData(todayIn(CITY_TIME_ZONE, now));
      assert.equal(ideas.length, 10);
      for (const idea of ideas) {
        const times = idea.history.map((h) => Date.parse(h.at));
        assert.deepEqual(times, [...times].sort((a, b) => a - b), `${idea.id}: steps in order`);
        assert.ok(times.every((t) => t <= now), `${idea.id}: ${idea.history.map((h) => h.at).join(', ')} after ${moment}`);
        assert.equal(idea.createdAt, idea.history[0]!.at, idea.id);
        assert.equal(idea.updatedAt, idea.history.at(-1)!.at, idea.id);
        assert.equal(idea.status, idea.history.at(-1)!.status, idea.id);
        assert.ok(Date.parse(idea.updatedAt) <= now, idea.id);
      }
    });
  }

  test('each step carries its own note, not the review note', () => {
    const { ideas } = buildDemoData('2026-11-28');
    const implemented = ideas.filter((i) => i.status === 'implemented');
    assert.equal(implemented.length, 2);
    for (const idea of implemented) {
      assert.deepEqual(idea.history.map((h) => h.status), ['received', 'under_review', 'accepted', 'implemented']);
      const notes = idea.history.slice(1).map((h) => h.note);
      assert.equal(new Set(notes).size, 3, `${idea.id}: ${notes.join(' | ')}`);
      assert.doesNotMatch(idea.history[2]!.note ?? '', /ditelaah/, 'the accepted step does not say "under review"');
      assert.match(idea.history[2]!.note ?? '', /diterima/);
    }
  });
});
