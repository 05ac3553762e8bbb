/**
 * Accent- and case-folding for search: "Bekasí", "BEKASI" and "bekasi" all become "bekasi".
 * The same function fills the stored search columns and reads the query, so SQL can
 * match with a plain LIKE on an indexed-size column instead of a scan in JavaScript.
 */
export function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** LIKE patterns, one per word of the query, with LIKE's wildcards escaped. */
export function likePatterns(query: string): string[] {
  return fold(query)
    .split(' ')
    .filter(Boolean)
    .slice(0, 8)
    .map((word) => `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
}
