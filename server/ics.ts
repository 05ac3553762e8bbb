/**
 * An RFC 5545 calendar feed. Timed events carry TZID and a VTIMEZONE built from the
 * runtime's own zone data, so a recurring series stays at its local time in every client.
 */
import type { EventRecord } from './store.js';
import { formatWall, fromFloating, offsetMinutes, parseWall, wallAt, type Wall } from './time.js';

export interface IcsOptions {
  /** Calendar name shown by clients. */
  name: string;
  /** Labels of event categories, by slug. */
  categoryLabels: ReadonlyMap<string, string>;
  nowMs: number;
  /** Domain part of UIDs; stable across requests so clients update instead of duplicating. */
  uidDomain: string;
}

/** Escapes a TEXT value (RFC 5545 §3.3.11). */
export function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

/** Folds a content line at 75 octets without splitting a UTF-8 character (§3.1). */
export function foldLine(line: string): string {
  const bytes = Buffer.from(line, 'utf8');
  if (bytes.length <= 75) return line;
  const pieces: string[] = [];
  let start = 0;
  let limit = 75;
  while (start < bytes.length) {
    let end = Math.min(start + limit, bytes.length);
    // Step back over UTF-8 continuation bytes (10xxxxxx) so a character stays whole.
    while (end < bytes.length && (bytes[end]! & 0xc0) === 0x80) end--;
    pieces.push(bytes.toString('utf8', start, end));
    start = end;
    limit = 74; // continuation lines begin with a space
  }
  return pieces.join('\r\n ');
}

const compact = (wall: Wall) => formatWall(wall).replace(/[-:]/g, '');
const compactDate = (wall: Wall) => compact(wall).slice(0, 8);
const utcStamp = (ms: number) => new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
}

/** Offset changes of `zone` in `[fromMs, toMs)`, found by daily sampling and bisection. */
function transitions(zone: string, fromMs: number, toMs: number): { atMs: number; from: number; to: number }[] {
  const out: { atMs: number; from: number; to: number }[] = [];
  const day = 86_400_000;
  let previous = offsetMinutes(fromMs, zone);
  for (let t = fromMs + day; t < toMs; t += day) {
    const current = offsetMinutes(t, zone);
    if (current === previous) continue;
    let lo = t - day;
    let hi = t;
    while (hi - lo > 60_000) {
      const mid = Math.floor((lo + hi) / 2 / 60_000) * 60_000;
      if (offsetMinutes(mid, zone) === previous) lo = mid;
      else hi = mid;
    }
    out.push({ atMs: hi, from: previous, to: current });
    previous = current;
  }
  return out;
}

/** A VTIMEZONE valid for the instants `[fromMs, toMs)`. */
export function vtimezone(zone: string, fromMs: number, toMs: number): string[] {
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone}`];
  const initial = offsetMinutes(fromMs, zone);
  const observance = (kind: string, onsetLocal: Wall, from: number, to: number) => {
    lines.push(`BEGIN:${kind}`, `DTSTART:${compact(onsetLocal)}`, `TZOFFSETFROM:${offsetText(from)}`,
      `TZOFFSETTO:${offsetText(to)}`, `END:${kind}`);
  };
  const changes = transitions(zone, fromMs, toMs);
  const standard = Math.min(initial, ...changes.map((c) => c.to));
  observance(initial > standard ? 'DAYLIGHT' : 'STANDARD', wallAt(fromMs, zone), initial, initial);
  for (const c of changes) {
    // The onset is written in the local time that was in force just before the change.
    observance(c.to > standard ? 'DAYLIGHT' : 'STANDARD', fromFloating(c.atMs + c.from * 60_000), c.from, c.to);
  }
  lines.push('END:VTIMEZONE');
  return lines;
}

/** The whole feed, CRLF-terminated. */
export function buildCalendar(events: readonly EventRecord[], options: IcsOptions): string {
  const zones = new Set(events.filter((e) => !e.allDay).map((e) => e.timeZone));
  const earliest = Math.min(options.nowMs, ...events.map((e) => Date.UTC(parseWall(e.startLocal).year, 0, 1)));
  const lines = [
    'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//inno-widgets//reference server//ID', 'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH', `X-WR-CALNAME:${escapeText(options.name)}`,
  ];
  for (const zone of zones) lines.push(...vtimezone(zone, earliest - 86_400_000, options.nowMs + 3 * 365 * 86_400_000));
  // DTSTAMP changes once an hour, not every second, so the feed's ETag stays useful.
  const stamp = utcStamp(Math.floor(options.nowMs / 3_600_000) * 3_600_000);
  for (const e of events) {
    const start = parseWall(e.startLocal);
    const end = parseWall(e.endLocal);
    lines.push('BEGIN:VEVENT', `UID:${e.id}@${options.uidDomain}`, `DTSTAMP:${stamp}`);
    if (e.allDay) {
      lines.push(`DTSTART;VALUE=DATE:${compactDate(start)}`, `DTEND;VALUE=DATE:${compactDate(end)}`);
    } else {
      lines.push(`DTSTART;TZID=${e.timeZone}:${compact(start)}`, `DTEND;TZID=${e.timeZone}:${compact(end)}`);
    }
    if (e.rrule) lines.push(`RRULE:${e.rrule.replace(/^RRULE:/i, '')}`);
    lines.push(`SUMMARY:${escapeText(e.title)}`, `DESCRIPTION:${escapeText(e.description)}`);
    const label = options.categoryLabels.get(e.category);
    lines.push(`CATEGORIES:${escapeText(label ?? e.category)}`);
    if (e.location) {
      lines.push(`LOCATION:${escapeText([e.location.name, e.location.address].filter(Boolean).join(', '))}`);
      if (e.location.lat !== undefined && e.location.lng !== undefined) lines.push(`GEO:${e.location.lat};${e.location.lng}`);
    }
    const url = e.registrationUrl ?? e.onlineUrl;
    if (url) lines.push(`URL:${url}`);
    if (e.onlineUrl) lines.push(`CONFERENCE;VALUE=URI:${e.onlineUrl}`);
    if (e.organizer) lines.push(`X-INNO-ORGANIZER:${escapeText(e.organizer.name)}`);
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
