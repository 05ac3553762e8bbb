/**
 * Guards for text and links that come from an API: text is rendered as text only, and a
 * link is followed only when it is an absolute http(s) URL.
 */

/** The URL when it is absolute `http:`/`https:` (no spaces, no other scheme); else undefined. */
export function safeHttpUrl(value: string | undefined | null): string | undefined {
  if (!value || !/^https?:\/\/[^\s]+$/i.test(value)) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A link the page's author gave in an attribute (`privacy-url`, `apply-url`): relative ones
 * resolve against the page, as a link in the page would; the result must be http(s).
 */
export function safePageUrl(value: string | undefined | null): URL | undefined {
  if (!value?.trim() || typeof document === 'undefined') return undefined;
  try {
    const url = new URL(value.trim(), document.baseURI);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/** Plain-text paragraphs: split on blank lines, trimmed, empty ones dropped. */
export function paragraphs(text: string): string[] {
  return text
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}
