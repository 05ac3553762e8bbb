/**
 * Wall-clock arithmetic in IANA time zones, on top of Intl only.
 *
 * Events and programs are defined in local time ("every Tuesday 09:00 in Asia/Jakarta",
 * "closes on 2025-11-30 in the city"), while storage and range queries work on instants.
 * These helpers convert between the two without a time-zone library.
 */

/** A local date and time without a zone, as written on a poster. */
export interface Wall {
  year: number;
  month: number; // 1..12
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** The wall clock in `zone` at the instant `ms`. */
export function wallAt(ms: number, zone: string): Wall {
  const wall: Wall = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const p of formatterFor(zone).formatToParts(new Date(ms))) {
    if (p.type === 'year') wall.year = Number(p.value);
    else if (p.type === 'month') wall.month = Number(p.value);
    else if (p.type === 'day') wall.day = Number(p.value);
    else if (p.type === 'hour') wall.hour = Number(p.value);
    else if (p.type === 'minute') wall.minute = Number(p.value);
    else if (p.type === 'second') wall.second = Number(p.value);
  }
  return wall;
}

/**
 * A wall time read as if it were UTC. Lets calendar arithmetic (add a day, a week) run
 * on plain numbers without any zone getting in the way.
 */
export function floating(wall: Wall): number {
  return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
}

export function fromFloating(ms: number): Wall {
  const d = new Date(ms);
  return {
    year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(),
    hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds(),
  };
}

/** Minutes that `zone` is ahead of UTC at the instant `ms` (Asia/Jakarta: 420). */
export function offsetMinutes(ms: number, zone: string): number {
  const wholeSecond = Math.floor(ms / 1000) * 1000;
  return Math.round((floating(wallAt(wholeSecond, zone)) - wholeSecond) / 60_000);
}

/**
 * The instant at which the clocks in `zone` show `wall`. A wall time shown twice (clocks
 * set back) resolves to its first pass; one skipped (clocks set forward) is read with the
 * offset from before the jump, which lands just after it (as Temporal's "compatible" does).
 */
export function wallToInstant(wall: Wall, zone: string): number {
  const local = floating(wall);
  // Offset changes are rare: the offsets a day either side are the only two candidates.
  const before = local - offsetMinutes(local - 86_400_000, zone) * 60_000;
  const after = local - offsetMinutes(local + 86_400_000, zone) * 60_000;
  const shows = (ms: number) => floating(wallAt(ms, zone)) === local;
  const valid = [before, after].filter(shows);
  return valid.length > 0 ? Math.min(...valid) : before;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `2025-11-13` */
export function formatDate(wall: Pick<Wall, 'year' | 'month' | 'day'>): string {
  return `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}`;
}

/** `2025-11-13T09:00:00` */
export function formatWall(wall: Wall): string {
  return `${formatDate(wall)}T${pad(wall.hour)}:${pad(wall.minute)}:${pad(wall.second)}`;
}

/** ISO 8601 with the zone's offset at that instant: `2025-11-13T09:00:00+07:00`. */
export function formatInstant(ms: number, zone: string): string {
  const offset = offsetMinutes(ms, zone);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${formatWall(wallAt(ms, zone))}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** Parses `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM[:SS]` (no zone). */
export function parseWall(text: string): Wall {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(text);
  if (!m) throw new Error(`Not a local date-time: ${text}`);
  return {
    year: Number(m[1]), month: Number(m[2]), day: Number(m[3]),
    hour: Number(m[4] ?? 0), minute: Number(m[5] ?? 0), second: Number(m[6] ?? 0),
  };
}

/** Today's date (`YYYY-MM-DD`) in `zone`. */
export function todayIn(zone: string, nowMs: number): string {
  return formatDate(wallAt(nowMs, zone));
}

/** `YYYY-MM-DD` plus `days` (calendar days, zone-free). */
export function addDays(isoDate: string, days: number): string {
  return formatDate(fromFloating(floating(parseWall(isoDate)) + days * 86_400_000));
}

/** Whether the runtime knows `zone` as an IANA time zone. */
export function isTimeZone(zone: string): boolean {
  try {
    formatterFor(zone);
    return true;
  } catch {
    return false;
  }
}
