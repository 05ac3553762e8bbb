/** Query parameters of the contract: strings on the wire, coerced and checked (server side). */
import * as z from 'zod/mini';
import { Helix, IdeaStatus, InnovationStage, InnovationType, ProgramKind, ProgramStatus, date, id, instant, slug } from './shapes.js';

const pageNumber = z.optional(z.coerce.number().check(z.int(), z.gte(1), z.lte(100000)));
const pageSize = z.optional(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)));
const query = z.optional(z.string().check(z.trim(), z.maxLength(200)));

export const InnovationQuery = z.strictObject({
  q: query,
  sector: z.optional(slug),
  stage: z.optional(InnovationStage),
  type: z.optional(InnovationType),
  helix: z.optional(Helix),
  year: z.optional(z.coerce.number().check(z.int(), z.gte(1900), z.lte(2200))),
  owner: z.optional(id),
  program: z.optional(id),
  sort: z.optional(z.enum(['newest', 'title'])),
  page: pageNumber,
  pageSize,
});

export const ProgramQuery = z.strictObject({
  q: query,
  kind: z.optional(ProgramKind),
  status: z.optional(ProgramStatus),
  organizer: z.optional(id),
  sector: z.optional(slug),
  /** Only programs open to this helix (`academia`: students and staff of a campus). */
  audience: z.optional(Helix),
  page: pageNumber,
  pageSize,
});

export const EventQuery = z.strictObject({
  from: instantOrDate(),
  to: instantOrDate(),
  category: z.optional(slug),
  organizer: z.optional(id),
  program: z.optional(id),
  q: query,
});

/** `from`/`to` of `GET /events`: an instant, or a date (midnight UTC). */
function instantOrDate() {
  return z.union([instant, date]);
}

export const StakeholderQuery = z.strictObject({
  helix: z.optional(Helix),
  q: query,
  around: z.optional(id),
  depth: z.optional(z.coerce.number().check(z.int(), z.gte(1), z.lte(3))),
});

export const AdminIdeaQuery = z.strictObject({
  status: z.optional(IdeaStatus),
  page: pageNumber,
  pageSize,
});

export const IcsQuery = z.strictObject({ category: z.optional(slug) });


export type InnovationQuery = z.input<typeof InnovationQuery>;
export type ProgramQuery = z.input<typeof ProgramQuery>;
export type EventQuery = z.input<typeof EventQuery>;
export type StakeholderQuery = z.input<typeof StakeholderQuery>;
export type AdminIdeaQuery = z.input<typeof AdminIdeaQuery>;
