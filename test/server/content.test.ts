/**
 * A city's own content: `npm run content -- export|import`, INNO_DEMO=off, and a bad file
 * that changes nothing. Everything runs the real CLI and the real server on SQLite files.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { seedDemo } from '../../server/seed.js';
import { SqliteStore } from '../../server/sqlite-store.js';
import { exitOf, postIdea, runTool, startMain, validIdea } from './helpers.js';

const TOKEN = 'content-test-admin-token-0123456789';
let folder: string;

before(() => { folder = mkdtempSync(join(tmpdir(), 'inno-content-')); });
after(() => rmSync(folder, { recursive: true, force: true }));

/** Everything a visitor can read, with the server's own origin taken out so two servers compare. */
const DAY = 86_400_000;
const from = new Date(Date.now() - 90 * DAY).toISOString();
const to = new Date(Date.now() + 270 * DAY).toISOString();

async function publicView(origin: string): Promise<Record<string, unknown>> {
  const paths = [
    '/taxonomy', '/innovations?pageSize=100', '/innovations?pageSize=100&sort=title', '/programs?pageSize=100',
    '/stakeholders', `/events?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
  ];
  const view: Record<string, unknown> = {};
  for (const path of paths) {
    const res = await fetch(`${origin}/api/v1${path}`);
    assert.equal(res.status, 200, path);
    view[path] = JSON.parse((await res.text()).replaceAll(origin, 'ORIGIN'));
  }
  const innovations = (view['/innovations?pageSize=100'] as { items: { id: string }[] }).items;
  for (const { id } of innovations.slice(0, 5)) {
    view[`/innovations/${id}`] = JSON.parse((await (await fetch(`${origin}/api/v1/innovations/${id}`)).text()).replaceAll(origin, 'ORIGIN'));
  }
  return view;
}

async function adminIdeaIds(origin: string): Promise<string[]> {
  const res = await fetch(`${origin}/api/v1/admin/ideas?pageSize=100`, { headers: { Authorization: `Bearer ${TOKEN}` } });
  return ((await res.json()) as { items: { id: string }[] }).items.map((i) => i.id);
}

test('export → import into a new database started with INNO_DEMO=off → the API answers the same', { timeout: 120_000 }, async () => {
  const demoDb = join(folder, 'demo.sqlite');
  const cityDb = join(folder, 'city.sqlite');
  const file = join(folder, 'content.json');

  const demo = await startMain({ INNO_DB: demoDb, INNO_ADMIN_TOKEN: TOKEN });
  const cityServer = await startMain({ INNO_DB: cityDb, INNO_ADMIN_TOKEN: TOKEN, INNO_DEMO: 'off' });
  let expected: Record<string, unknown>;
  try {
    expected = await publicView(demo.origin);
    assert.ok((expected['/innovations?pageSize=100'] as { total: number }).total > 0);

    // INNO_DEMO=off: an empty database stays empty, with no made-up ideas in the moderation queue.
    const empty = await (await fetch(`${cityServer.origin}/api/v1/innovations`)).json() as { total: number };
    assert.equal(empty.total, 0);
    assert.deepEqual(await adminIdeaIds(cityServer.origin), []);

    const exported = runTool('content-cli.ts', ['export', file], { INNO_DB: demoDb });
    assert.equal(exported.status, 0, exported.stderr);
    assert.match(exported.stdout, /Wrote 64 innovations/);

    // Imported while the server runs: the next answers already show it.
    const imported = runTool('content-cli.ts', ['import', file], { INNO_DB: cityDb });
    assert.equal(imported.status, 0, imported.stderr);
    assert.deepEqual(await publicView(cityServer.origin), expected);

    // Exporting the imported content gives the same file back.
    const again = join(folder, 'again.json');
    assert.equal(runTool('content-cli.ts', ['export', again], { INNO_DB: cityDb }).status, 0);
    assert.equal(readFileSync(again, 'utf8'), readFileSync(file, 'utf8'));
  } finally {
    demo.child.kill('SIGTERM');
    cityServer.child.kill('SIGTERM');
    await Promise.all([exitOf(demo.child), exitOf(cityServer.child)]);
  }

  // The demo seeding never touches the city's content, on any later day.
  const store = new SqliteStore({ file: cityDb });
  try {
    assert.equal(store.getMeta('content'), 'city');
    assert.equal(seedDemo(store, Date.now() + 5 * DAY), 'kept');
  } finally {
    store.close();
  }
  const restarted = await startMain({ INNO_DB: cityDb, INNO_ADMIN_TOKEN: TOKEN });
  try {
    assert.deepEqual(await publicView(restarted.origin), expected);
    assert.match(readFileSync(file, 'utf8'), /"format": "inno-widgets-content\/1"/);
  } finally {
    restarted.child.kill('SIGTERM');
    await exitOf(restarted.child);
  }
});

test('importing over the demo removes the demo ideas and keeps the ones citizens sent', { timeout: 60_000 }, async () => {
  const dbFile = join(folder, 'over-demo.sqlite');
  const file = join(folder, 'over-demo.json');
  const server = await startMain({ INNO_DB: dbFile, INNO_ADMIN_TOKEN: TOKEN });
  try {
    const before = await adminIdeaIds(server.origin);
    assert.equal(before.filter((id) => id.startsWith('idea_demo')).length, 10);
    const sent = await postIdea(`${server.origin}/api/v1`, validIdea());
    assert.equal(sent.status, 201);
    const { id } = (await sent.json()) as { id: string };

    assert.equal(runTool('content-cli.ts', ['export', file], { INNO_DB: dbFile }).status, 0);
    const imported = runTool('content-cli.ts', ['import', file], { INNO_DB: dbFile });
    assert.equal(imported.status, 0, imported.stderr);
    assert.deepEqual(await adminIdeaIds(server.origin), [id]);
  } finally {
    server.child.kill('SIGTERM');
    await exitOf(server.child);
  }
});

test('a bad file: exit code 1, every problem named by item and field, nothing stored', { timeout: 60_000 }, () => {
  const dbFile = join(folder, 'bad.sqlite');
  const store = new SqliteStore({ file: dbFile });
  seedDemo(store);
  store.close();
  const good = join(folder, 'good.json');
  assert.equal(runTool('content-cli.ts', ['export', good], { INNO_DB: dbFile }).status, 0);
  const before = readFileSync(good, 'utf8');

  const content = JSON.parse(before) as Record<string, Record<string, unknown>[]>;
  // The first innovation is a valid one; every other change below is one mistake.
  content.innovations![0]!.title = 'Renamed, but must not be stored';
  content.innovations![1]!.stage = 'finished';
  content.stakeholders![2]!.webiste = 'https://example.org';
  content.events![0]!.startLocal = 'next Tuesday';
  content.programs![0]!.website = 'javascript:alert(1)';
  const bad = join(folder, 'bad.json');
  writeFileSync(bad, JSON.stringify(content));

  const run = runTool('content-cli.ts', ['import', bad], { INNO_DB: dbFile });
  assert.equal(run.status, 1);
  const innovation = content.innovations![1]!;
  assert.match(run.stderr, /nothing was changed/);
  assert.ok(run.stderr.includes(`innovations[1] (id "${String(innovation.id)}").stage`), run.stderr);
  assert.ok(run.stderr.includes(`stakeholders[2] (id "${String(content.stakeholders![2]!.id)}"): Unrecognized key: "webiste"`), run.stderr);
  assert.ok(run.stderr.includes('.startLocal: Must be a local YYYY-MM-DDTHH:MM:SS'), run.stderr);
  assert.ok(run.stderr.includes(`programs[0] (id "${String(content.programs![0]!.id)}").website`), run.stderr);

  // References are checked too: a file whose items are each fine but point at nothing.
  const dangling = JSON.parse(before) as Record<string, Record<string, unknown>[]>;
  dangling.innovations![3]!.ownerId = 'sh-nobody';
  dangling.events![1]!.category = 'no-such-category';
  writeFileSync(bad, JSON.stringify(dangling));
  const second = runTool('content-cli.ts', ['import', bad], { INNO_DB: dbFile });
  assert.equal(second.status, 1);
  assert.ok(second.stderr.includes(`innovations[3] (id "${String(dangling.innovations![3]!.id)}").ownerId: there is no stakeholder "sh-nobody"`), second.stderr);
  assert.ok(second.stderr.includes('.category: there is no event category "no-such-category"'), second.stderr);

  writeFileSync(bad, '{ "sectors": [');
  const broken = runTool('content-cli.ts', ['import', bad], { INNO_DB: dbFile });
  assert.equal(broken.status, 1);
  assert.match(broken.stderr, /as JSON/);

  const after = join(folder, 'after.json');
  assert.equal(runTool('content-cli.ts', ['export', after], { INNO_DB: dbFile }).status, 0);
  assert.equal(readFileSync(after, 'utf8'), before);
  const check = new SqliteStore({ file: dbFile });
  try {
    assert.equal(check.getMeta('content'), 'demo');
  } finally {
    check.close();
  }
});

test('content demo writes a file that imports into a new database; export of a missing database fails', { timeout: 60_000 }, () => {
  const file = join(folder, 'demo-start.json');
  const dbFile = join(folder, 'from-demo-file.sqlite');
  const written = runTool('content-cli.ts', ['demo', file], {});
  assert.equal(written.status, 0, written.stderr);
  const imported = runTool('content-cli.ts', ['import', file], { INNO_DB: dbFile });
  assert.equal(imported.status, 0, imported.stderr);
  const store = new SqliteStore({ file: dbFile });
  try {
    assert.equal(store.exportContent().innovations.length, 64);
    assert.equal(store.listIdeas({ offset: 0, limit: 100 }).total, 0, 'no demo ideas come with the file');
  } finally {
    store.close();
  }

  const missing = runTool('content-cli.ts', ['export', join(folder, 'x.json')], { INNO_DB: join(folder, 'missing.sqlite') });
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /There is no database at/);
  assert.equal(runTool('content-cli.ts', ['replace', file], {}).status, 1);
});
