/**
 * A city's own content as one JSON file: what `npm run content -- import|export` reads and
 * writes. Items use the API's own shapes (docs/API.md), checked with the contract's zod
 * schemas, with the few differences a stored record needs:
 *
 * - references are ids (`ownerId`, `partnerIds`, `organizerId`) instead of embedded
 *   `{ id, name, helix }` objects, and derived fields (`innovationCount`, program `status`,
 *   program `innovations`) are left out;
 * - an event is stored as defined: local `startLocal`/`endLocal` in its own `timeZone`, and
 *   an optional RFC 5545 `rrule` for a recurring series;
 * - an image `url` is absolute, or relative to the API base (`images/logo/sh-01.svg`, the
 *   pictures the reference server draws itself).
 *
 * Unknown keys are errors, so that a misspelt optional field is reported, not dropped.
 */
import * as z from 'zod/mini';
import {
  Collaboration, Event, Helix, httpUrl, id, Innovation, instant, ProgramDetail, Stakeholder, Term,
} from '../src/api/schemas.js';
import { seriesBounds } from './recurrence.js';
import type { Content } from './store.js';
import { parseWall, wallToInstant } from './time.js';
// City IT reads these errors: validation.ts loads zod's English messages, once for the server.
import './validation.js';

/** Written at the top of an exported file, and accepted (not required) on import. */
export const CONTENT_FORMAT = 'inno-widgets-content/1';

const relativeImagePath = z.string().check(z.regex(/^images\/[A-Za-z0-9_./-]+$/, 'Must be an absolute http(s) URL or images/…'));
const ContentImage = z.strictObject({ url: z.union([httpUrl, relativeImagePath]), alt: z.string() });
const localDateTime = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/, 'Must be a local YYYY-MM-DDTHH:MM:SS'));

const { innovationCount: _count, logo: _logo, location: stakeholderLocation, ...stakeholderShape } = Stakeholder.shape;
const ContentStakeholder = z.strictObject({
  ...stakeholderShape,
  logo: z.optional(ContentImage),
  location: z.optional(z.strictObject(stakeholderLocation.def.innerType.shape)),
});

const { status: _status, innovations: _innovations, organizer: _organizer, image: _programImage, ...programShape } =
  ProgramDetail.shape;
const ContentProgram = z.strictObject({ ...programShape, organizerId: id, image: z.optional(ContentImage) });

const { owner: _owner, partners: _partners, image: _image, images: _images, metrics, ...innovationShape } = Innovation.shape;
const ContentInnovation = z.strictObject({
  ...innovationShape,
  metrics,
  images: z.array(ContentImage),
  ownerId: id,
  partnerIds: z.array(id),
  createdAt: instant,
});

const { start: _start, end: _end, organizer: _eventOrganizer, seriesId: _seriesId, ...eventShape } = Event.shape;
const ContentEvent = z.strictObject({
  ...eventShape,
  startLocal: localDateTime,
  endLocal: localDateTime,
  rrule: z.optional(z.string()),
  organizerId: z.optional(id),
});

export const ContentFile = z.strictObject({
  format: z.optional(z.literal(CONTENT_FORMAT)),
  sectors: z.array(z.strictObject(Term.shape)),
  eventCategories: z.array(z.strictObject(Term.shape)),
  helixes: z.array(z.strictObject({ ...Term.shape, id: Helix })),
  stakeholders: z.array(ContentStakeholder),
  programs: z.array(ContentProgram),
  innovations: z.array(ContentInnovation),
  collaborations: z.array(z.strictObject(Collaboration.shape)),
  events: z.array(ContentEvent),
});

/** A content file that cannot be loaded; `problems` name the item and the field. */
export class ContentError extends Error {
  constructor(readonly problems: string[]) {
    super(`The content was not loaded (nothing was changed):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ContentError';
  }
}

type Section = keyof Omit<z.infer<typeof ContentFile>, 'format'>;

/** `innovations[3] (id "in-04").ownerId` for the issue path `['innovations', 3, 'ownerId']`. */
function describePath(input: unknown, path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(the whole file)';
  let out = String(path[0]);
  let node: unknown = (input as Record<PropertyKey, unknown> | null)?.[path[0]!];
  for (let n = 1; n < path.length; n++) {
    const key = path[n]!;
    node = (node as Record<PropertyKey, unknown> | null | undefined)?.[key];
    if (typeof key === 'number') {
      out += `[${key}]`;
      const itemId = n === 1 ? (node as { id?: unknown } | undefined)?.id : undefined;
      if (typeof itemId === 'string') out += ` (id "${itemId}")`;
    } else {
      out += `.${String(key)}`;
    }
  }
  return out;
}

function item(section: Section, index: number, itemId: string | undefined): string {
  return `${section}[${index}]${itemId === undefined ? '' : ` (id "${itemId}")`}`;
}

/**
 * Checks a parsed JSON value as a content file: every item against the contract's schemas,
 * then every reference (owner, partners, organizer, program, sector, category) and id.
 * Returns the content to store, or throws a {@link ContentError} listing every problem.
 */
export function parseContent(input: unknown): Content {
  const parsed = z.safeParse(ContentFile, input);
  if (!parsed.success) {
    throw new ContentError(parsed.error.issues.map((issue) => `${describePath(input, issue.path)}: ${issue.message}`));
  }
  const { format: _format, ...content } = parsed.data;
  const problems: string[] = [];

  const idsOf = (section: Section): Set<string> => {
    const seen = new Set<string>();
    (content[section] as { id: string }[]).forEach((entry, n) => {
      if (seen.has(entry.id)) problems.push(`${item(section, n, entry.id)}.id: another item already has this id`);
      seen.add(entry.id);
    });
    return seen;
  };
  const sectors = idsOf('sectors');
  const categories = idsOf('eventCategories');
  idsOf('helixes');
  const stakeholders = idsOf('stakeholders');
  const programs = idsOf('programs');
  const innovations = idsOf('innovations');
  idsOf('events');

  const need = (ids: Set<string>, what: string, value: string | undefined, where: string) => {
    if (value !== undefined && !ids.has(value)) problems.push(`${where}: there is no ${what} "${value}" in the file`);
  };
  content.programs.forEach((p, n) => {
    const at = item('programs', n, p.id);
    need(stakeholders, 'stakeholder', p.organizerId, `${at}.organizerId`);
    p.sectors.forEach((s, k) => need(sectors, 'sector', s, `${at}.sectors[${k}]`));
    if (p.closesOn < p.opensOn) problems.push(`${at}.closesOn: comes before opensOn (${p.opensOn})`);
  });
  content.innovations.forEach((i, n) => {
    const at = item('innovations', n, i.id);
    need(stakeholders, 'stakeholder', i.ownerId, `${at}.ownerId`);
    i.partnerIds.forEach((p, k) => need(stakeholders, 'stakeholder', p, `${at}.partnerIds[${k}]`));
    if (new Set(i.partnerIds).size !== i.partnerIds.length) problems.push(`${at}.partnerIds: names a partner twice`);
    need(programs, 'program', i.programId, `${at}.programId`);
    need(sectors, 'sector', i.sector, `${at}.sector`);
  });
  content.collaborations.forEach((c, n) => {
    const at = item('collaborations', n, undefined);
    need(stakeholders, 'stakeholder', c.source, `${at}.source`);
    need(stakeholders, 'stakeholder', c.target, `${at}.target`);
    need(innovations, 'innovation', c.innovationId, `${at}.innovationId`);
  });
  content.events.forEach((e, n) => {
    const at = item('events', n, e.id);
    need(stakeholders, 'stakeholder', e.organizerId, `${at}.organizerId`);
    need(programs, 'program', e.programId, `${at}.programId`);
    need(categories, 'event category', e.category, `${at}.category`);
    try {
      if (e.rrule) seriesBounds(e as typeof e & { rrule: string });
      else if (wallToInstant(parseWall(e.endLocal), e.timeZone) < wallToInstant(parseWall(e.startLocal), e.timeZone)) {
        problems.push(`${at}.endLocal: comes before startLocal`);
      }
    } catch (error) {
      problems.push(`${at}.${e.rrule ? 'rrule' : 'startLocal'}: ${(error as Error).message}`);
    }
  });
  if (problems.length > 0) throw new ContentError(problems);
  return content;
}

/** The JSON text of a content file, with its format marker first. */
export function formatContent(content: Content): string {
  return `${JSON.stringify({ format: CONTENT_FORMAT, ...content }, null, 2)}\n`;
}
