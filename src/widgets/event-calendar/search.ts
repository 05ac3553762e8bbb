/**
 * The calendar's search within the loaded period, in the browser (instant, no request), with
 * the meaning of `GET /events?q`: the same fields (title and description), the same folding
 * (accents, case, compatibility forms such as full-width letters) and the same words rule
 * (every word of the query somewhere in them). The reference server does the same in
 * server/text.ts; a test holds the two to the same answers.
 */
import type { Event } from '../../api/schemas.js';

/** "Bekasí", "BEKASI" and "ｂｅｋａｓｉ" all become "bekasi". */
export function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The words of a query, folded; as on the server, at most eight count. */
export function queryWords(query: string): string[] {
  return fold(query).split(' ').filter(Boolean).slice(0, 8);
}

/** Each event's searchable text, folded once (a search runs again at every key typed). */
const folded = new WeakMap<Event, string>();

/** Whether an event holds every word, in its title or description. */
export function matchesWords(event: Event, words: readonly string[]): boolean {
  if (words.length === 0) return true;
  let text = folded.get(event);
  if (text === undefined) {
    text = fold(`${event.title} ${event.description}`);
    folded.set(event, text);
  }
  return words.every((word) => text.includes(word));
}
