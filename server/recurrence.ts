/**
 * Expansion of RFC 5545 recurrence rules in an event's own time zone.
 *
 * The rrule library does calendar arithmetic well but handles zones poorly, so it is fed
 * "floating" times (local wall clock read as UTC) and each occurrence is converted to an
 * instant afterwards. A weekly 09:00 Asia/Jakarta event thus stays 09:00 local, and in a
 * zone with daylight saving a weekly 09:00 event stays 09:00 on both sides of the change.
 */
import * as rruleModule from 'rrule';
import type { Options } from 'rrule';
import { floating, fromFloating, offsetMinutes, parseWall, wallToInstant } from './time.js';

// rrule ships CommonJS for Node: under Node's ESM loader its named exports are only
// reachable through the default export, while bundlers and tsx's CJS mode expose them directly.
const RRule =
  (rruleModule as { RRule?: typeof rruleModule.RRule }).RRule ??
  (rruleModule as unknown as { default: typeof rruleModule }).default.RRule;

/** Occurrences past this many are not computed (a safety net for runaway rules). */
const MAX_OCCURRENCES = 5000;

export interface SeriesDefinition {
  /** First occurrence's local start, `YYYY-MM-DDTHH:MM:SS`. */
  startLocal: string;
  /** First occurrence's local end; every occurrence keeps the same wall-clock length. */
  endLocal: string;
  timeZone: string;
  /** The RRULE value, e.g. `FREQ=WEEKLY;BYDAY=TU;COUNT=12` (without the `RRULE:` prefix). */
  rrule: string;
}

export interface Occurrence {
  /** Local start, floating (wall clock read as UTC); names the occurrence. */
  floatingStart: number;
  startMs: number;
  endMs: number;
}

/** Parses and checks an RRULE value; throws with a readable message when it is not valid. */
export function parseRule(rule: string): Partial<Options> {
  const value = rule.replace(/^RRULE:/i, '').trim();
  if (!/^[A-Z0-9=;,+\-:]+$/i.test(value)) throw new Error('RRULE has characters it may not have');
  const options = RRule.parseString(value);
  if (options.freq === undefined || options.freq === null) throw new Error('RRULE needs FREQ');
  if (options.dtstart || options.tzid) throw new Error('RRULE may not carry DTSTART or TZID');
  return options;
}

function ruleFor(def: SeriesDefinition): InstanceType<typeof RRule> {
  const options = parseRule(def.rrule);
  const dtstart = new Date(floating(parseWall(def.startLocal)));
  // UNTIL is an instant (UTC) in RFC 5545; the floating arithmetic needs it as local time.
  const until = options.until
    ? new Date(options.until.getTime() + offsetMinutes(options.until.getTime(), def.timeZone) * 60_000)
    : null;
  return new RRule({ ...options, dtstart, until, tzid: null });
}

function toOccurrence(def: SeriesDefinition, floatingStart: number, length: number): Occurrence {
  return {
    floatingStart,
    startMs: wallToInstant(fromFloating(floatingStart), def.timeZone),
    endMs: wallToInstant(fromFloating(floatingStart + length), def.timeZone),
  };
}

function wallLength(def: SeriesDefinition): number {
  return floating(parseWall(def.endLocal)) - floating(parseWall(def.startLocal));
}

/** Every occurrence of the series that overlaps the instants `[fromMs, toMs)`. */
export function expandSeries(def: SeriesDefinition, fromMs: number, toMs: number): Occurrence[] {
  const length = wallLength(def);
  // Widen the window by a day each side so that no offset can push an occurrence out,
  // then filter on real instants.
  const day = 86_400_000;
  const after = new Date(fromMs - length - 2 * day);
  const before = new Date(toMs + 2 * day);
  const out: Occurrence[] = [];
  ruleFor(def).between(after, before, true, (date, i) => {
    const occurrence = toOccurrence(def, date.getTime(), length);
    if (occurrence.startMs < toMs && occurrence.endMs > fromMs) out.push(occurrence);
    return i < MAX_OCCURRENCES;
  });
  return out;
}

/** The occurrence that starts at this local wall time, if the series has one. */
export function occurrenceAt(def: SeriesDefinition, floatingStart: number): Occurrence | undefined {
  const at = new Date(floatingStart);
  const hit = ruleFor(def).between(at, at, true);
  return hit.length > 0 ? toOccurrence(def, floatingStart, wallLength(def)) : undefined;
}

/** First and last instants the series covers; `lastEndMs` is null for an endless series. */
export function seriesBounds(def: SeriesDefinition): { firstStartMs: number; lastEndMs: number | null } {
  const rule = ruleFor(def);
  const length = wallLength(def);
  const firstStartMs = wallToInstant(parseWall(def.startLocal), def.timeZone);
  if (!rule.options.count && !rule.options.until) return { firstStartMs, lastEndMs: null };
  const all = rule.all((_, i) => i < MAX_OCCURRENCES);
  const last = all.at(-1);
  if (!last) return { firstStartMs, lastEndMs: firstStartMs };
  return { firstStartMs, lastEndMs: toOccurrence(def, last.getTime(), length).endMs };
}
