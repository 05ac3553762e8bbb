/**
 * Where each event goes: the days it covers in the display zone, its lane in a week row
 * of the month grid, its column in a day of the week time-grid.
 */
import type { Event } from '../../api/schemas.js';
import { addDays, dayOf, daysFrom, minutesOf, wallAt } from './time.js';

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
  const startMs = Date.parse(event.start);
  const endMs = Math.max(startMs, Date.parse(event.end));
  let firstDay: string;
  let lastDay: string;
  if (event.allDay) {
    firstDay = dayOf(startMs, event.timeZone);
    const end = wallAt(endMs, event.timeZone);
    const endDay = dayOf(endMs, event.timeZone);
    lastDay = end.hour === 0 && end.minute === 0 ? addDays(endDay, -1) : endDay;
  } else {
    firstDay = dayOf(startMs, zone);
    lastDay = dayOf(Math.max(startMs, endMs - 1), zone);
  }
  if (lastDay < firstDay) lastDay = firstDay;
  return { event, startMs, endMs, firstDay, lastDay, length: daysFrom(firstDay, lastDay), spanning: event.allDay || lastDay > firstDay };
}

/** Bars first, longer first, then by start: the order every calendar reader expects. */
export function compareForDay(a: Placed, b: Placed): number {
  return (
    a.firstDay.localeCompare(b.firstDay) ||
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
  const laneEnds: number[] = [];
  const segments: Segment[] = [];
  const hidden = [0, 0, 0, 0, 0, 0, 0];
  const counts = [0, 0, 0, 0, 0, 0, 0];
  const inWeek = items.filter((p) => p.firstDay <= weekEnd && p.lastDay >= weekStart).sort(compareForDay);
  for (const placed of inWeek) {
    const col = Math.max(0, daysFrom(weekStart, placed.firstDay));
    const last = Math.min(6, daysFrom(weekStart, placed.lastDay));
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
