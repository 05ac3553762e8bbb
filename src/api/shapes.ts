/**
 * The shared innovation API contract (docs/API.md), written once as zod schemas:
 * the building blocks, enumerations and every response shape. Request bodies live in
 * requests.ts and query parameters in queries.ts, so that a widget bundle carries only
 * what it parses (zod schemas are built at import time and cannot be tree-shaken).
 *
 * Used three ways: the widgets validate every response with them, the reference server
 * validates every request with them, and the OpenAPI builder describes them.
 *
 * `zod/mini` rather than classic `zod`: the same schemas cost a fraction of the bytes in a
 * script-tag bundle because its checks are tree-shakable functions, not methods.
 *
 * Response shapes are open (unknown keys are dropped, so a server may add fields);
 * request shapes are strict (an unknown key is an error and is never stored).
 */
import * as z from 'zod/mini';

// ---------------------------------------------------------------------------------------
// Building blocks

const segmenter = /* @__PURE__ */ new Intl.Segmenter();

/** User-perceived characters (grapheme clusters), as API.md counts text lengths. */
export function graphemeLength(text: string): number {
  let n = 0;
  for (const _ of segmenter.segment(text)) n++;
  return n;
}

/**
 * Text trimmed, then counted in user-perceived characters. Issues carry zod's standard
 * `too_small` / `too_big` codes so that clients can word them in their own language.
 */
export function text(min: number, max: number) {
  return z.string().check(
    z.trim(),
    z.check<string>((ctx) => {
      const length = graphemeLength(ctx.value);
      if (length < min) {
        ctx.issues.push({
          code: 'too_small', origin: 'string', minimum: min, inclusive: true, input: ctx.value,
          message: `Must be at least ${min} characters`,
        });
      } else if (length > max) {
        ctx.issues.push({
          code: 'too_big', origin: 'string', maximum: max, inclusive: true, input: ctx.value,
          message: `Must be at most ${max} characters`,
        });
      }
    }),
    // Describes the limits to JSON Schema (the check above is invisible to it).
    z.meta({ minLength: min, maxLength: max }),
  );
}

/**
 * An absolute http: or https: URL, nothing else. `z.url()` alone accepts `javascript:`,
 * and surrounding spaces could hide a scheme from a naive check, so both are refused.
 */
export const httpUrl = z.url({ protocol: /^https?$/ }).check(
  z.regex(/^https?:\/\/[^\s]+$/i, 'Must be an absolute http(s) URL'),
);

/** Opaque, URL-safe id. */
export const id = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, 'Must be a URL-safe id'));
/** Taxonomy slug, e.g. `digital-services`. */
export const slug = z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Must be a slug'));
/** ISO 8601 instant with an offset (`Z` or `+07:00`). */
export const instant = z.iso.datetime({ offset: true });
/** Calendar date, `YYYY-MM-DD`. */
export const date = z.iso.date();
// Zones already found valid. Building an Intl.DateTimeFormat costs about a tenth of a
// millisecond: once per event of a 2 000-event month, that alone was a quarter second.
const knownZones = new Set<string>();
/** An IANA time zone name that this runtime knows. */
export const timeZone = z.string().check(
  z.refine((tz) => {
    if (knownZones.has(tz)) return true;
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      knownZones.add(tz);
      return true;
    } catch {
      return false;
    }
  }, 'Must be an IANA time zone'),
);
/** CSS colour as `#rgb` or `#rrggbb` (never arbitrary CSS). */
export const hexColor = z.string().check(z.regex(/^#(?:[0-9a-fA-F]{3}){1,2}$/, 'Must be a #hex colour'));

// ---------------------------------------------------------------------------------------
// Enumerations

export const HELIXES = ['government', 'academia', 'business', 'community', 'media'] as const;
export const INNOVATION_STAGES = ['initiative', 'trial', 'implemented'] as const;
export const INNOVATION_TYPES = ['digital', 'non_digital'] as const;
export const IDEA_STATUSES = ['received', 'under_review', 'accepted', 'rejected', 'implemented'] as const;
export const PROGRAM_KINDS = ['challenge', 'incubation', 'training', 'funding'] as const;
export const PROGRAM_STATUSES = ['upcoming', 'open', 'closed'] as const;

export const Helix = z.enum(HELIXES);
export const InnovationStage = z.enum(INNOVATION_STAGES);
export const InnovationType = z.enum(INNOVATION_TYPES);
export const IdeaStatus = z.enum(IDEA_STATUSES);
export const ProgramKind = z.enum(PROGRAM_KINDS);
export const ProgramStatus = z.enum(PROGRAM_STATUSES);

export type Helix = z.infer<typeof Helix>;
export type InnovationStage = z.infer<typeof InnovationStage>;
export type InnovationType = z.infer<typeof InnovationType>;
export type IdeaStatus = z.infer<typeof IdeaStatus>;
export type ProgramKind = z.infer<typeof ProgramKind>;
export type ProgramStatus = z.infer<typeof ProgramStatus>;

// ---------------------------------------------------------------------------------------
// Shapes

export const LocalizedLabel = z.object({ id: z.string(), en: z.string() });
export const Term = z.object({ id: slug, label: LocalizedLabel, color: z.optional(hexColor) });
export const Taxonomy = z.object({
  sectors: z.array(Term),
  eventCategories: z.array(Term),
  helixes: z.array(Term),
});

export const Image = z.object({ url: httpUrl, alt: z.string() });
export const StakeholderRef = z.object({ id, name: z.string(), helix: Helix });

export const InnovationSummary = z.object({
  id,
  title: z.string(),
  summary: z.string(),
  sector: slug,
  stage: InnovationStage,
  type: InnovationType,
  year: z.int().check(z.gte(1900), z.lte(2200)),
  owner: StakeholderRef,
  image: z.optional(Image),
  programId: z.optional(id),
});

export const Metric = z.object({ label: z.string(), value: z.string() });

export const Innovation = z.extend(InnovationSummary, {
  description: z.string(),
  partners: z.array(StakeholderRef),
  images: z.array(Image),
  website: z.optional(httpUrl),
  contactEmail: z.optional(z.email()),
  startedOn: z.optional(date),
  metrics: z.optional(z.array(Metric)),
});

/** A page of a list: `{ items, total, page, pageSize }`. */
export function Page<T extends z.ZodMiniType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.int().check(z.gte(0)),
    page: z.int().check(z.gte(1)),
    pageSize: z.int().check(z.gte(1), z.lte(100)),
  });
}

export const IdeaReceipt = z.object({
  id,
  trackingCode: z.string(),
  status: z.literal('received'),
  createdAt: instant,
});

export const IdeaStatusView = z.object({
  trackingCode: z.string(),
  title: z.string(),
  status: IdeaStatus,
  createdAt: instant,
  updatedAt: instant,
});

export const UPLOAD_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'application/pdf'] as const;
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
/**
 * Days a server keeps the answer of a `POST /ideas` under its Idempotency-Key (docs/API.md).
 * The idea form resumes a send that was never answered when the citizen next opens the page,
 * with the same key, and only within these days: later, the key could be gone and the idea
 * stored a second time.
 */
export const IDEMPOTENCY_KEEP_DAYS = 30;
export const Upload = z.object({
  id,
  url: httpUrl,
  contentType: z.enum(UPLOAD_TYPES),
  size: z.int().check(z.gte(1), z.lte(MAX_UPLOAD_BYTES)),
});

export const Program = z.object({
  id,
  title: z.string(),
  summary: z.string(),
  kind: ProgramKind,
  status: ProgramStatus,
  organizer: StakeholderRef,
  sectors: z.array(slug),
  audience: z.array(Helix),
  opensOn: date,
  closesOn: date,
  website: z.optional(httpUrl),
  image: z.optional(Image),
});

export const ProgramDetail = z.extend(Program, {
  description: z.string(),
  eligibility: z.optional(z.string()),
  innovations: z.array(InnovationSummary),
});

export const EventLocation = z.object({
  name: z.string(),
  address: z.optional(z.string()),
  lat: z.optional(z.number().check(z.gte(-90), z.lte(90))),
  lng: z.optional(z.number().check(z.gte(-180), z.lte(180))),
});

export const Event = z.object({
  id,
  title: z.string(),
  description: z.string(),
  start: instant,
  end: instant,
  allDay: z.boolean(),
  timeZone,
  category: slug,
  location: z.optional(EventLocation),
  onlineUrl: z.optional(httpUrl),
  organizer: z.optional(StakeholderRef),
  registrationUrl: z.optional(httpUrl),
  seriesId: z.optional(id),
  programId: z.optional(id),
});

export const EventList = z.object({ items: z.array(Event) });

export const Stakeholder = z.object({
  id,
  name: z.string(),
  helix: Helix,
  kind: z.optional(z.string()),
  description: z.optional(z.string()),
  website: z.optional(httpUrl),
  logo: z.optional(Image),
  location: z.optional(z.object({
    lat: z.number().check(z.gte(-90), z.lte(90)),
    lng: z.number().check(z.gte(-180), z.lte(180)),
    address: z.optional(z.string()),
  })),
  innovationCount: z.int().check(z.gte(0)),
});

export const Collaboration = z.object({
  source: id,
  target: id,
  kind: z.string(),
  innovationId: z.optional(id),
  weight: z.optional(z.number().check(z.gte(0))),
});

export const StakeholderGraph = z.object({
  items: z.array(Stakeholder),
  links: z.array(Collaboration),
});

export const StakeholderDetail = z.extend(Stakeholder, {
  innovations: z.array(InnovationSummary),
});

export const FieldError = z.object({ path: z.string(), code: z.string(), message: z.string() });

/** RFC 9457 problem details. */
export const Problem = z.looseObject({
  type: z.string(),
  title: z.string(),
  status: z.int(),
  detail: z.optional(z.string()),
  instance: z.optional(z.string()),
  errors: z.optional(z.array(FieldError)),
});

// ---------------------------------------------------------------------------------------
// Types

export type LocalizedLabel = z.infer<typeof LocalizedLabel>;
export type Term = z.infer<typeof Term>;
export type Taxonomy = z.infer<typeof Taxonomy>;
export type Image = z.infer<typeof Image>;
export type StakeholderRef = z.infer<typeof StakeholderRef>;
export type InnovationSummary = z.infer<typeof InnovationSummary>;
export type Innovation = z.infer<typeof Innovation>;
export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };
export type IdeaReceipt = z.infer<typeof IdeaReceipt>;
export type IdeaStatusView = z.infer<typeof IdeaStatusView>;
export type Upload = z.infer<typeof Upload>;
export type Program = z.infer<typeof Program>;
export type ProgramDetail = z.infer<typeof ProgramDetail>;
export type Event = z.infer<typeof Event>;
export type EventList = z.infer<typeof EventList>;
export type Stakeholder = z.infer<typeof Stakeholder>;
export type Collaboration = z.infer<typeof Collaboration>;
export type StakeholderGraph = z.infer<typeof StakeholderGraph>;
export type StakeholderDetail = z.infer<typeof StakeholderDetail>;
export type FieldError = z.infer<typeof FieldError>;
export type Problem = z.infer<typeof Problem>;
