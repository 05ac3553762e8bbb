import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  Event, IdeaSubmission, Innovation, InnovationQuery, Program, Stakeholder, StakeholderGraph, Taxonomy, graphemeLength, httpUrl,
} from '../../src/api/schemas.js';

const ref = { id: 'dinas-kominfo', name: 'Dinas Komunikasi dan Informatika', helix: 'government' };

const innovation = {
  id: 'inv-001',
  title: 'Layanan Adminduk Keliling',
  summary: 'Mobil layanan kependudukan yang mendatangi kelurahan.',
  sector: 'layanan-publik',
  stage: 'implemented',
  type: 'non_digital',
  year: 2023,
  owner: ref,
  image: { url: 'https://kota.example.go.id/img/adminduk.svg', alt: 'Mobil layanan' },
  description: 'Paragraf satu.\n\nParagraf dua.',
  partners: [{ id: 'univ-negeri', name: 'Universitas Negeri', helix: 'academia' }],
  images: [],
  website: 'https://adminduk.example.go.id',
  contactEmail: 'inovasi@example.go.id',
  startedOn: '2023-02-01',
  metrics: [{ label: 'Warga terlayani', value: '12.400' }],
};

const idea = {
  title: 'Peta halte yang ramah difabel',
  problem: 'Banyak halte tidak punya jalur landai sehingga sulit dipakai pengguna kursi roda.',
  solution: 'Warga memotret halte dan menandai aksesnya; dinas memperbaiki yang paling sering dipakai.',
  sector: 'transportasi',
  submitter: { name: 'Siti Rahma', email: 'siti@example.id', phone: '0812-3456-7890', helix: 'community' },
  consent: true,
};

describe('contract schemas', () => {
  it('accept API.md-shaped data', () => {
    assert.equal(Innovation.safeParse(innovation).success, true);
    assert.equal(IdeaSubmission.safeParse(idea).success, true);
    assert.equal(
      Taxonomy.safeParse({
        sectors: [{ id: 'layanan-publik', label: { id: 'Layanan Publik', en: 'Public services' }, color: '#1f5fbf' }],
        eventCategories: [],
        helixes: [],
      }).success,
      true,
    );
    assert.equal(
      Event.safeParse({
        id: 'evt-1', title: 'Forum Inovasi', description: '', start: '2025-11-13T09:00:00+07:00', end: '2025-11-13T12:00:00+07:00',
        allDay: false, timeZone: 'Asia/Jakarta', category: 'forum', location: { name: 'Command Center', lat: -6.24, lng: 106.99 },
        onlineUrl: 'https://meet.example.id/forum', organizer: ref,
      }).success,
      true,
    );
    assert.equal(
      Program.safeParse({
        id: 'prg-1', title: 'Tantangan Inovasi', summary: 'x', kind: 'challenge', status: 'open', organizer: ref,
        sectors: ['kesehatan'], audience: ['academia', 'community'], opensOn: '2026-11-01', closesOn: '2026-12-15',
      }).success,
      true,
    );
    assert.equal(
      StakeholderGraph.safeParse({
        items: [{ id: 'a', name: 'A', helix: 'media', innovationCount: 0, location: { lat: -6.2, lng: 107 } }],
        links: [{ source: 'a', target: 'b', kind: 'partner', weight: 2 }],
      }).success,
      true,
    );
  });

  it('keep unknown response fields out but do not fail on them (servers may add fields)', () => {
    const parsed = Stakeholder.parse({ id: 'a', name: 'A', helix: 'media', innovationCount: 1, extra: 'x' });
    assert.equal('extra' in parsed, false);
  });

  it('reject wrong types and values', () => {
    assert.equal(Innovation.safeParse({ ...innovation, year: '2023' }).success, false);
    assert.equal(Innovation.safeParse({ ...innovation, stage: 'pilot' }).success, false);
    assert.equal(Innovation.safeParse({ ...innovation, owner: { ...ref, helix: 'ngo' } }).success, false);
    assert.equal(Event.safeParse({ id: 'e', title: 't', description: '', start: '2025-11-13 09:00', end: 'x', allDay: false, timeZone: 'Asia/Jakarta', category: 'forum' }).success, false);
    assert.equal(Event.safeParse({ id: 'e', title: 't', description: '', start: '2025-11-13T09:00:00Z', end: '2025-11-13T10:00:00Z', allDay: false, timeZone: 'Mars/Olympus', category: 'forum' }).success, false);
  });

  it('reject unknown request keys, at every level', () => {
    const top = IdeaSubmission.safeParse({ ...idea, isAdmin: true });
    assert.equal(top.success, false);
    assert.equal(top.error.issues[0]!.code, 'unrecognized_keys');
    const nested = IdeaSubmission.safeParse({ ...idea, submitter: { ...idea.submitter, role: 'admin' } });
    assert.equal(nested.success, false);
    assert.deepEqual(nested.error.issues[0]!.path, ['submitter']);
    assert.equal(InnovationQuery.safeParse({ q: 'x', limit: '5' }).success, false);
  });

  it('count text lengths in user-perceived characters after trimming', () => {
    assert.equal(graphemeLength('👨‍👩‍👧‍👦'), 1);
    const title = (t: string) => IdeaSubmission.safeParse({ ...idea, title: t });
    assert.equal(title('   pendek  ').success, false); // 6 characters once trimmed
    assert.equal(title('Halte 👨‍👩‍👧‍👦👨‍👩‍👧‍👦').success, true); // 8 graphemes, 28 UTF-16 units
    assert.equal(title('x'.repeat(121)).success, false);
    const tooShort = title('pendek');
    assert.equal(tooShort.error!.issues[0]!.code, 'too_small');
    assert.equal(IdeaSubmission.parse({ ...idea, title: '  Judul yang cukup  ' }).title, 'Judul yang cukup');
  });

  it('require consent, a known helix, at most 3 attachments, and a plausible phone', () => {
    assert.equal(IdeaSubmission.safeParse({ ...idea, consent: false }).success, false);
    assert.equal(IdeaSubmission.safeParse({ ...idea, attachments: ['a', 'b', 'c', 'd'] }).success, false);
    for (const phone of ['081234567890', '+62 812 3456 7890', '+44 20 7946 0958', '(021) 555 1234']) {
      assert.equal(IdeaSubmission.safeParse({ ...idea, submitter: { ...idea.submitter, phone } }).success, true, phone);
    }
    for (const phone of ['12345', 'call me', '+0 812 3456', '0812<script>']) {
      assert.equal(IdeaSubmission.safeParse({ ...idea, submitter: { ...idea.submitter, phone } }).success, false, phone);
    }
  });

  it('accept only absolute http(s) URLs', () => {
    for (const url of ['https://kota.example.go.id/a', 'http://127.0.0.1:8787/x.svg', 'HTTPS://EXAMPLE.COM/']) {
      assert.equal(httpUrl.safeParse(url).success, true, url);
    }
    for (const url of [
      'javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' javascript:alert(1)', 'java\nscript:alert(1)', 'data:text/html,<script>',
      'vbscript:x', '//evil.example/x', '/relative', 'https://exa mple.com', 'ftp://example.com/x', 'https:',
    ]) {
      assert.equal(httpUrl.safeParse(url).success, false, url);
    }
    // Surrounding spaces are trimmed away before the scheme is checked.
    assert.equal(httpUrl.parse(' https://example.com '), 'https://example.com');
    assert.equal(Innovation.safeParse({ ...innovation, website: 'javascript:alert(1)' }).success, false);
    assert.equal(Innovation.safeParse({ ...innovation, image: { url: 'data:image/svg+xml,<svg/>', alt: '' } }).success, false);
  });

  it('coerce and bound query parameters', () => {
    assert.deepEqual(InnovationQuery.parse({ page: '2', pageSize: '24', year: '2024' }), { page: 2, pageSize: 24, year: 2024 });
    assert.equal(InnovationQuery.safeParse({ pageSize: '101' }).success, false);
    assert.equal(InnovationQuery.safeParse({ page: '0' }).success, false);
    assert.equal(InnovationQuery.safeParse({ sort: 'random' }).success, false);
  });
});
