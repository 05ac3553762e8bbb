/**
 * "Add to calendar": a one-event iCalendar file (RFC 5545) built in the browser, and the
 * Google Calendar and Outlook compose links for the same event.
 */
import type { Event } from '../../api/schemas.js';
import { place } from './layout.js';
import { addDays } from './time.js';

/** TEXT value escaping (RFC 5545 §3.3.11). */
export function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n|\r/g, '\\n');
}

const encoder = new TextEncoder();

/** Folds a content line at 75 octets (§3.1), never inside a UTF-8 sequence. */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    const limit = out.length === 0 ? 75 : 74; // a continuation starts with one space
    if (octets + size > limit) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

/** `20261113T020000Z` */
function utcStamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

function compactDay(day: string): string {
  return day.replace(/-/g, '');
}

/** The event's own dates: all-day events are dates, not instants (end exclusive). */
function allDayRange(event: Event): [string, string] {
  const placed = place(event, event.timeZone);
  return [compactDay(placed.firstDay), compactDay(addDays(placed.lastDay, 1))];
}

function locationText(event: Event): string {
  return [event.location?.name, event.location?.address].filter(Boolean).join(', ');
}

export function buildIcs(event: Event, options: { nowMs: number; uidDomain: string; url?: string | undefined }): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//inno-widgets//event-calendar//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${event.id}@${options.uidDomain}`,
    `DTSTAMP:${utcStamp(options.nowMs)}`,
  ];
  if (event.allDay) {
    const [start, end] = allDayRange(event);
    lines.push(`DTSTART;VALUE=DATE:${start}`, `DTEND;VALUE=DATE:${end}`);
  } else {
    lines.push(`DTSTART:${utcStamp(Date.parse(event.start))}`, `DTEND:${utcStamp(Date.parse(event.end))}`);
  }
  lines.push(`SUMMARY:${escapeText(event.title)}`);
  if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
  const where = locationText(event) || event.onlineUrl;
  if (where) lines.push(`LOCATION:${escapeText(where)}`);
  if (options.url) lines.push(`URL:${options.url}`);
  lines.push('END:VEVENT', 'END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

export function googleCalendarUrl(event: Event, details: string): string {
  const dates = event.allDay
    ? allDayRange(event).join('/')
    : `${utcStamp(Date.parse(event.start))}/${utcStamp(Date.parse(event.end))}`;
  const url = new URL('https://calendar.google.com/calendar/render');
  url.search = new URLSearchParams({
    action: 'TEMPLATE', text: event.title, dates, details, location: locationText(event) || (event.onlineUrl ?? ''),
    ctz: event.timeZone,
  }).toString();
  return url.href;
}

export function outlookUrl(event: Event, details: string): string {
  const url = new URL('https://outlook.live.com/calendar/0/deeplink/compose');
  const params: Record<string, string> = {
    path: '/calendar/action/compose', rru: 'addevent', subject: event.title, body: details,
    location: locationText(event) || (event.onlineUrl ?? ''),
  };
  if (event.allDay) {
    const [start, end] = allDayRange(event).map((d) => `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6)}`);
    Object.assign(params, { startdt: start, enddt: end, allday: 'true' });
  } else {
    Object.assign(params, { startdt: new Date(event.start).toISOString(), enddt: new Date(event.end).toISOString() });
  }
  url.search = new URLSearchParams(params).toString();
  return url.href;
}
