/**
 * kill -9 in the middle of a stream of submissions: every idea that got a 201 must be
 * there after a restart, and the database must pass SQLite's integrity check.
 */
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { allAdminIdeas, startMain, validIdea } from './helpers.js';

const TOKEN = 'durability-test-admin-token-0123456789';

const startServer = (dbFile: string) =>
  startMain({ INNO_DB: dbFile, INNO_ADMIN_TOKEN: TOKEN, INNO_RATE_LIMIT: 'off' }).then(({ child, origin }) => ({ child, base: `${origin}/api/v1` }));

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

test('every idea answered 201 survives kill -9, and integrity_check is ok', { timeout: 90_000 }, async () => {
  const folder = mkdtempSync(join(tmpdir(), 'inno-durability-'));
  const dbFile = join(folder, 'inno.sqlite');
  try {
    const first = await startServer(dbFile);
    const acknowledged: string[] = [];
    let stop = false;
    const worker = async () => {
      while (!stop) {
        try {
          const res = await fetch(`${first.base}/ideas`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() },
            body: JSON.stringify(validIdea()),
          });
          if (res.status === 201) acknowledged.push(((await res.json()) as { id: string }).id);
        } catch {
          // The server died under this request: it never said 201, so nothing is promised.
          return;
        }
      }
    };
    const workers = [worker(), worker(), worker(), worker()];
    // Kill once a good number of ideas went through, while requests are still in flight.
    const deadline = Date.now() + 20_000;
    while (acknowledged.length < 150 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    first.child.kill('SIGKILL');
    await exited(first.child);
    stop = true;
    await Promise.all(workers);
    assert.ok(acknowledged.length >= 50, `only ${acknowledged.length} ideas before the kill`);

    const second = await startServer(dbFile);
    try {
      const stored = new Set((await allAdminIdeas(second.base, TOKEN)).map((i) => i.id));
      const lost = acknowledged.filter((id) => !stored.has(id));
      assert.deepEqual(lost, [], `${lost.length} of ${acknowledged.length} acknowledged ideas were lost`);
    } finally {
      second.child.kill('SIGTERM');
      await exited(second.child);
    }

    const db = new Database(dbFile, { readonly: true });
    try {
      assert.deepEqual(db.pragma('integrity_check'), [{ integrity_check: 'ok' }]);
      assert.deepEqual(db.pragma('foreign_key_check'), []);
    } finally {
      db.close();
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
