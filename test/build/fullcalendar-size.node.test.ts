/**
 * The benchmark's FullCalendar sizes (bench/fullcalendar-size.ts) count the plugins: a plugin
 * is a default export, and a bundle that only re-exported the packages once measured
 * FullCalendar without its views (44 kB instead of 59).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fullCalendarBundle, fullCalendarSizes } from '../../bench/fullcalendar-size.js';

test('FullCalendar is measured with its views', async () => {
  const coreOnly = (await fullCalendarBundle([])).gzip;
  const sizes = await fullCalendarSizes();
  // Each plugin is several kB gzip; a dropped one would leave the core's size.
  assert.ok(sizes.monthAndList.gzip > coreOnly + 5 * 1024, `core ${coreOnly} B, with daygrid and list ${sizes.monthAndList.gzip} B`);
  assert.ok(sizes.matched.gzip > sizes.monthAndList.gzip + 3 * 1024, `with timegrid ${sizes.matched.gzip} B`);
  assert.ok(sizes.scriptTag.gzip > sizes.matched.gzip, `script-tag file ${sizes.scriptTag.gzip} B`);
});
