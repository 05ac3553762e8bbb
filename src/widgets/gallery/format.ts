import { cachedFormat, calendarDate, intlTag } from '../../core/format.js';
import type { Locale } from '../../core/i18n/index.js';

/** "in 3 days", "tomorrow": for a program's closing date. */
export function relativeTimeFormat(locale: Locale): Intl.RelativeTimeFormat {
  return cachedFormat(`r|${locale}`, () => new Intl.RelativeTimeFormat(intlTag(locale), { numeric: 'auto' }));
}

/** "government, academia and media". */
export function listFormat(locale: Locale): Intl.ListFormat {
  return cachedFormat(`l|${locale}`, () => new Intl.ListFormat(intlTag(locale), { style: 'long', type: 'conjunction' }));
}

/** Whole days from one `YYYY-MM-DD` to another. */
export function daysBetween(fromIsoDate: string, toIsoDate: string): number {
  return Math.round((calendarDate(toIsoDate).getTime() - calendarDate(fromIsoDate).getTime()) / 86_400_000);
}
