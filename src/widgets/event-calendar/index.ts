import { defineElement } from '../../core/base-element.js';
import { InnoEventCalendar } from './event-calendar.element.js';

export { InnoEventCalendar, type CalendarView } from './event-calendar.element.js';
export type { InnoEventSelectEvent, InnoRangeChangeEvent } from '../../core/events.js';

defineElement('inno-event-calendar', InnoEventCalendar);

declare global {
  interface HTMLElementTagNameMap {
    'inno-event-calendar': InnoEventCalendar;
  }
}
