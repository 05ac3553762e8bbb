/**
 * `npm run backup -- <dir>` while the server takes ideas: the copy opens, passes SQLite's
 * integrity check, holds every idea acknowledged before the backup began, and has the uploads.
 * `npm run backup -- restore <backup>`: refused while the server runs or when the backup is
 * damaged; otherwise the backup is back in place and what was there is set aside.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import {
  closeSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync, writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { seedDemo } from '../../server/seed.js';
import { SqliteStore } from '../../server/sqlite-store.js';
import { admin, exitOf, PNG, postIdea, runTool, startApi, startMain, uploadPng, validIdea } from './helpers.js';


test('a backup taken while ideas are being written is complete and consistent', { timeout: 90_000 }, async () => {
  const folder = mkdtempSync(join(tmpdir(), 'inno-backup-'));
  const dbFile = join(folder, 'data', 'inno.sqlite');
  const server = await startMain({ INNO_DB: dbFile, INNO_RATE_LIMIT: 'off' });
  const base = `${server.origin}/api/v1`;
  try {
    const uploadId = await uploadPng(base);

    const acknowledged: string[] = [];
    let stop = false;
    const worker = async () => {
      while (!stop) {
        const res = await fetch(`${base}/ideas`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() },
          body: JSON.stringify(validIdea({ attachments: [uploadId] })),
        });
        if (res.status === 201) acknowledged.push(((await res.json()) as { id: string }).id);
        else await res.arrayBuffer();
      }
    };
    const workers = [worker(), worker(), worker()];
    while (acknowledged.length < 30) await new Promise((r) => setTimeout(r, 10));
    const before = [...acknowledged];

    // The backup runs as its own process while the workers keep writing.
    const root = fileURLToPath(new URL('../..', import.meta.url));
    const backup = spawn(process.execPath, ['--import', 'tsx', 'server/backup-cli.ts', join(folder, 'backups')], {
      cwd: root, env: { ...process.env, INNO_DB: dbFile }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    backup.stdout.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    backup.stderr.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    assert.equal(await exitOf(backup), 0, output);
    const duringBackup = acknowledged.length - before.length;
    stop = true;
    await Promise.all(workers);
    assert.ok(duringBackup > 0, 'ideas were being written while the backup ran');

    const [made] = readdirSync(join(folder, 'backups'));
    const copyFolder = join(folder, 'backups', made!);
    assert.match(output, /Backed up .* ideas/);
    assert.deepEqual(readdirSync(copyFolder).sort(), ['inno.sqlite', 'uploads'], 'one self-contained file: no -wal or -shm');
    assert.ok(existsSync(join(copyFolder, 'uploads', `${uploadId}.bin`)), 'the uploads are in the backup');

    const copy = new Database(join(copyFolder, 'inno.sqlite'), { readonly: true });
    try {
      assert.deepEqual(copy.pragma('integrity_check'), [{ integrity_check: 'ok' }]);
      assert.deepEqual(copy.pragma('foreign_key_check'), []);
      const ids = new Set((copy.prepare('SELECT id FROM ideas').all() as { id: string }[]).map((r) => r.id));
      const missing = before.filter((id) => !ids.has(id));
      assert.deepEqual(missing, [], 'every idea acknowledged before the backup began is in it');
      assert.ok(ids.has('idea_demo01'));
      assert.equal((copy.prepare('SELECT count(*) AS n FROM innovations').get() as { n: number }).n, 64);
    } finally {
      copy.close();
    }
  } finally {
    server.child.kill('SIGTERM');
    await exitOf(server.child);
    rmSync(folder, { recursive: true, force: true });
  }
});

test('a backup folder that cannot be made is one clear line and exit 1', () => {
  const folder = mkdtempSync(join(tmpdir(), 'inno-backup-target-'));
  try {
    const dbFile = join(folder, 'inno.sqlite');
    new SqliteStore({ file: dbFile }).close();
    writeFileSync(join(folder, 'a-file'), 'not a folder');
    const run = runTool('backup-cli.ts', [join(folder, 'a-file', 'backups')], { INNO_DB: dbFile });
    assert.equal(run.status, 1);
    assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr);
    assert.match(run.stderr, /^Cannot make the backup folder .*a-file\/backups\/inno-[^:]+: a part of that path is a file, not a folder\. Nothing was written\.$/m);
    assert.doesNotMatch(run.stderr, /ENOTDIR|^\s+at /m, 'no stack');
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test('a backup of a database that is not there says so and exits 1', () => {
  const folder = mkdtempSync(join(tmpdir(), 'inno-backup-none-'));
  try {
    const run = runTool('backup-cli.ts', [join(folder, 'out')], { INNO_DB: join(folder, 'missing.sqlite') });
    assert.equal(run.status, 1);
    assert.match(run.stderr, /There is no database at .*missing\.sqlite/);
    assert.equal(existsSync(join(folder, 'out')), false);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

/** The one backup folder `npm run backup` made in `folder`. */
function madeBackup(folder: string): string {
  const made = readdirSync(folder);
  assert.equal(made.length, 1, made.join(', '));
  return join(folder, made[0]!);
}

test('restore round trip: refused while the server runs, then the backup is back and the old data set aside', { timeout: 120_000 }, async () => {
  const folder = mkdtempSync(join(tmpdir(), 'inno-restore-'));
  const dbFile = join(folder, 'data', 'inno.sqlite');
  const env = { INNO_DB: dbFile, INNO_RATE_LIMIT: 'off' };
  const send = async (base: string, attachments: string[]) => {
    const res = await postIdea(base, validIdea({ attachments }));
    assert.equal(res.status, 201);
    return ((await res.json()) as { trackingCode: string }).trackingCode;
  };
  let server = await startMain(env);
  try {
    let base = `${server.origin}/api/v1`;
    const keptFile = await uploadPng(base);
    const kept = await send(base, [keptFile]);
    const backup = runTool('backup-cli.ts', [join(folder, 'backups')], env);
    assert.equal(backup.status, 0, backup.stderr);
    const copyFolder = madeBackup(join(folder, 'backups'));
    const laterFile = await uploadPng(base);
    const later = await send(base, [laterFile]);

    const refused = runTool('backup-cli.ts', ['restore', copyFolder], env);
    assert.equal(refused.status, 1, refused.stdout);
    assert.match(refused.stderr, /is in use: the server .* has it open\. Stop the server, then run the restore again\. Nothing was changed\./);
    assert.equal((await fetch(`${base}/ideas/${later}`)).status, 200, 'the running server is untouched');
    assert.deepEqual(readdirSync(join(folder, 'data')).filter((n) => /restor/.test(n)), []);

    server.child.kill('SIGTERM');
    assert.equal(await exitOf(server.child), 0);

    const restored = runTool('backup-cli.ts', ['restore', copyFolder], env);
    assert.equal(restored.status, 0, restored.stderr);
    assert.match(restored.stdout, /Checked the backup .*: integrity ok\./);
    assert.match(restored.stdout, /The restored database holds \d+ ideas, 64 innovations, 1 uploads with their files\./);
    assert.match(restored.stdout, /Moved the database and uploads that were in place to .*before-restore-/);
    assert.match(restored.stdout, /The database set aside holds 1 idea\(s\) the backup lacks \(sent after the backup was made\): they are in .*before-restore-[^/]+\/inno\.sqlite\./);
    assert.match(restored.stdout, /Restored .*inno\.sqlite and .*uploads from it\. Start the server again\./);

    server = await startMain(env);
    base = `${server.origin}/api/v1`;
    assert.equal((await fetch(`${base}/ideas/${kept}`)).status, 200, 'an idea from before the backup is back');
    assert.equal((await fetch(`${base}/ideas/${later}`)).status, 404, 'an idea from after the backup is not');
    const file = await fetch(`${base}/uploads/${keptFile}`);
    assert.equal(file.status, 200);
    assert.deepEqual(Buffer.from(await file.arrayBuffer()), PNG);
    assert.equal((await fetch(`${base}/uploads/${laterFile}`)).status, 404);

    // What was in place is set aside whole: the later idea (its WAL folded in) and its file.
    const [aside] = readdirSync(join(folder, 'data')).filter((n) => n.startsWith('before-restore-'));
    assert.ok(aside, 'the old database was set aside');
    assert.ok(existsSync(join(folder, 'data', aside, 'uploads', `${laterFile}.bin`)));
    const old = new Database(join(folder, 'data', aside, 'inno.sqlite'), { readonly: true });
    try {
      assert.ok(old.prepare('SELECT 1 FROM ideas WHERE tracking_code = ?').get(later));
    } finally {
      old.close();
    }
  } finally {
    server.child.kill('SIGTERM');
    await exitOf(server.child);
    rmSync(folder, { recursive: true, force: true });
  }
});

test('a damaged or incomplete backup is refused and the database stays as it was', { timeout: 60_000 }, () => {
  const folder = mkdtempSync(join(tmpdir(), 'inno-restore-bad-'));
  const dbFile = join(folder, 'data', 'inno.sqlite');
  const env = { INNO_DB: dbFile };
  try {
    const store = new SqliteStore({ file: dbFile });
    seedDemo(store);
    store.saveUpload({ id: 'upl_restorecheck0000', contentType: 'image/png', size: PNG.length, createdAt: new Date().toISOString() }, PNG);
    store.close();
    const ideasNow = () => {
      const db = new Database(dbFile, { readonly: true });
      try {
        return (db.prepare('SELECT count(*) AS n FROM ideas').get() as { n: number }).n;
      } finally {
        db.close();
      }
    };
    const before = ideasNow();
    assert.equal(runTool('backup-cli.ts', [join(folder, 'backups')], env).status, 0);
    const copyFolder = madeBackup(join(folder, 'backups'));
    const unchanged = () => {
      assert.equal(ideasNow(), before);
      assert.ok(existsSync(join(folder, 'data', 'uploads', 'upl_restorecheck0000.bin')));
      assert.deepEqual(readdirSync(join(folder, 'data')).filter((n) => /restor/.test(n)), [], 'no copies or set-aside folders are left');
    };

    const parent = runTool('backup-cli.ts', ['restore', join(folder, 'backups')], env);
    assert.equal(parent.status, 1);
    assert.ok(parent.stderr.includes(`name one, e.g. the newest: ${copyFolder}`), parent.stderr);
    unchanged();

    const usage = runTool('backup-cli.ts', ['restore'], env);
    assert.equal(usage.status, 1);
    assert.match(usage.stderr, /npm run backup -- restore <backup folder>/);

    const uploadFile = join(copyFolder, 'uploads', 'upl_restorecheck0000.bin');
    const uploadData = readFileSync(uploadFile);
    rmSync(uploadFile);
    const incomplete = runTool('backup-cli.ts', ['restore', copyFolder], env);
    assert.equal(incomplete.status, 1);
    assert.match(incomplete.stderr, /The backup lacks 1 uploaded file\(s\) its database names, e\.g\. .*upl_restorecheck0000\.bin\. Nothing was changed\./);
    unchanged();
    writeFileSync(uploadFile, uploadData);

    // Garbage over pages in the middle of the file, as a failing disk leaves it.
    const fd = openSync(join(copyFolder, 'inno.sqlite'), 'r+');
    try {
      writeSync(fd, Buffer.alloc(4 * 4096, 0xab), 0, 4 * 4096, 8 * 4096);
    } finally {
      closeSync(fd);
    }
    const damaged = runTool('backup-cli.ts', ['restore', copyFolder], env);
    assert.equal(damaged.status, 1);
    assert.match(damaged.stderr, /Not restored: The backup (is damaged: database disk image is malformed|failed SQLite's integrity check)/);
    unchanged();
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test('an erasure stays: a restored older backup, or an older database file put in place, loses the idea again', { timeout: 90_000 }, async () => {
  const folder = mkdtempSync(join(tmpdir(), 'inno-restore-erased-'));
  const data = join(folder, 'data');
  const dbFile = join(data, 'inno.sqlite');
  const env = { INNO_DB: dbFile };
  const email = `hapus.saya.${randomUUID()}@example.com`;
  try {
    let api = await startApi({ dbFile });
    const file = await uploadPng(api.base);
    const sent = await postIdea(api.base, validIdea({
      attachments: [file], submitter: { name: 'Sari Wulandari', email, helix: 'community' },
    }));
    assert.equal(sent.status, 201);
    const idea = (await sent.json()) as { id: string; trackingCode: string };
    await api.close();

    assert.equal(runTool('backup-cli.ts', [join(folder, 'backups')], env).status, 0);
    const copyFolder = madeBackup(join(folder, 'backups'));

    api = await startApi({ dbFile });
    assert.equal((await admin(api, `/admin/ideas/${idea.id}`, { method: 'DELETE' })).status, 204);
    await api.close();
    const recordFile = join(data, 'erased-ideas.ndjson');
    const record = readFileSync(recordFile, 'utf8');
    assert.deepEqual(record.trim().split('\n').map((l) => Object.keys(JSON.parse(l) as object).sort()), [['at', 'id', 'trackingCode']]);
    for (const personal of [email, 'Sari', 'Wulandari']) assert.equal(record.includes(personal), false, personal);

    const restored = runTool('backup-cli.ts', ['restore', copyFolder], env);
    assert.equal(restored.status, 0, restored.stderr);
    assert.match(restored.stdout, /Erased 1 idea\(s\) of the backup again that .*erased-ideas\.ndjson records as erased/);
    assert.equal(readFileSync(recordFile, 'utf8'), record, 'the live record is kept as it was');
    const [aside] = readdirSync(data).filter((n) => n.startsWith('before-restore-'));
    assert.deepEqual(readdirSync(join(data, aside!)).sort(), ['inno.sqlite', 'uploads'], 'the record is not set aside');

    const gone = (why: string) => {
      const db = new Database(dbFile, { readonly: true });
      try {
        assert.equal(db.prepare('SELECT count(*) FROM ideas WHERE id = ? OR submitter_email = ?').pluck().get(idea.id, email), 0, why);
        assert.equal(db.prepare('SELECT count(*) FROM uploads WHERE id = ?').pluck().get(file), 0, why);
      } finally {
        db.close();
      }
      assert.equal(existsSync(join(data, 'uploads', `${file}.bin`)), false, `${why}: the upload's file`);
    };
    gone('after the restore');

    // The older file copied in place by hand, its upload too: the next open erases it again.
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${dbFile}${suffix}`, { force: true });
    copyFileSync(join(copyFolder, 'inno.sqlite'), dbFile);
    mkdirSync(join(data, 'uploads'), { recursive: true });
    copyFileSync(join(copyFolder, 'uploads', `${file}.bin`), join(data, 'uploads', `${file}.bin`));
    const exported = runTool('content-cli.ts', ['export', join(folder, 'content.json')], env);
    assert.equal(exported.status, 0, exported.stderr);
    assert.match(exported.stdout, /Erased 1 idea\(s\) again that .*erased-ideas\.ndjson records as erased/);
    gone('after opening an older file');
    const store = new SqliteStore({ file: dbFile });
    assert.equal(store.reErased, 0, 'nothing left to erase');
    store.close();
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
