/**
 * Putting a backup made by `npm run backup` back in place of the database and its uploads.
 *
 * Nothing is overwritten: the backup is first copied beside the database under temporary
 * names and checked there (SQLite's full integrity check, foreign keys, a file for every
 * upload row); then the database in place is checked to be unused, moved aside into
 * `before-restore-<time>/`, and the copies are renamed into place.
 *
 * The server must be stopped. A running server is found reliably: the database runs in
 * WAL mode, and SQLite refuses to switch a WAL database back to a rollback journal while any
 * other connection has it open. That switch is the check; when it succeeds it has also moved
 * every committed change from `-wal` into the main file, so what is moved aside is one file.
 */
import Database from 'better-sqlite3';
import {
  closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { uploadDirFor } from './sqlite-store.js';

/** A reason not to restore; nothing was changed. */
export class RestoreRefused extends Error {}

export interface RestoreReport {
  /** The backup folder restored from. */
  from: string;
  dbFile: string;
  uploadDir: string;
  /** Where the database and uploads that were in place went, or undefined when there were none. */
  setAside: string | undefined;
  ideas: number;
  innovations: number;
  uploads: number;
  /** Files in the backup's uploads/ that no upload row names (left out). */
  unnamedFiles: number;
}

const stamp = () => new Date().toISOString().replace(/[:.]/g, '-');

/** The folder `npm run backup` makes in the folder it is given: `inno-<date and time>`. */
export const backupFolderName = (): string => `inno-${stamp()}`;
const BACKUP_FOLDER = /^inno-\d{4}-/;
const SQLITE_COMPANIONS = ['-wal', '-shm', '-journal'];

/** The `inno.sqlite` of a backup folder, with a hint when given the folder that holds backups. */
function backupDatabase(folder: string): string {
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new RestoreRefused(`There is no folder ${folder}.`);
  }
  const file = join(folder, 'inno.sqlite');
  if (existsSync(file)) return file;
  const made = readdirSync(folder).filter((name) => BACKUP_FOLDER.test(name)).sort();
  const hint = made.length > 0
    ? ` It holds ${made.length} backup(s); name one, e.g. the newest: ${join(folder, made.at(-1)!)}`
    : ' Name a folder that npm run backup made (inno-<date and time>/).';
  throw new RestoreRefused(`${folder} has no inno.sqlite, so it is not a backup.${hint}`);
}

/**
 * Refuses when another connection (the server, an import, a backup) has the database open.
 * See the module comment for why switching the journal mode tells.
 */
function ensureNotInUse(dbFile: string): void {
  let db: Database.Database;
  try {
    db = new Database(dbFile, { fileMustExist: true });
  } catch (error) {
    throw new RestoreRefused(`The current database ${dbFile} cannot be opened to check whether it is in use ` +
      `(${(error as Error).message}). Stop the server, move the file aside yourself, and run the restore again.`);
  }
  try {
    db.pragma('busy_timeout = 0');
    const mode = db.pragma('journal_mode', { simple: true });
    if (mode === 'wal') db.pragma('journal_mode = DELETE');
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
      throw new RestoreRefused(`The database ${dbFile} is in use: the server (or another tool) has it open. ` +
        'Stop the server, then run the restore again.');
    }
    throw new RestoreRefused(`The current database ${dbFile} could not be checked (${(error as Error).message}). ` +
      'Stop the server, move the file aside yourself, and run the restore again.');
  } finally {
    db.close();
  }
}

/** Forces a file's (or a folder's entries') writes to disk: a restore that a power cut undoes is no restore. */
function fsyncPath(path: string, flags = 'r'): void {
  const fd = openSync(path, flags);
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function copyDurably(from: string, to: string): void {
  copyFileSync(from, to);
  fsyncPath(to, 'r+');
}

function removeDatabaseFiles(file: string): void {
  for (const suffix of ['', ...SQLITE_COMPANIONS]) rmSync(`${file}${suffix}`, { force: true });
}

/** Checks the copy that would go in place; returns its counts and the upload files it names. */
function checkCopy(file: string): { ideas: number; innovations: number; uploads: { id: string; fileName: string }[] } {
  const db = new Database(file, { fileMustExist: true });
  try {
    const tables = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[])
      .map((r) => r.name));
    for (const table of ['schema_version', 'ideas', 'innovations', 'uploads']) {
      if (!tables.has(table)) throw new RestoreRefused(`The backup is not a database of this server: it has no ${table} table.`);
    }
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
    if (integrity.length !== 1 || integrity[0] !== 'ok') {
      throw new RestoreRefused(`The backup failed SQLite's integrity check: ${integrity.slice(0, 5).join('; ')}`);
    }
    const dangling = db.pragma('foreign_key_check') as unknown[];
    if (dangling.length > 0) {
      throw new RestoreRefused(`The backup failed its foreign key check: ${dangling.length} row(s) name a record it lacks.`);
    }
    const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    const uploads = (db.prepare('SELECT id, file_name AS fileName FROM uploads ORDER BY id').all() as { id: string; fileName: string }[]);
    return { ideas: count('ideas'), innovations: count('innovations'), uploads };
  } finally {
    db.close();
  }
}

/**
 * Restores the backup in `backupFolder` (a folder `npm run backup` made) to `dbFile` and the
 * uploads folder beside it. Throws {@link RestoreRefused}, having changed nothing, when the
 * backup is unusable or the database is in use.
 */
export async function restoreBackup(backupFolder: string, dbFile: string): Promise<RestoreReport> {
  const from = resolve(backupFolder);
  const source = backupDatabase(from);
  if (resolve(source) === resolve(dbFile)) {
    throw new RestoreRefused(`${source} is the database itself, not a backup of it.`);
  }
  const sourceUploads = join(from, 'uploads');
  const uploadDir = uploadDirFor(dbFile);

  const folder = dirname(dbFile);
  mkdirSync(folder, { recursive: true });
  const dbCopy = `${dbFile}.restoring`;
  const uploadsCopy = `${uploadDir}.restoring`;
  const cleanUp = () => {
    removeDatabaseFiles(dbCopy);
    rmSync(uploadsCopy, { recursive: true, force: true });
  };
  cleanUp();

  let checked: ReturnType<typeof checkCopy>;
  let unnamedFiles = 0;
  try {
    // Through SQLite rather than as a file: whatever sits in a -wal beside the backup comes along.
    let backup: Database.Database;
    try {
      backup = new Database(source, { readonly: true, fileMustExist: true });
    } catch (error) {
      throw new RestoreRefused(`The backup ${source} cannot be opened: ${(error as Error).message}`);
    }
    try {
      await backup.backup(dbCopy);
    } catch (error) {
      throw new RestoreRefused(`The backup ${source} cannot be read: ${(error as Error).message}`);
    } finally {
      backup.close();
    }
    try {
      checked = checkCopy(dbCopy);
    } catch (error) {
      if (error instanceof RestoreRefused) throw error;
      throw new RestoreRefused(`The backup is damaged: ${(error as Error).message}.`);
    }

    const missing = checked.uploads.filter((u) => !existsSync(join(sourceUploads, u.fileName)));
    if (missing.length > 0) {
      throw new RestoreRefused(`The backup lacks ${missing.length} uploaded file(s) its database names, e.g. ` +
        `${join(sourceUploads, missing[0]!.fileName)}.`);
    }
    mkdirSync(uploadsCopy);
    const named = new Set(checked.uploads.map((u) => u.fileName));
    for (const u of checked.uploads) copyDurably(join(sourceUploads, u.fileName), join(uploadsCopy, u.fileName));
    if (existsSync(sourceUploads)) {
      unnamedFiles = readdirSync(sourceUploads).filter((name) => !named.has(name) && !name.endsWith('.tmp')).length;
    }
    fsyncPath(uploadsCopy);
    fsyncPath(dbCopy, 'r+');
  } catch (error) {
    cleanUp();
    if (error instanceof RestoreRefused) throw error;
    throw new RestoreRefused(`The backup could not be copied beside the database: ${(error as Error).message}`);
  }

  // Checked last: a refused backup then leaves the database exactly as it was, and the
  // moment between this check and the swap is as short as it can be.
  try {
    if (existsSync(dbFile)) ensureNotInUse(dbFile);
  } catch (error) {
    cleanUp();
    throw error;
  }

  // From here on files move; each step says where things are if it fails.
  let setAside: string | undefined;
  const present = [dbFile, ...SQLITE_COMPANIONS.map((s) => `${dbFile}${s}`), uploadDir].filter((p) => existsSync(p));
  if (present.length > 0) {
    setAside = join(folder, `before-restore-${stamp()}`);
    mkdirSync(setAside);
    for (const path of present) {
      try {
        renameSync(path, join(setAside, basename(path)));
      } catch (error) {
        throw new Error(`Moving ${path} to ${setAside} failed (${(error as Error).message}). What was moved is in ` +
          `${setAside}; the checked copy of the backup is ${dbCopy} and ${uploadsCopy}. Put the files back by hand.`);
      }
    }
  }
  try {
    renameSync(uploadsCopy, uploadDir);
    renameSync(dbCopy, dbFile);
    fsyncPath(folder);
  } catch (error) {
    throw new Error(`Putting the backup in place failed (${(error as Error).message}). The database that was in place ` +
      `is in ${setAside ?? '(there was none)'}; the checked copy of the backup is ${dbCopy} and ${uploadsCopy}.`);
  }
  return {
    from, dbFile, uploadDir, setAside,
    ideas: checked.ideas, innovations: checked.innovations, uploads: checked.uploads.length, unnamedFiles,
  };
}
