/**
 * `npm run backup -- <dir>`: a consistent copy of the database and the uploads, safe while
 * the server runs. `npm run backup -- restore <backup folder>`: puts such a copy back in
 * place (server stopped; see restore.ts).
 *
 * The database runs in WAL mode: recent writes live in `inno.sqlite-wal` until SQLite moves
 * them into the main file, so copying `inno.sqlite` alone gives an old or broken copy.
 * better-sqlite3's online backup API copies the database as one consistent snapshot,
 * whatever the server is writing meanwhile. Uploads are copied after it: a file is always
 * written before its row, so every upload the copied database knows has its file. (The one
 * exception: the hourly clean-up may remove a day-old upload that no idea names between the
 * snapshot and the copy; the copy then lists a file nobody can need.)
 *
 * The copy is switched from WAL to a rollback journal before it is checked, so that the
 * folder holds one self-contained `inno.sqlite` and no `-wal`/`-shm` beside it.
 *
 * Writes `<dir>/inno-<time>/inno.sqlite`, `<dir>/inno-<time>/uploads/` and, when there is
 * one, a copy of the erasure record `erased-ideas.ndjson` (a restore never puts it back over
 * the live one; see restore.ts).
 */
import Database from 'better-sqlite3';
import { copyFileSync, cpSync, existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { dbFileFrom } from './config.js';
import { backupFolderName, integrityProblems, restoreBackup, RestoreRefused } from './restore.js';
import { erasureRecordFor, uploadDirFor } from './sqlite-store.js';

const USAGE = [
  'Usage: npm run backup -- <folder>                    make a backup in <folder>/inno-<date and time>/',
  '       npm run backup -- restore <backup folder>     put a backup back in place (stop the server first)',
  'The database is INNO_DB, ./data/inno.sqlite by default.',
].join('\n');

const args = process.argv.slice(2);
const dbFile = dbFileFrom(process.env);
if (args[0] === 'restore') {
  if (args.length !== 2) {
    console.error(USAGE);
    process.exit(1);
  }
  await restore(args[1]!);
  process.exit(0);
}
const [target, ...rest] = args;
if (!target || rest.length > 0) {
  console.error(USAGE);
  process.exit(1);
}
if (!existsSync(dbFile)) {
  console.error(`There is no database at ${dbFile} (set INNO_DB to the file the server uses). Nothing was written.`);
  process.exit(1);
}
const folder = join(resolve(target), backupFolderName());
try {
  mkdirSync(folder, { recursive: true });
} catch (error) {
  const { code, message } = error as NodeJS.ErrnoException;
  const why = code === 'ENOTDIR' || code === 'EEXIST' ? 'a part of that path is a file, not a folder'
    : code === 'EACCES' || code === 'EPERM' ? 'no permission to write there' : message;
  console.error(`Cannot make the backup folder ${folder}: ${why}. Nothing was written.`);
  process.exit(1);
}

const source = new Database(dbFile, { fileMustExist: true });
source.pragma('busy_timeout = 5000');
try {
  await source.backup(join(folder, 'inno.sqlite'));
} finally {
  source.close();
}
const uploads = uploadDirFor(dbFile);
if (existsSync(uploads)) cpSync(uploads, join(folder, 'uploads'), { recursive: true, filter: (path) => !path.endsWith('.tmp') });
const record = erasureRecordFor(dbFile);
if (existsSync(record)) copyFileSync(record, join(folder, 'erased-ideas.ndjson'));

const copy = new Database(join(folder, 'inno.sqlite'));
try {
  copy.pragma('journal_mode = DELETE');
  const problems = integrityProblems(copy);
  if (problems) throw new Error(`the copy failed SQLite's integrity check: ${problems}`);
  const count = (table: string) => (copy.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  console.log(`Backed up ${dbFile} to ${folder}: ${count('ideas')} ideas, ${count('innovations')} innovations, ` +
    `${count('uploads')} uploads; the copy passed SQLite's integrity check.`);
} finally {
  copy.close();
}

async function restore(folder: string): Promise<void> {
  try {
    const done = await restoreBackup(folder, dbFile);
    console.log([
      `Checked the backup ${done.from}: integrity ok.`,
      done.reErased > 0
        ? `Erased ${done.reErased} idea(s) of the backup again that ${done.erasureRecord} records as erased (that record is kept, never restored).`
        : `No idea of the backup is in the erasure record ${done.erasureRecord} (that record is kept, never restored).`,
      `The restored database holds ${done.ideas} ideas, ${done.innovations} innovations, ${done.uploads} uploads with their files` +
        `${done.unnamedFiles ? `; ${done.unnamedFiles} file(s) in the backup's uploads/ that no upload names (an erased idea's, or unfinished uploads) were left out` : ''}.`,
      done.setAside
        ? `Moved the database and uploads that were in place to ${done.setAside} (delete that folder once the restore is confirmed).`
        : `There was no database at ${done.dbFile} before.`,
      ...(done.ideasOnlySetAside > 0
        ? [`The database set aside holds ${done.ideasOnlySetAside} idea(s) the backup lacks (sent after the backup was made): ` +
          `they are in ${join(done.setAside!, 'inno.sqlite')}.`]
        : []),
      `Restored ${done.dbFile} and ${done.uploadDir} from it. Start the server again.`,
    ].join('\n'));
  } catch (error) {
    const message = (error as Error).message.replace(/([^.])$/, '$1.');
    console.error(error instanceof RestoreRefused ? `Not restored: ${message} Nothing was changed.` : `Restore failed halfway: ${message}`);
    process.exit(1);
  }
}
