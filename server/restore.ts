/**
 * Putting a backup made by `npm run backup` back in place of the database and its uploads.
 *
 * Nothing is overwritten: the backup is first copied beside the database under temporary
 * names and checked there (SQLite's full integrity check, foreign keys, a file for every
 * upload row); then the database in place is checked to be unused, moved aside into
 * `before-restore-<time>/`, and the copies are renamed into place.
 *
 * The record of erasures beside the database (`erased-ideas.ndjson`) is never restored,
 * moved or replaced: every idea it names is erased from the copy before the copy goes in
 * place, so that a backup made before an erasure does not bring the idea back.
 *
 * The server must be stopped. A running server is found reliably: the database runs in
 * WAL mode, and SQLite refuses to switch a WAL database back to a rollback journal while any
 * other connection has it open. That switch is the check; when it succeeds it has also moved
 * every committed change from `-wal` into the main file, so what is moved aside is one file.
 */
import Database from 'better-sqlite3';
import {
  copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { erasureRecordFor, fsyncPath, SqliteStore, uploadDirFor } from './sqlite-store.js';

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
  /** Ideas of the backup erased again because the erasure record (kept, never restored) names them. */
  reErased: number;
  /** The erasure record applied, beside the database. */
  erasureRecord: string;
  /** Ideas in the database set aside that the backup lacks: sent (or restored) after the backup was made. */
  ideasOnlySetAside: number;
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

/** What SQLite's integrity check finds wrong (its first five lines), or undefined when it says ok. */
export function integrityProblems(db: Database.Database): string | undefined {
  const lines = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
  return lines.length === 1 && lines[0] === 'ok' ? undefined : lines.slice(0, 5).join('; ');
}

/** Copies a file and forces it to disk: a restore that a power cut undoes is no restore. */
function copyDurably(from: string, to: string): void {
  copyFileSync(from, to);
  fsyncPath(to, 'r+');
}

function removeDatabaseFiles(file: string): void {
  for (const suffix of ['', ...SQLITE_COMPANIONS]) rmSync(`${file}${suffix}`, { force: true });
}

/** Checks the copy that would go in place: this server's tables, SQLite's full integrity check, foreign keys. */
function verifyCopy(file: string): void {
  const db = new Database(file, { fileMustExist: true });
  try {
    const tables = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[])
      .map((r) => r.name));
    for (const table of ['schema_version', 'ideas', 'innovations', 'uploads']) {
      if (!tables.has(table)) throw new RestoreRefused(`The backup is not a database of this server: it has no ${table} table.`);
    }
    const problems = integrityProblems(db);
    if (problems) throw new RestoreRefused(`The backup failed SQLite's integrity check: ${problems}`);
    const dangling = db.pragma('foreign_key_check') as unknown[];
    if (dangling.length > 0) {
      throw new RestoreRefused(`The backup failed its foreign key check: ${dangling.length} row(s) name a record it lacks.`);
    }
  } finally {
    db.close();
  }
}

interface CopyContents {
  ideaIds: Set<string>;
  innovations: number;
  uploads: { id: string; fileName: string }[];
}

/** What a (checked) database holds: its idea ids, how many innovations, the upload files it names. */
function contentsOf(file: string): CopyContents {
  const db = new Database(file, { fileMustExist: true, readonly: true });
  try {
    const ideaIds = new Set(db.prepare('SELECT id FROM ideas').pluck().all() as string[]);
    const innovations = db.prepare('SELECT count(*) FROM innovations').pluck().get() as number;
    const uploads = (db.prepare('SELECT id, file_name AS fileName FROM uploads ORDER BY id').all() as { id: string; fileName: string }[]);
    return { ideaIds, innovations, uploads };
  } finally {
    db.close();
  }
}

/**
 * Erases from the copy, before it goes in place, every idea the live erasure record names:
 * a backup made before an erasure still holds the idea. The record itself is the live one,
 * never the backup's: it only grows, and a restore must not roll it back.
 */
function reapplyErasures(dbCopy: string, uploadsCopy: string, record: string): number {
  const store = new SqliteStore({ file: dbCopy, uploadDir: uploadsCopy, erasureRecord: record });
  try {
    return store.reErased;
  } finally {
    store.close();
    // Back to a single self-contained file, as it was: closing the last connection folded the WAL in.
    const db = new Database(dbCopy, { fileMustExist: true });
    try {
      db.pragma('journal_mode = DELETE');
    } finally {
      db.close();
    }
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

  const erasureRecord = erasureRecordFor(dbFile);
  let checked: CopyContents;
  let reErased: number;
  let adoptRecord: string | undefined;
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
      verifyCopy(dbCopy);
    } catch (error) {
      if (error instanceof RestoreRefused) throw error;
      throw new RestoreRefused(`The backup is damaged: ${(error as Error).message}.`);
    }
    // Restoring on a new machine: the record that came with the backup is the best there is.
    // It is put in place only with the backup (below), so that a refused restore changes nothing.
    const backupRecord = join(from, basename(erasureRecord));
    adoptRecord = !existsSync(erasureRecord) && existsSync(backupRecord) ? backupRecord : undefined;
    try {
      reErased = reapplyErasures(dbCopy, uploadsCopy, adoptRecord ?? erasureRecord);
    } catch (error) {
      throw new RestoreRefused(`The erasures recorded in ${erasureRecord} could not be applied to the backup: ` +
        `${(error as Error).message}.`);
    }
    checked = contentsOf(dbCopy);

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

  // Ideas that only the database in place holds (its WAL is folded in by the check above).
  let ideasOnlySetAside = 0;
  if (existsSync(dbFile)) {
    try {
      const current = new Database(dbFile, { fileMustExist: true, readonly: true });
      try {
        const ids = current.prepare('SELECT id FROM ideas').pluck().all() as string[];
        ideasOnlySetAside = ids.filter((id) => !checked.ideaIds.has(id)).length;
      } finally {
        current.close();
      }
    } catch (error) {
      cleanUp();
      throw new RestoreRefused(`The current database ${dbFile} cannot be read (${(error as Error).message}). ` +
        'Move it aside yourself, and run the restore again.');
    }
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
    if (adoptRecord) copyDurably(adoptRecord, erasureRecord);
    fsyncPath(folder);
  } catch (error) {
    throw new Error(`Putting the backup in place failed (${(error as Error).message}). The database that was in place ` +
      `is in ${setAside ?? '(there was none)'}; the checked copy of the backup is ${dbCopy} and ${uploadsCopy}.`);
  }
  return {
    from, dbFile, uploadDir, setAside,
    ideas: checked.ideaIds.size, innovations: checked.innovations, uploads: checked.uploads.length, unnamedFiles,
    reErased, erasureRecord, ideasOnlySetAside,
  };
}
