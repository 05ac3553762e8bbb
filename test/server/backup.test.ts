/**
 * `npm run backup -- <dir>` while the server takes ideas: the copy opens, passes SQLite's
 * integrity check, holds every idea acknowledged before the backup began, and has the uploads.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { exitOf, runTool, startMain, validIdea } from './helpers.js';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);

test('a backup taken while ideas are being written is complete and consistent', { timeout: 90_000 }, async () => {
  const folder = mkdtempSync(join(tmpdir(), 'inno-backup-'));
  const dbFile = join(folder, 'data', 'inno.sqlite');
  const server = await startMain({ INNO_DB: dbFile, INNO_RATE_LIMIT: 'off' });
  const base = `${server.origin}/api/v1`;
  try {
    const form = new FormData();
    form.append('file', new Blob([PNG], { type: 'image/png' }), 'photo.png');
    const uploaded = await fetch(`${base}/uploads`, { method: 'POST', body: form });
    assert.equal(uploaded.status, 201);
    const { id: uploadId } = (await uploaded.json()) as { id: string };

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
