/**
 * What the request handler needs from storage. The reference server uses SQLite
 * (sqlite-store.ts); a city with its own database implements this interface instead.
 *
 * Records use the API's own shapes, with one difference: an image `url` may be relative
 * to the API base (`images/logo/sh-01.svg`), because only the handler knows under which
 * origin it is being reached; it makes every such URL absolute before answering.
 */
import type {
  AdminIdea, Collaboration, EventLocation, Helix, IdeaStatus, IdeaStatusView, Innovation,
  InnovationStage, InnovationSummary, InnovationType, Program, ProgramDetail, ProgramKind,
  ProgramStatus, StakeholderDetail, StakeholderRef, Stakeholder, Taxonomy, Term,
} from '../src/api/schemas.js';
import type * as z from 'zod/mini';

export type EventLocationRecord = z.infer<typeof EventLocation>;

export interface Paged<T> {
  items: T[];
  total: number;
}

export interface Slice {
  offset: number;
  limit: number;
}

export interface InnovationFilter extends Slice {
  q?: string;
  sector?: string;
  stage?: InnovationStage;
  type?: InnovationType;
  helix?: Helix;
  year?: number;
  owner?: string;
  program?: string;
  sort: 'newest' | 'title';
}

export interface ProgramFilter extends Slice {
  q?: string;
  kind?: ProgramKind;
  status?: ProgramStatus;
  organizer?: string;
  sector?: string;
  /** Only programs whose audience includes this helix. */
  audience?: Helix;
  /** Today in the city's zone (`YYYY-MM-DD`): status is derived from it. */
  today: string;
}

export interface EventFilter {
  /** Events (or series) that may overlap `[fromMs, toMs)`; series still need expanding. */
  fromMs: number;
  toMs: number;
  category?: string;
  organizer?: string;
  program?: string;
  q?: string;
}

export interface StakeholderFilter {
  helix?: Helix;
  q?: string;
}

/** An event or a recurring series as defined, in local time of its own zone. */
export interface EventRecord {
  id: string;
  title: string;
  description: string;
  /** `YYYY-MM-DDTHH:MM:SS`, local to `timeZone`; all-day events start at 00:00. */
  startLocal: string;
  /** Exclusive end, local; an all-day event on one day ends at 00:00 the next day. */
  endLocal: string;
  allDay: boolean;
  timeZone: string;
  /** RFC 5545 RRULE value when this is a recurring series. */
  rrule?: string;
  category: string;
  location?: EventLocationRecord;
  onlineUrl?: string;
  organizer?: StakeholderRef;
  registrationUrl?: string;
  programId?: string;
}

/** An idea as it is stored (after validation and normalisation). */
export interface NewIdea {
  id: string;
  trackingCode: string;
  title: string;
  problem: string;
  solution: string;
  benefit?: string;
  sector: string;
  location?: string;
  submitter: { name: string; email: string; phone?: string; helix: Helix; organization?: string };
  attachments?: string[];
  programId?: string;
  createdAt: string;
}

export interface UploadRecord {
  id: string;
  contentType: string;
  size: number;
  createdAt: string;
}

export type IdempotencyState =
  | { state: 'new' }
  | { state: 'replay'; status: number; body: string }
  | { state: 'mismatch' }
  | { state: 'in_progress' };

export interface IdempotencyKey {
  scope: string;
  key: string;
  /** Hash of the request body: the same key with another body is refused. */
  fingerprint: string;
}

/** The stored answer of an idempotent request, saved in the same transaction as its effect. */
export interface IdempotentAnswer extends IdempotencyKey {
  status: number;
  body: string;
}

/** Everything the demo data generator produces, and what `replaceContent` loads. */
export interface Content {
  sectors: Term[];
  eventCategories: Term[];
  helixes: Term[];
  stakeholders: Omit<Stakeholder, 'innovationCount'>[];
  programs: (Omit<ProgramDetail, 'status' | 'innovations' | 'organizer'> & { organizerId: string })[];
  innovations: (Omit<Innovation, 'owner' | 'partners' | 'image'> & { ownerId: string; partnerIds: string[]; createdAt: string })[];
  collaborations: Collaboration[];
  events: (Omit<EventRecord, 'organizer'> & { organizerId?: string })[];
}

export interface Store {
  taxonomy(): Taxonomy;
  hasTerm(vocabulary: 'sector' | 'eventCategory', id: string): boolean;

  listInnovations(filter: InnovationFilter): Paged<InnovationSummary>;
  getInnovation(id: string): Innovation | undefined;
  /** Innovations a stakeholder owns or is a partner in. */
  innovationsOf(stakeholderId: string): InnovationSummary[];

  listPrograms(filter: ProgramFilter): Paged<Program>;
  getProgram(id: string, today: string): ProgramDetail | undefined;

  findEvents(filter: EventFilter): EventRecord[];
  getEvent(id: string): EventRecord | undefined;

  listStakeholders(filter: StakeholderFilter): Stakeholder[];
  getStakeholder(id: string): StakeholderDetail | undefined;
  /** The whole collaboration graph (small: one city), for neighbourhood searches. */
  collaborations(): Collaboration[];

  /**
   * Looks up an idempotency key and, when it is new, claims it as in progress.
   * A claim older than `staleAfterMs` is treated as abandoned (its process died).
   */
  claimIdempotencyKey(key: IdempotencyKey, nowMs: number, staleAfterMs: number): IdempotencyState;
  releaseIdempotencyKey(key: IdempotencyKey): void;
  /** Forgets keys created before `beforeMs`. */
  purgeIdempotencyKeys(beforeMs: number): number;

  /** Stores the idea and, in the same transaction, the answer to replay for its key. */
  createIdea(idea: NewIdea, answer: IdempotentAnswer | undefined): void;
  ideaStatus(trackingCode: string): IdeaStatusView | undefined;
  listIdeas(filter: Slice & { status?: IdeaStatus }): Paged<AdminIdea>;
  getIdea(id: string): AdminIdea | undefined;
  setIdeaStatus(id: string, status: IdeaStatus, note: string | undefined, at: string): AdminIdea | undefined;
  /**
   * Erases an idea at its sender's request: the idea, its history and the uploads only it
   * names (their files too). The stored idempotent answer stays (it holds no personal
   * data), so that the same key replays the receipt instead of storing the idea again. The
   * erasure must outlive a restore of an older copy of the data (SqliteStore keeps a
   * record outside the database). The database part is all or nothing; files go after it
   * is committed. False when there is no such idea.
   */
  eraseIdea(id: string): boolean;

  saveUpload(record: UploadRecord, data: Buffer): void;
  readUpload(id: string): { record: UploadRecord; data: Buffer } | undefined;
  /** Ids among `ids` that name no upload. */
  missingUploads(ids: readonly string[]): string[];

  /** What a generated image of this subject shows: its name and its colour. */
  imageSubject(kind: 'innovation' | 'program' | 'logo', id: string): { label: string; color: string } | undefined;

  /**
   * A value that changes whenever public content (anything but ideas and uploads) changes.
   * The handler then reuses answers to public GETs until it changes. Leave it out when
   * that cannot be known cheaply: every request is then answered afresh.
   */
  contentVersion?(): string;

  close(): void;
}
