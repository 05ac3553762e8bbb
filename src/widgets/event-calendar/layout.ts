/**
 * Where each event goes: the days it covers in the display zone, its lane in a week row
 * of the month grid, its column in a day of the week time-grid.
 */
import type { Event } from '../../api/schemas.js';
import { addDays, DAY_MS, dayName, dayNumberOf, localMs, minutesOf } from './time.js';

export interface Placed {
  event: Event;
  startMs: number;
  endMs: number;
  /** First and last (inclusive) day covered, `YYYY-MM-DD`. */
  firstDay: string;
  lastDay: string;
  /** Days covered minus one. */
  length: number;
  /** All-day, or running past midnight: drawn as a bar across its days. */
  spanning: boolean;
}

/**
 * All-day events keep their own calendar dates in every zone (a holiday on the 17th is on
 * the 17th everywhere); timed events cover the days their instants fall on in `zone`.
 */
export function place(event: Event, zone: string): Placed {
  // Day numbers, not Dates or strings, until the end: this runs for every event of a month.
  const startMs = Date.parse(event.start);
  const endMs = Math.max(startMs, Date.parse(event.end));
  let first: number;
  let last: number;
  if (event.allDay) {
    first = dayNumberOf(startMs, event.timeZone);
    const end = localMs(endMs, event.timeZone);
    last = Math.floor(end / DAY_MS);
    // Ending at 00:00 (to the minute): the day before is the last one.
    if (end - last * DAY_MS < 60_000) last--;
  } else {
    first = dayNumberOf(startMs, zone);
    last = dayNumberOf(Math.max(startMs, endMs - 1), zone);
  }
  if (last < first) last = first;
  return { event, startMs, endMs, firstDay: dayName(first), lastDay: dayName(last), length: last - first, spanning: event.allDay || last > first };
}

/** Bars first, longer first, then by start: the order every calendar reader expects. */
export function compareForDay(a: Placed, b: Placed): number {
  return (
    (a.firstDay < b.firstDay ? -1 : a.firstDay > b.firstDay ? 1 : 0) ||
    Number(b.spanning) - Number(a.spanning) ||
    b.length - a.length ||
    a.startMs - b.startMs ||
    a.event.title.localeCompare(b.event.title)
  );
}

export function covers(p: Placed, day: string): boolean {
  return p.firstDay <= day && day <= p.lastDay;
}

export interface Segment {
  placed: Placed;
  /** Column (0 = Monday) where the bar starts in this week, and how many days it spans. */
  col: number;
  span: number;
  lane: number;
  continuesBefore: boolean;
  continuesAfter: boolean;
}

export interface WeekLayout {
  /** Segments in the lanes that are drawn. */
  segments: Segment[];
  /** Per column: events of the day not drawn (behind "+N more"). */
  hidden: number[];
  /** Per column: every event of the day. */
  counts: number[];
}

/** Greedy lane packing of one week row; lanes past `maxLanes` are counted, not drawn. */
export function layoutWeek(weekStart: string, items: readonly Placed[], maxLanes: number): WeekLayout {
  const weekEnd = addDays(weekStart, 6);
  const columns = new Map([0, 1, 2, 3, 4, 5, 6].map((i) => [addDays(weekStart, i), i]));
  const laneEnds: number[] = [];
  const segments: Segment[] = [];
  const hidden = [0, 0, 0, 0, 0, 0, 0];
  const counts = [0, 0, 0, 0, 0, 0, 0];
  const inWeek = items.filter((p) => p.firstDay <= weekEnd && p.lastDay >= weekStart).sort(compareForDay);
  for (const placed of inWeek) {
    const col = placed.firstDay < weekStart ? 0 : columns.get(placed.firstDay)!;
    const last = placed.lastDay > weekEnd ? 6 : columns.get(placed.lastDay)!;
    let lane = laneEnds.findIndex((end) => end < col);
    if (lane === -1) lane = laneEnds.length;
    laneEnds[lane] = last;
    for (let c = col; c <= last; c++) {
      counts[c]!++;
      if (lane >= maxLanes) hidden[c]!++;
    }
    if (lane < maxLanes) {
      segments.push({
        placed, col, span: last - col + 1, lane,
        continuesBefore: placed.firstDay < weekStart,
        continuesAfter: placed.lastDay > weekEnd,
      });
    }
  }
  return { segments, hidden, counts };
}

export interface TimedBlock {
  placed: Placed;
  /** Minutes from the day's midnight in the display zone. */
  top: number;
  length: number;
  column: number;
  columns: number;
}

/** Timed events of one day, side by side where they overlap. */
export function layoutDay(items: readonly Placed[], zone: string): TimedBlock[] {
  const sorted = [...items].sort((a, b) => a.startMs - b.startMs || b.endMs - a.endMs);
  const blocks: TimedBlock[] = [];
  let cluster: TimedBlock[] = [];
  let clusterEnd = -Infinity;
  let columnEnds: number[] = [];
  const close = () => {
    for (const block of cluster) block.columns = columnEnds.length;
    cluster = [];
    columnEnds = [];
  };
  for (const placed of sorted) {
    if (placed.startMs >= clusterEnd) close();
    const top = minutesOf(placed.startMs, zone);
    const length = Math.max(20, Math.round((placed.endMs - placed.startMs) / 60_000));
    let column = columnEnds.findIndex((end) => end <= placed.startMs);
    if (column === -1) column = columnEnds.length;
    columnEnds[column] = placed.endMs;
    const block = { placed, top, length: Math.min(length, 1440 - top), column, columns: 1 };
    cluster.push(block);
    blocks.push(block);
    clusterEnd = Math.max(clusterEnd, placed.endMs);
  }
  close();
  return blocks;
}
