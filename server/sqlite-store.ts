/**
 * The reference Store on SQLite (better-sqlite3): one file, WAL, and `synchronous=FULL`
 * so that a 201 for an idea means the idea is on disk, even if the machine dies next.
 */
import Database from 'better-sqlite3';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type {
  AdminIdea, Collaboration, Helix, IdeaStatus, IdeaStatusView, Image, Innovation, InnovationSummary,
  Program, ProgramDetail, Stakeholder, StakeholderDetail, Taxonomy, Term,
} from '../src/api/schemas.js';
import { migrate } from './migrations.js';
import { seriesBounds } from './recurrence.js';
import type {
  Content, EventFilter, EventRecord, IdempotencyKey, IdempotencyState, IdempotentAnswer, InnovationFilter,
  NewIdea, Paged, ProgramFilter, Slice, StakeholderFilter, Store, UploadRecord,
} from './store.js';
import { fold, likePatterns } from './text.js';
import { parseWall, wallToInstant } from './time.js';

/** How long a write waits for another connection's (a backup's, a content import's) lock. */
const BUSY_TIMEOUT_MS = 5000;

/** The ids of the uploads some idea names as an attachment. */
const ATTACHED_UPLOADS = 'SELECT a.value FROM ideas i, json_each(i.attachments) a WHERE i.attachments IS NOT NULL AND a.value IS NOT NULL';

export interface SqliteStoreOptions {
  /** Database file; created with the schema when missing. */
  file: string;
  /** Where uploaded files go: a folder no static server serves. Default: `<db folder>/uploads`. */
  uploadDir?: string;
  /** The record of erasures (see {@link erasureRecordFor}). Default: `<db folder>/erased-ideas.ndjson`. */
  erasureRecord?: string;
}

/** One line of the erasure record: no personal data, only what names the erased idea. */
export interface ErasureEntry {
  id: string;
  trackingCode: string;
  /** When it was erased (ISO 8601). */
  at: string;
}

type Row = Record<string, unknown>;
type Params = Record<string, unknown>;

const str = (v: unknown): string => v as string;
const opt = (v: unknown): string | undefined => (v === null || v === undefined ? undefined : (v as string));
const json = <T>(v: unknown): T | undefined => (typeof v === 'string' ? (JSON.parse(v) as T) : undefined);

/** An image stored as two columns, or none. */
function imageFrom(url: unknown, alt: unknown): Image | undefined {
  return url ? { url: str(url), alt: str(alt ?? '') } : undefined;
}

/** Where a database's uploaded files live: `uploads/` beside it. */
export function uploadDirFor(dbFile: string): string {
  return join(dirname(dbFile), 'uploads');
}

/**
 * Where a database's record of erasures lives: `erased-ideas.ndjson` beside it, one JSON
 * line per erased idea, only ever appended to. It is kept outside the database so that
 * putting an older copy of the database back (a restore) cannot undo an erasure: every time
 * a store opens a database, the ideas the record names are erased again.
 */
export function erasureRecordFor(dbFile: string): string {
  return join(dirname(dbFile), 'erased-ideas.ndjson');
}

/** The entries of an erasure record; none when it does not exist. A torn last line (a crash mid-append) is skipped. */
export function readErasureRecord(file: string): ErasureEntry[] {
  if (!existsSync(file)) return [];
  const entries: ErasureEntry[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    try {
      const entry = JSON.parse(line) as Partial<ErasureEntry>;
      if (typeof entry.id === 'string' && typeof entry.trackingCode === 'string') entries.push(entry as ErasureEntry);
    } catch {
      // Only the last line can be torn, and its idea was erased in the database already.
    }
  }
  return entries;
}

/** Forces a file's (or a folder's entries') writes to disk. */
export function fsyncPath(path: string, flags = 'r'): void {
  const fd = openSync(path, flags);
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Appends one entry and forces it to disk (and the folder entry, when the file is new). */
function appendErasure(file: string, entry: ErasureEntry): void {
  const created = !existsSync(file);
  const fd = openSync(file, 'a', 0o600);
  try {
    writeSync(fd, `${JSON.stringify(entry)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  if (created) fsyncPath(dirname(file));
}

/** Adds `key: value` only when the value is there: response shapes omit absent fields. */
function withOptional<T extends object>(base: T, extras: Record<string, unknown>): T {
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [key, value] of Object.entries(extras)) if (value !== undefined && value !== null) out[key] = value;
  return out as T;
}

const SUMMARY_COLUMNS = `
  i.id, i.title, i.summary, i.sector, i.stage, i.type, i.year, i.program_id, i.images,
  o.id AS owner_id, o.name AS owner_name, o.helix AS owner_helix`;

const STAKEHOLDER_COLUMNS = `
  s.id, s.name, s.helix, s.kind, s.description, s.website, s.logo_url, s.logo_alt, s.lat, s.lng, s.address,
  (SELECT count(*) FROM innovations i WHERE i.owner_id = s.id)
    + (SELECT count(*) FROM innovation_partners p WHERE p.stakeholder_id = s.id) AS innovation_count`;

const PROGRAM_COLUMNS = `
  p.id, p.title, p.summary, p.description, p.eligibility, p.kind, p.sectors, p.audience, p.opens_on, p.closes_on,
  p.website, p.image_url, p.image_alt, p.search,
  o.id AS organizer_id, o.name AS organizer_name, o.helix AS organizer_helix,
  CASE WHEN :today < p.opens_on THEN 'upcoming' WHEN :today > p.closes_on THEN 'closed' ELSE 'open' END AS status`;

const EVENT_COLUMNS = `
  e.id, e.title, e.description, e.start_local, e.end_local, e.all_day, e.time_zone, e.rrule, e.category,
  e.location, e.online_url, e.registration_url, e.program_id,
  o.id AS organizer_id, o.name AS organizer_name, o.helix AS organizer_helix`;

export class SqliteStore implements Store {
  readonly db: Database.Database;
  private readonly uploadDir: string;
  /** The record of erasures this store appends to and re-applies when it opens. */
  readonly erasureRecord: string;
  /** How many ideas the erasure record names that were found in the database on opening, and erased again. */
  readonly reErased: number;

  /** What the server and the tools say when opening erased ideas again; undefined when it erased none. */
  get reErasedNotice(): string | undefined {
    return this.reErased > 0
      ? `erased ${this.reErased} idea(s) again that ${this.erasureRecord} records as erased ` +
          '(the database was put back from a copy made before their erasure)'
      : undefined;
  }
  private readonly statements = new Map<string, Database.Statement>();
  /** Bumped on every content write through this connection. */
  private contentWrites = 0;

  /** Opens (creating when needed) and migrates a database file. */
  constructor(options: SqliteStoreOptions) {
    mkdirSync(dirname(options.file), { recursive: true });
    this.db = new Database(options.file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    // Deleted rows are overwritten with zeros rather than left readable in free pages: an
    // erased idea's personal data must really leave the file. Deletes are rare here.
    this.db.pragma('secure_delete = ON');
    migrate(this.db);
    this.uploadDir = options.uploadDir ?? uploadDirFor(options.file);
    this.erasureRecord = options.erasureRecord ?? erasureRecordFor(options.file);
    this.reErased = this.reapplyErasures();
  }

  /**
   * Erases again every idea the erasure record names that is in the database: one put back
   * from a backup made before its erasure. Returns how many.
   */
  private reapplyErasures(): number {
    const entries = readErasureRecord(this.erasureRecord);
    if (entries.length === 0) return 0;
    const ids = JSON.stringify(entries.map((e) => e.id));
    const codes = JSON.stringify(entries.map((e) => e.trackingCode));
    const back = this.db.prepare(`SELECT id FROM ideas WHERE id IN (SELECT value FROM json_each(?))
      OR tracking_code IN (SELECT value FROM json_each(?))`).pluck().all(ids, codes) as string[];
    for (const id of back) this.erase(id, false);
    if (back.length > 0) this.checkpoint();
    return back.length;
  }

  /** Prepared statements are cached by their text: filters build a handful of variants. */
  private sql(text: string): Database.Statement {
    let statement = this.statements.get(text);
    if (!statement) {
      statement = this.db.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }

  close(): void {
    this.db.close();
  }

  /** Own writes, plus SQLite's data_version, which moves when another connection commits. */
  contentVersion(): string {
    return `${this.contentWrites}:${this.sql('PRAGMA data_version').pluck().get() as number}`;
  }

  // ------------------------------------------------------------------ meta and content

  getMeta(key: string): string | undefined {
    return opt((this.sql('SELECT value FROM meta WHERE key = ?').get(key) as Row | undefined)?.value);
  }

  setMeta(key: string, value: string): void {
    this.sql('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  /** Whether the database has any public content yet. */
  isEmpty(): boolean {
    return (this.sql('SELECT count(*) AS n FROM stakeholders').get() as { n: number }).n === 0;
  }

  /**
   * Replaces all public content (taxonomy, stakeholders, programs, innovations, events,
   * collaborations) in one transaction. Ideas, uploads and idempotency keys stay.
   */
  replaceContent(content: Content): void {
    const db = this.db;
    this.contentWrites++;
    db.transaction(() => {
      // Ideas point at programs that are deleted and inserted again below.
      db.pragma('defer_foreign_keys = ON');
      for (const table of ['collaborations', 'events', 'innovation_partners', 'innovations', 'programs', 'stakeholders', 'terms']) {
        db.exec(`DELETE FROM ${table}`);
      }
      const term = db.prepare('INSERT INTO terms (vocabulary, id, label_id, label_en, color, position) VALUES (?, ?, ?, ?, ?, ?)');
      const addTerms = (vocabulary: string, terms: Term[]) =>
        terms.forEach((t, i) => term.run(vocabulary, t.id, t.label.id, t.label.en, t.color ?? null, i));
      addTerms('sector', content.sectors);
      addTerms('eventCategory', content.eventCategories);
      addTerms('helix', content.helixes);

      const names = new Map<string, string>();
      const stakeholder = db.prepare(`INSERT INTO stakeholders
        (id, name, helix, kind, description, website, logo_url, logo_alt, lat, lng, address, search)
        VALUES (@id, @name, @helix, @kind, @description, @website, @logoUrl, @logoAlt, @lat, @lng, @address, @search)`);
      for (const s of content.stakeholders) {
        names.set(s.id, s.name);
        stakeholder.run({
          id: s.id, name: s.name, helix: s.helix, kind: s.kind ?? null, description: s.description ?? null,
          website: s.website ?? null, logoUrl: s.logo?.url ?? null, logoAlt: s.logo?.alt ?? null,
          lat: s.location?.lat ?? null, lng: s.location?.lng ?? null, address: s.location?.address ?? null,
          search: fold(`${s.name} ${s.description ?? ''}`),
        });
      }

      const program = db.prepare(`INSERT INTO programs
        (id, title, summary, description, eligibility, kind, organizer_id, sectors, audience, opens_on, closes_on,
         website, image_url, image_alt, search)
        VALUES (@id, @title, @summary, @description, @eligibility, @kind, @organizerId, @sectors, @audience,
         @opensOn, @closesOn, @website, @imageUrl, @imageAlt, @search)`);
      for (const p of content.programs) {
        program.run({
          id: p.id, title: p.title, summary: p.summary, description: p.description, eligibility: p.eligibility ?? null,
          kind: p.kind, organizerId: p.organizerId, sectors: JSON.stringify(p.sectors), audience: JSON.stringify(p.audience),
          opensOn: p.opensOn, closesOn: p.closesOn, website: p.website ?? null,
          imageUrl: p.image?.url ?? null, imageAlt: p.image?.alt ?? null, search: fold(`${p.title} ${p.summary}`),
        });
      }

      const innovation = db.prepare(`INSERT INTO innovations
        (id, title, summary, description, sector, stage, type, year, owner_id, program_id, website, contact_email,
         started_on, metrics, images, created_at, search)
        VALUES (@id, @title, @summary, @description, @sector, @stage, @type, @year, @ownerId, @programId, @website,
         @contactEmail, @startedOn, @metrics, @images, @createdAt, @search)`);
      const partner = db.prepare('INSERT INTO innovation_partners (innovation_id, stakeholder_id, position) VALUES (?, ?, ?)');
      for (const i of content.innovations) {
        innovation.run({
          id: i.id, title: i.title, summary: i.summary, description: i.description, sector: i.sector, stage: i.stage,
          type: i.type, year: i.year, ownerId: i.ownerId, programId: i.programId ?? null, website: i.website ?? null,
          contactEmail: i.contactEmail ?? null, startedOn: i.startedOn ?? null,
          metrics: i.metrics ? JSON.stringify(i.metrics) : null, images: JSON.stringify(i.images), createdAt: i.createdAt,
          search: fold(`${i.title} ${i.summary} ${names.get(i.ownerId) ?? ''}`),
        });
        i.partnerIds.forEach((id, position) => partner.run(i.id, id, position));
      }

      const collaboration = db.prepare(`INSERT INTO collaborations (source_id, target_id, kind, innovation_id, weight)
        VALUES (?, ?, ?, ?, ?)`);
      for (const c of content.collaborations) {
        collaboration.run(c.source, c.target, c.kind, c.innovationId ?? null, c.weight ?? null);
      }

      for (const e of content.events) this.insertEvent(e);
    }).immediate();
  }

  /**
   * Loads a city's own content in place of whatever is there, in one transaction, and marks
   * it as the city's (the demo seeding never touches it again). When the content being
   * replaced is the demo's, its made-up ideas go too. Ideas citizens sent stay; if one of
   * them names a program the new content lacks, nothing is changed and the error says so.
   */
  importContent(content: Content): void {
    this.db.transaction(() => {
      if (this.getMeta('content') === 'demo') this.db.exec("DELETE FROM ideas WHERE id GLOB 'idea_demo[0-9][0-9]'");
      const programs = new Set(content.programs.map((p) => p.id));
      const orphans = (this.sql('SELECT tracking_code, program_id FROM ideas WHERE program_id IS NOT NULL').all() as Row[])
        .filter((r) => !programs.has(str(r.program_id)));
      if (orphans.length > 0) {
        throw new Error(`programs: ${orphans.length} submitted idea(s) name a program the file does not have: ` +
          orphans.slice(0, 5).map((r) => `idea ${str(r.tracking_code)} → program "${str(r.program_id)}"`).join(', ') +
          '. Keep those programs in the file.');
      }
      this.replaceContent(content);
      this.setMeta('content', 'city');
      this.setMeta('contentImportedAt', new Date().toISOString());
    }).immediate();
  }

  /** All public content as stored, in the shape {@link importContent} takes back. */
  exportContent(): Content {
    const { sectors, eventCategories, helixes } = this.taxonomy();
    const rows = (text: string): Row[] => this.db.prepare(text).all() as Row[];
    // A stakeholder as the API gives it, without the count the server derives.
    const stakeholders = rows('SELECT * FROM stakeholders ORDER BY rowid').map((r): Content['stakeholders'][number] => {
      const { innovationCount: _derived, ...stakeholder } = this.stakeholderFrom(r);
      return stakeholder;
    });
    const programs = rows('SELECT * FROM programs ORDER BY rowid').map((r) => withOptional<Content['programs'][number]>({
      id: str(r.id), title: str(r.title), summary: str(r.summary), description: str(r.description),
      kind: r.kind as Program['kind'], organizerId: str(r.organizer_id),
      sectors: json<string[]>(r.sectors) ?? [], audience: json<Helix[]>(r.audience) ?? [],
      opensOn: str(r.opens_on), closesOn: str(r.closes_on),
    }, {
      eligibility: r.eligibility, website: r.website,
      image: imageFrom(r.image_url, r.image_alt),
    }));
    const partners = new Map<string, string[]>();
    for (const r of rows('SELECT innovation_id, stakeholder_id FROM innovation_partners ORDER BY innovation_id, position')) {
      const list = partners.get(str(r.innovation_id)) ?? [];
      list.push(str(r.stakeholder_id));
      partners.set(str(r.innovation_id), list);
    }
    const innovations = rows('SELECT * FROM innovations ORDER BY rowid').map((r) => withOptional<Content['innovations'][number]>({
      id: str(r.id), title: str(r.title), summary: str(r.summary), description: str(r.description), sector: str(r.sector),
      stage: r.stage as Innovation['stage'], type: r.type as Innovation['type'], year: r.year as number,
      ownerId: str(r.owner_id), partnerIds: partners.get(str(r.id)) ?? [], images: json<Image[]>(r.images) ?? [],
      createdAt: str(r.created_at),
    }, {
      programId: r.program_id, website: r.website, contactEmail: r.contact_email, startedOn: r.started_on,
      metrics: json(r.metrics),
    }));
    const collaborations = rows('SELECT * FROM collaborations ORDER BY id').map((r) => withOptional<Collaboration>(
      { source: str(r.source_id), target: str(r.target_id), kind: str(r.kind) },
      { innovationId: r.innovation_id, weight: r.weight },
    ));
    const events = rows('SELECT * FROM events ORDER BY rowid').map((r) => {
      const { organizer: _organizer, ...event } = this.eventFrom(r);
      return withOptional<Content['events'][number]>(event, { organizerId: r.organizer_id });
    });
    return { sectors, eventCategories, helixes, stakeholders, programs, innovations, collaborations, events };
  }

  /** Adds one event or series; the RRULE is checked and its span stored for range queries. */
  insertEvent(e: Omit<EventRecord, 'organizer'> & { organizerId?: string }): void {
    this.contentWrites++;
    let firstStartMs: number;
    let lastEndMs: number | null;
    if (e.rrule) {
      ({ firstStartMs, lastEndMs } = seriesBounds(e as EventRecord & { rrule: string }));
    } else {
      firstStartMs = wallToInstant(parseWall(e.startLocal), e.timeZone);
      lastEndMs = wallToInstant(parseWall(e.endLocal), e.timeZone);
    }
    this.sql(`INSERT INTO events
      (id, title, description, start_local, end_local, all_day, time_zone, rrule, first_start_ms, last_end_ms,
       category, location, online_url, organizer_id, registration_url, program_id, search)
      VALUES (@id, @title, @description, @startLocal, @endLocal, @allDay, @timeZone, @rrule, @firstStartMs, @lastEndMs,
       @category, @location, @onlineUrl, @organizerId, @registrationUrl, @programId, @search)`).run({
      id: e.id, title: e.title, description: e.description, startLocal: e.startLocal, endLocal: e.endLocal,
      allDay: e.allDay ? 1 : 0, timeZone: e.timeZone, rrule: e.rrule ?? null, firstStartMs, lastEndMs,
      category: e.category, location: e.location ? JSON.stringify(e.location) : null, onlineUrl: e.onlineUrl ?? null,
      organizerId: e.organizerId ?? null, registrationUrl: e.registrationUrl ?? null, programId: e.programId ?? null,
      search: fold(`${e.title} ${e.description}`),
    });
  }

  // ------------------------------------------------------------------ taxonomy

  taxonomy(): Taxonomy {
    const rows = this.sql('SELECT vocabulary, id, label_id, label_en, color FROM terms ORDER BY vocabulary, position').all() as Row[];
    const pick = (vocabulary: string): Term[] =>
      rows.filter((r) => r.vocabulary === vocabulary).map((r) =>
        withOptional<Term>({ id: str(r.id), label: { id: str(r.label_id), en: str(r.label_en) } }, { color: r.color }));
    return { sectors: pick('sector'), eventCategories: pick('eventCategory'), helixes: pick('helix') };
  }

  hasTerm(vocabulary: 'sector' | 'eventCategory', id: string): boolean {
    return this.sql('SELECT 1 FROM terms WHERE vocabulary = ? AND id = ?').get(vocabulary, id) !== undefined;
  }

  // ------------------------------------------------------------------ innovations

  private summaryFrom(r: Row): InnovationSummary {
    const images = json<Image[]>(r.images) ?? [];
    return withOptional<InnovationSummary>({
      id: str(r.id), title: str(r.title), summary: str(r.summary), sector: str(r.sector),
      stage: r.stage as InnovationSummary['stage'], type: r.type as InnovationSummary['type'], year: r.year as number,
      owner: { id: str(r.owner_id), name: str(r.owner_name), helix: r.owner_helix as Helix },
    }, { image: images[0], programId: r.program_id });
  }

  listInnovations(f: InnovationFilter): Paged<InnovationSummary> {
    const where: string[] = [];
    const params: Params = {};
    likePatterns(f.q ?? '').forEach((pattern, n) => {
      where.push(`i.search LIKE :q${n} ESCAPE '\\'`);
      params[`q${n}`] = pattern;
    });
    for (const [key, column] of [['sector', 'i.sector'], ['stage', 'i.stage'], ['type', 'i.type'], ['helix', 'o.helix'],
      ['year', 'i.year'], ['program', 'i.program_id']] as const) {
      if (f[key] !== undefined) {
        where.push(`${column} = :${key}`);
        params[key] = f[key];
      }
    }
    if (f.owner !== undefined) {
      where.push(`(i.owner_id = :owner OR EXISTS (SELECT 1 FROM innovation_partners p
        WHERE p.innovation_id = i.id AND p.stakeholder_id = :owner))`);
      params.owner = f.owner;
    }
    const from = `FROM innovations i JOIN stakeholders o ON o.id = i.owner_id ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
    const order = f.sort === 'title' ? 'i.title COLLATE NOCASE, i.id' : 'i.year DESC, i.created_at DESC, i.id';
    const total = (this.sql(`SELECT count(*) AS n ${from}`).get(params) as { n: number }).n;
    const rows = total === 0 ? [] : (this.sql(`SELECT ${SUMMARY_COLUMNS} ${from} ORDER BY ${order} LIMIT :limit OFFSET :offset`)
      .all({ ...params, limit: f.limit, offset: f.offset }) as Row[]);
    return { items: rows.map((r) => this.summaryFrom(r)), total };
  }

  getInnovation(id: string): Innovation | undefined {
    const r = this.sql(`SELECT ${SUMMARY_COLUMNS}, i.description, i.website, i.contact_email, i.started_on, i.metrics
      FROM innovations i JOIN stakeholders o ON o.id = i.owner_id WHERE i.id = ?`).get(id) as Row | undefined;
    if (!r) return undefined;
    const partners = this.sql(`SELECT s.id, s.name, s.helix FROM innovation_partners p
      JOIN stakeholders s ON s.id = p.stakeholder_id WHERE p.innovation_id = ? ORDER BY p.position`).all(id) as Row[];
    return withOptional<Innovation>({
      ...this.summaryFrom(r),
      description: str(r.description),
      partners: partners.map((p) => ({ id: str(p.id), name: str(p.name), helix: p.helix as Helix })),
      images: json<Image[]>(r.images) ?? [],
    }, { website: r.website, contactEmail: r.contact_email, startedOn: r.started_on, metrics: json(r.metrics) });
  }

  innovationsOf(stakeholderId: string): InnovationSummary[] {
    const rows = this.sql(`SELECT ${SUMMARY_COLUMNS} FROM innovations i JOIN stakeholders o ON o.id = i.owner_id
      WHERE i.owner_id = :id OR EXISTS (SELECT 1 FROM innovation_partners p WHERE p.innovation_id = i.id AND p.stakeholder_id = :id)
      ORDER BY i.year DESC, i.created_at DESC, i.id`).all({ id: stakeholderId }) as Row[];
    return rows.map((r) => this.summaryFrom(r));
  }

  // ------------------------------------------------------------------ programs

  private programFrom(r: Row): Program {
    return withOptional<Program>({
      id: str(r.id), title: str(r.title), summary: str(r.summary), kind: r.kind as Program['kind'],
      status: r.status as Program['status'],
      organizer: { id: str(r.organizer_id), name: str(r.organizer_name), helix: r.organizer_helix as Helix },
      sectors: json<string[]>(r.sectors) ?? [], audience: json<Helix[]>(r.audience) ?? [],
      opensOn: str(r.opens_on), closesOn: str(r.closes_on),
    }, { website: r.website, image: imageFrom(r.image_url, r.image_alt) });
  }

  listPrograms(f: ProgramFilter): Paged<Program> {
    const where: string[] = [];
    const params: Params = { today: f.today };
    likePatterns(f.q ?? '').forEach((pattern, n) => {
      where.push(`search LIKE :q${n} ESCAPE '\\'`);
      params[`q${n}`] = pattern;
    });
    if (f.kind) { where.push('kind = :kind'); params.kind = f.kind; }
    if (f.status) { where.push('status = :status'); params.status = f.status; }
    if (f.organizer) { where.push('organizer_id = :organizer'); params.organizer = f.organizer; }
    if (f.sector) { where.push('EXISTS (SELECT 1 FROM json_each(sectors) WHERE value = :sector)'); params.sector = f.sector; }
    if (f.audience) { where.push('EXISTS (SELECT 1 FROM json_each(audience) WHERE value = :audience)'); params.audience = f.audience; }
    const from = `FROM (SELECT ${PROGRAM_COLUMNS} FROM programs p JOIN stakeholders o ON o.id = p.organizer_id)
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
    const total = (this.sql(`SELECT count(*) AS n ${from}`).get(params) as { n: number }).n;
    // Open first (closing soonest first), then upcoming (opening soonest), then closed (latest first).
    const rows = this.sql(`SELECT * ${from}
      ORDER BY CASE status WHEN 'open' THEN 0 WHEN 'upcoming' THEN 1 ELSE 2 END,
        CASE status WHEN 'open' THEN closes_on WHEN 'upcoming' THEN opens_on END, closes_on DESC, id
      LIMIT :limit OFFSET :offset`).all({ ...params, limit: f.limit, offset: f.offset }) as Row[];
    return { items: rows.map((r) => this.programFrom(r)), total };
  }

  getProgram(id: string, today: string): ProgramDetail | undefined {
    const r = this.sql(`SELECT ${PROGRAM_COLUMNS} FROM programs p JOIN stakeholders o ON o.id = p.organizer_id
      WHERE p.id = :id`).get({ id, today }) as Row | undefined;
    if (!r) return undefined;
    const innovations = this.sql(`SELECT ${SUMMARY_COLUMNS} FROM innovations i JOIN stakeholders o ON o.id = i.owner_id
      WHERE i.program_id = ? ORDER BY i.year DESC, i.created_at DESC, i.id`).all(id) as Row[];
    return withOptional<ProgramDetail>({
      ...this.programFrom(r),
      description: str(r.description),
      innovations: innovations.map((i) => this.summaryFrom(i)),
    }, { eligibility: r.eligibility });
  }

  // ------------------------------------------------------------------ events

  private eventFrom(r: Row): EventRecord {
    return withOptional<EventRecord>({
      id: str(r.id), title: str(r.title), description: str(r.description), startLocal: str(r.start_local),
      endLocal: str(r.end_local), allDay: r.all_day === 1, timeZone: str(r.time_zone), category: str(r.category),
    }, {
      rrule: r.rrule, location: json(r.location), onlineUrl: r.online_url, registrationUrl: r.registration_url,
      programId: r.program_id,
      organizer: r.organizer_id ? { id: str(r.organizer_id), name: str(r.organizer_name), helix: r.organizer_helix as Helix } : undefined,
    });
  }

  findEvents(f: EventFilter): EventRecord[] {
    const where = ['e.first_start_ms < :to', '(e.last_end_ms IS NULL OR e.last_end_ms > :from)'];
    const params: Params = { from: f.fromMs, to: f.toMs };
    likePatterns(f.q ?? '').forEach((pattern, n) => {
      where.push(`e.search LIKE :q${n} ESCAPE '\\'`);
      params[`q${n}`] = pattern;
    });
    if (f.category) { where.push('e.category = :category'); params.category = f.category; }
    if (f.organizer) { where.push('e.organizer_id = :organizer'); params.organizer = f.organizer; }
    if (f.program) { where.push('e.program_id = :program'); params.program = f.program; }
    const rows = this.sql(`SELECT ${EVENT_COLUMNS} FROM events e LEFT JOIN stakeholders o ON o.id = e.organizer_id
      WHERE ${where.join(' AND ')} ORDER BY e.first_start_ms, e.id`).all(params) as Row[];
    return rows.map((r) => this.eventFrom(r));
  }

  getEvent(id: string): EventRecord | undefined {
    const r = this.sql(`SELECT ${EVENT_COLUMNS} FROM events e LEFT JOIN stakeholders o ON o.id = e.organizer_id
      WHERE e.id = ?`).get(id) as Row | undefined;
    return r ? this.eventFrom(r) : undefined;
  }

  // ------------------------------------------------------------------ stakeholders

  private stakeholderFrom(r: Row): Stakeholder {
    return withOptional<Stakeholder>({
      id: str(r.id), name: str(r.name), helix: r.helix as Helix, innovationCount: r.innovation_count as number,
    }, {
      kind: r.kind, description: r.description, website: r.website,
      logo: imageFrom(r.logo_url, r.logo_alt),
      location: typeof r.lat === 'number' && typeof r.lng === 'number'
        ? withOptional({ lat: r.lat, lng: r.lng }, { address: r.address }) : undefined,
    });
  }

  listStakeholders(f: StakeholderFilter): Stakeholder[] {
    const where: string[] = [];
    const params: Params = {};
    likePatterns(f.q ?? '').forEach((pattern, n) => {
      where.push(`s.search LIKE :q${n} ESCAPE '\\'`);
      params[`q${n}`] = pattern;
    });
    if (f.helix) { where.push('s.helix = :helix'); params.helix = f.helix; }
    const rows = this.sql(`SELECT ${STAKEHOLDER_COLUMNS} FROM stakeholders s
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY s.name COLLATE NOCASE, s.id`).all(params) as Row[];
    return rows.map((r) => this.stakeholderFrom(r));
  }

  getStakeholder(id: string): StakeholderDetail | undefined {
    const r = this.sql(`SELECT ${STAKEHOLDER_COLUMNS} FROM stakeholders s WHERE s.id = ?`).get(id) as Row | undefined;
    if (!r) return undefined;
    return { ...this.stakeholderFrom(r), innovations: this.innovationsOf(id) };
  }

  collaborations(): Collaboration[] {
    const rows = this.sql('SELECT source_id, target_id, kind, innovation_id, weight FROM collaborations ORDER BY id').all() as Row[];
    return rows.map((r) => withOptional<Collaboration>(
      { source: str(r.source_id), target: str(r.target_id), kind: str(r.kind) },
      { innovationId: r.innovation_id, weight: r.weight },
    ));
  }

  // ------------------------------------------------------------------ idempotency

  claimIdempotencyKey(k: IdempotencyKey, nowMs: number, staleAfterMs: number): IdempotencyState {
    return this.db.transaction((): IdempotencyState => {
      const row = this.sql(`SELECT fingerprint, state, response_status, response_body, created_at
        FROM idempotency_keys WHERE scope = ? AND key = ?`).get(k.scope, k.key) as Row | undefined;
      if (row) {
        const abandoned = row.state === 'in_progress' && nowMs - (row.created_at as number) > staleAfterMs;
        if (!abandoned) {
          // While the first request runs, its outcome is unknown: "retry later" whatever the body.
          if (row.state === 'in_progress') return { state: 'in_progress' };
          if (row.fingerprint !== k.fingerprint) return { state: 'mismatch' };
          return { state: 'replay', status: row.response_status as number, body: str(row.response_body) };
        }
      }
      this.sql(`INSERT INTO idempotency_keys (scope, key, fingerprint, state, created_at) VALUES (?, ?, ?, 'in_progress', ?)
        ON CONFLICT (scope, key) DO UPDATE SET fingerprint = excluded.fingerprint, state = 'in_progress',
          response_status = NULL, response_body = NULL, created_at = excluded.created_at`)
        .run(k.scope, k.key, k.fingerprint, nowMs);
      return { state: 'new' };
    }).immediate();
  }

  releaseIdempotencyKey(k: IdempotencyKey): void {
    this.sql(`DELETE FROM idempotency_keys WHERE scope = ? AND key = ? AND state = 'in_progress'`).run(k.scope, k.key);
  }

  purgeIdempotencyKeys(beforeMs: number): number {
    return this.sql('DELETE FROM idempotency_keys WHERE created_at < ?').run(beforeMs).changes;
  }

  // ------------------------------------------------------------------ ideas

  createIdea(idea: NewIdea, answer: IdempotentAnswer | undefined): void {
    this.db.transaction(() => {
      this.sql(`INSERT INTO ideas (id, tracking_code, status, title, problem, solution, benefit, sector, location,
        submitter_name, submitter_email, submitter_phone, submitter_helix, submitter_organization, attachments,
        program_id, created_at, updated_at)
        VALUES (@id, @trackingCode, 'received', @title, @problem, @solution, @benefit, @sector, @location, @name, @email,
        @phone, @helix, @organization, @attachments, @programId, @createdAt, @createdAt)`).run({
        id: idea.id, trackingCode: idea.trackingCode, title: idea.title, problem: idea.problem, solution: idea.solution,
        benefit: idea.benefit ?? null, sector: idea.sector, location: idea.location ?? null,
        name: idea.submitter.name, email: idea.submitter.email, phone: idea.submitter.phone ?? null,
        helix: idea.submitter.helix, organization: idea.submitter.organization ?? null,
        attachments: idea.attachments?.length ? JSON.stringify(idea.attachments) : null,
        programId: idea.programId ?? null, createdAt: idea.createdAt,
      });
      this.sql(`INSERT INTO idea_history (idea_id, status, at) VALUES (?, 'received', ?)`).run(idea.id, idea.createdAt);
      if (answer) {
        this.sql(`UPDATE idempotency_keys SET state = 'done', response_status = ?, response_body = ?
          WHERE scope = ? AND key = ?`).run(answer.status, answer.body, answer.scope, answer.key);
      }
    }).immediate();
  }

  /** Inserts a complete idea with its history (demo data). */
  insertIdea(idea: AdminIdea): void {
    this.db.transaction(() => {
      this.sql(`INSERT INTO ideas (id, tracking_code, status, title, problem, solution, benefit, sector, location,
        submitter_name, submitter_email, submitter_phone, submitter_helix, submitter_organization, attachments,
        program_id, created_at, updated_at)
        VALUES (@id, @trackingCode, @status, @title, @problem, @solution, @benefit, @sector, @location, @name, @email,
        @phone, @helix, @organization, NULL, @programId, @createdAt, @updatedAt)`).run({
        id: idea.id, trackingCode: idea.trackingCode, status: idea.status, title: idea.title, problem: idea.problem,
        solution: idea.solution, benefit: idea.benefit ?? null, sector: idea.sector, location: idea.location ?? null,
        name: idea.submitter.name, email: idea.submitter.email, phone: idea.submitter.phone ?? null,
        helix: idea.submitter.helix, organization: idea.submitter.organization ?? null,
        programId: idea.programId ?? null, createdAt: idea.createdAt, updatedAt: idea.updatedAt,
      });
      for (const h of idea.history) {
        this.sql('INSERT INTO idea_history (idea_id, status, note, at) VALUES (?, ?, ?, ?)').run(idea.id, h.status, h.note ?? null, h.at);
      }
    })();
  }

  ideaStatus(trackingCode: string): IdeaStatusView | undefined {
    const r = this.sql('SELECT tracking_code, title, status, created_at, updated_at FROM ideas WHERE tracking_code = ?')
      .get(trackingCode) as Row | undefined;
    return r ? {
      trackingCode: str(r.tracking_code), title: str(r.title), status: r.status as IdeaStatus,
      createdAt: str(r.created_at), updatedAt: str(r.updated_at),
    } : undefined;
  }

  private adminIdeaFrom(r: Row): AdminIdea {
    const history = this.sql('SELECT status, note, at FROM idea_history WHERE idea_id = ? ORDER BY id').all(r.id) as Row[];
    return withOptional<AdminIdea>({
      id: str(r.id), trackingCode: str(r.tracking_code), status: r.status as IdeaStatus,
      createdAt: str(r.created_at), updatedAt: str(r.updated_at),
      history: history.map((h) => withOptional({ status: h.status as IdeaStatus, at: str(h.at) }, { note: h.note })),
      title: str(r.title), problem: str(r.problem), solution: str(r.solution), sector: str(r.sector),
      submitter: withOptional<AdminIdea['submitter']>(
        { name: str(r.submitter_name), email: str(r.submitter_email), helix: r.submitter_helix as Helix },
        { phone: r.submitter_phone, organization: r.submitter_organization },
      ),
      consent: true,
    }, { benefit: r.benefit, location: r.location, attachments: json(r.attachments), programId: r.program_id });
  }

  listIdeas(f: Slice & { status?: IdeaStatus }): Paged<AdminIdea> {
    const where = f.status ? 'WHERE status = :status' : '';
    const params: Params = f.status ? { status: f.status } : {};
    const total = (this.sql(`SELECT count(*) AS n FROM ideas ${where}`).get(params) as { n: number }).n;
    const rows = this.sql(`SELECT * FROM ideas ${where} ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset`)
      .all({ ...params, limit: f.limit, offset: f.offset }) as Row[];
    return { items: rows.map((r) => this.adminIdeaFrom(r)), total };
  }

  getIdea(id: string): AdminIdea | undefined {
    const r = this.sql('SELECT * FROM ideas WHERE id = ?').get(id) as Row | undefined;
    return r ? this.adminIdeaFrom(r) : undefined;
  }

  setIdeaStatus(id: string, status: IdeaStatus, note: string | undefined, at: string): AdminIdea | undefined {
    return this.db.transaction(() => {
      const changed = this.sql('UPDATE ideas SET status = ?, updated_at = ? WHERE id = ?').run(status, at, id).changes;
      if (changed === 0) return undefined;
      this.sql('INSERT INTO idea_history (idea_id, status, note, at) VALUES (?, ?, ?, ?)').run(id, status, note ?? null, at);
      return this.getIdea(id);
    }).immediate();
  }

  /**
   * Erases an idea with its history and its uploads (rows and files), appends it to the
   * erasure record, and empties the WAL. The stored answer of the POST that made it stays:
   * it holds only the receipt (id, tracking code, status, time) and a hash of the request, and
   * keeps the Idempotency-Key used up, so that a retry of that request cannot store it again.
   */
  eraseIdea(id: string): boolean {
    return this.erase(id, true);
  }

  private erase(id: string, record: boolean): boolean {
    const erased = this.db.transaction((): { trackingCode: string; files: string[] } | undefined => {
      const idea = this.sql('SELECT tracking_code, attachments FROM ideas WHERE id = ?').get(id) as Row | undefined;
      if (!idea) return undefined;
      // Its status history goes with it (ON DELETE CASCADE).
      this.sql('DELETE FROM ideas WHERE id = ?').run(id);
      // An upload id is a capability anyone holding it may attach; one that another idea
      // names too stays with that idea.
      const uploads = this.sql(`SELECT id, file_name FROM uploads WHERE id IN (SELECT value FROM json_each(?))
        AND id NOT IN (${ATTACHED_UPLOADS})`).all(idea.attachments ?? '[]') as Row[];
      for (const u of uploads) this.sql('DELETE FROM uploads WHERE id = ?').run(u.id);
      return { trackingCode: str(idea.tracking_code), files: uploads.map((u) => str(u.file_name)) };
    }).immediate();
    if (!erased) return false;
    const failed: string[] = [];
    if (record) {
      // After the commit: a record of an erasure that did not happen would erase the idea
      // the next time the database opens.
      const entry: ErasureEntry = { id, trackingCode: erased.trackingCode, at: new Date().toISOString() };
      try {
        appendErasure(this.erasureRecord, entry);
      } catch (error) {
        failed.push(`the erasure record ${this.erasureRecord} could not be appended to (${(error as Error).message}); ` +
          `add the line ${JSON.stringify(entry)} to it by hand`);
      }
    }
    for (const file of erased.files) {
      try {
        rmSync(join(this.uploadDir, file), { force: true });
      } catch {
        failed.push(`the uploaded file ${join(this.uploadDir, file)} could not be removed and must be deleted by hand`);
      }
    }
    // Erasures put back on open are folded in once, after all of them (reapplyErasures).
    if (record) this.checkpoint();
    if (failed.length > 0) throw new Error(`idea ${id} was erased from the database, but ${failed.join('; ')}`);
    return true;
  }

  /**
   * Moves the WAL into the database file and empties it, so that the frames holding an
   * erased idea's text go too. Never waits: while another process reads (a backup), SQLite
   * leaves the WAL as it is and this returns false; the server calls it again every hour
   * (server/main.ts), since a quiet portal may not write enough to overwrite those frames
   * for days.
   */
  checkpoint(): boolean {
    this.db.pragma('busy_timeout = 0');
    try {
      const [result] = this.db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
      return result?.busy === 0;
    } finally {
      this.db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    }
  }

  // ------------------------------------------------------------------ uploads

  saveUpload(record: UploadRecord, data: Buffer): void {
    mkdirSync(this.uploadDir, { recursive: true });
    // The file name is generated, never the client's: nothing a client sends reaches the path.
    const fileName = `${record.id}.bin`;
    const temp = join(this.uploadDir, `${fileName}.tmp`);
    const fd = openSync(temp, 'w', 0o600);
    try {
      writeSync(fd, data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, join(this.uploadDir, fileName));
    this.sql('INSERT INTO uploads (id, file_name, content_type, size, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(record.id, fileName, record.contentType, record.size, record.createdAt);
  }

  readUpload(id: string): { record: UploadRecord; data: Buffer } | undefined {
    const r = this.sql('SELECT id, file_name, content_type, size, created_at FROM uploads WHERE id = ?').get(id) as Row | undefined;
    if (!r) return undefined;
    return {
      record: { id: str(r.id), contentType: str(r.content_type), size: r.size as number, createdAt: str(r.created_at) },
      data: readFileSync(join(this.uploadDir, str(r.file_name))),
    };
  }

  /**
   * Removes uploads made before `beforeIso` that no idea names as an attachment: files a
   * visitor sent and then never submitted an idea with. Returns how many went.
   */
  purgeUnattachedUploads(beforeIso: string): number {
    // Rows go in one transaction (an idea being submitted waits for it), files after it.
    const orphans = this.db.transaction(() => {
      const rows = this.sql(`SELECT id, file_name FROM uploads u WHERE u.created_at < ?
        AND u.id NOT IN (${ATTACHED_UPLOADS})`)
        .all(beforeIso) as Row[];
      for (const r of rows) this.sql('DELETE FROM uploads WHERE id = ?').run(r.id);
      return rows;
    }).immediate();
    for (const r of orphans) rmSync(join(this.uploadDir, str(r.file_name)), { force: true });
    return orphans.length;
  }

  missingUploads(ids: readonly string[]): string[] {
    return ids.filter((id) => this.sql('SELECT 1 FROM uploads WHERE id = ?').get(id) === undefined);
  }

  // ------------------------------------------------------------------ images

  imageSubject(kind: 'innovation' | 'program' | 'logo', id: string): { label: string; color: string } | undefined {
    if (kind === 'innovation') {
      const r = this.sql(`SELECT i.title, t.color FROM innovations i
        LEFT JOIN terms t ON t.vocabulary = 'sector' AND t.id = i.sector WHERE i.id = ?`).get(id) as Row | undefined;
      return r ? { label: str(r.title), color: opt(r.color) ?? '#0f766e' } : undefined;
    }
    if (kind === 'program') {
      const r = this.sql('SELECT title, kind FROM programs WHERE id = ?').get(id) as Row | undefined;
      const colors: Record<string, string> = { challenge: '#b45309', incubation: '#6d28d9', training: '#0369a1', funding: '#15803d' };
      return r ? { label: str(r.title), color: colors[str(r.kind)] ?? '#0f766e' } : undefined;
    }
    const r = this.sql(`SELECT s.name, t.color FROM stakeholders s
      LEFT JOIN terms t ON t.vocabulary = 'helix' AND t.id = s.helix WHERE s.id = ?`).get(id) as Row | undefined;
    return r ? { label: str(r.name), color: opt(r.color) ?? '#0f766e' } : undefined;
  }
}
