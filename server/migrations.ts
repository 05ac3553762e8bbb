/**
 * Schema migrations, applied in order inside transactions. Never edit a shipped entry:
 * append a new one, so that every existing database file moves forward the same way.
 */
import type Database from 'better-sqlite3';

const MIGRATIONS: readonly string[] = [
  // 1: the whole first schema.
  `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;

  CREATE TABLE terms (
    vocabulary TEXT NOT NULL CHECK (vocabulary IN ('sector', 'eventCategory', 'helix')),
    id TEXT NOT NULL,
    label_id TEXT NOT NULL,
    label_en TEXT NOT NULL,
    color TEXT,
    position INTEGER NOT NULL,
    PRIMARY KEY (vocabulary, id)
  ) STRICT;

  CREATE TABLE stakeholders (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    helix TEXT NOT NULL,
    kind TEXT,
    description TEXT,
    website TEXT,
    logo_url TEXT,
    logo_alt TEXT,
    lat REAL,
    lng REAL,
    address TEXT,
    search TEXT NOT NULL
  ) STRICT;

  CREATE TABLE programs (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    summary TEXT NOT NULL,
    description TEXT NOT NULL,
    eligibility TEXT,
    kind TEXT NOT NULL,
    organizer_id TEXT NOT NULL REFERENCES stakeholders (id),
    sectors TEXT NOT NULL,
    audience TEXT NOT NULL,
    opens_on TEXT NOT NULL,
    closes_on TEXT NOT NULL,
    website TEXT,
    image_url TEXT,
    image_alt TEXT,
    search TEXT NOT NULL
  ) STRICT;

  CREATE TABLE innovations (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    summary TEXT NOT NULL,
    description TEXT NOT NULL,
    sector TEXT NOT NULL,
    stage TEXT NOT NULL,
    type TEXT NOT NULL,
    year INTEGER NOT NULL,
    owner_id TEXT NOT NULL REFERENCES stakeholders (id),
    program_id TEXT REFERENCES programs (id),
    website TEXT,
    contact_email TEXT,
    started_on TEXT,
    metrics TEXT,
    images TEXT NOT NULL,
    created_at TEXT NOT NULL,
    search TEXT NOT NULL
  ) STRICT;
  CREATE INDEX innovations_newest ON innovations (year DESC, created_at DESC, id);
  CREATE INDEX innovations_owner ON innovations (owner_id);
  CREATE INDEX innovations_program ON innovations (program_id);

  CREATE TABLE innovation_partners (
    innovation_id TEXT NOT NULL REFERENCES innovations (id) ON DELETE CASCADE,
    stakeholder_id TEXT NOT NULL REFERENCES stakeholders (id),
    position INTEGER NOT NULL,
    PRIMARY KEY (innovation_id, stakeholder_id)
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX partners_stakeholder ON innovation_partners (stakeholder_id);

  CREATE TABLE collaborations (
    id INTEGER PRIMARY KEY,
    source_id TEXT NOT NULL REFERENCES stakeholders (id),
    target_id TEXT NOT NULL REFERENCES stakeholders (id),
    kind TEXT NOT NULL,
    innovation_id TEXT REFERENCES innovations (id) ON DELETE SET NULL,
    weight REAL
  ) STRICT;

  CREATE TABLE events (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    start_local TEXT NOT NULL,
    end_local TEXT NOT NULL,
    all_day INTEGER NOT NULL,
    time_zone TEXT NOT NULL,
    rrule TEXT,
    first_start_ms INTEGER NOT NULL,
    last_end_ms INTEGER,
    category TEXT NOT NULL,
    location TEXT,
    online_url TEXT,
    organizer_id TEXT REFERENCES stakeholders (id),
    registration_url TEXT,
    program_id TEXT REFERENCES programs (id),
    search TEXT NOT NULL
  ) STRICT;
  CREATE INDEX events_span ON events (first_start_ms, last_end_ms);

  CREATE TABLE uploads (
    id TEXT PRIMARY KEY,
    file_name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size INTEGER NOT NULL,
    created_at TEXT NOT NULL
  ) STRICT;

  CREATE TABLE ideas (
    id TEXT PRIMARY KEY,
    tracking_code TEXT NOT NULL UNIQUE,
    status TEXT NOT NULL,
    title TEXT NOT NULL,
    problem TEXT NOT NULL,
    solution TEXT NOT NULL,
    benefit TEXT,
    sector TEXT NOT NULL,
    location TEXT,
    submitter_name TEXT NOT NULL,
    submitter_email TEXT NOT NULL,
    submitter_phone TEXT,
    submitter_helix TEXT NOT NULL,
    submitter_organization TEXT,
    attachments TEXT,
    program_id TEXT REFERENCES programs (id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  ) STRICT;
  CREATE INDEX ideas_status ON ideas (status, created_at);

  CREATE TABLE idea_history (
    id INTEGER PRIMARY KEY,
    idea_id TEXT NOT NULL REFERENCES ideas (id) ON DELETE CASCADE,
    status TEXT NOT NULL,
    note TEXT,
    at TEXT NOT NULL
  ) STRICT;
  CREATE INDEX idea_history_idea ON idea_history (idea_id, id);

  CREATE TABLE idempotency_keys (
    scope TEXT NOT NULL,
    key TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('in_progress', 'done')),
    response_status INTEGER,
    response_body TEXT,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (scope, key)
  ) STRICT;
  CREATE INDEX idempotency_age ON idempotency_keys (created_at);
  `,
];

/** Brings the database to the newest schema; returns the version it ended at. */
export function migrate(db: Database.Database): number {
  db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, applied_at TEXT NOT NULL)');
  const current = (db.prepare('SELECT max(version) AS v FROM schema_version').get() as { v: number | null }).v ?? 0;
  for (let version = current + 1; version <= MIGRATIONS.length; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version - 1]!);
      db.prepare('INSERT INTO schema_version (version, applied_at) VALUES (?, ?)').run(version, new Date().toISOString());
    }).immediate();
  }
  return MIGRATIONS.length;
}
