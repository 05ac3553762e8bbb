/**
 * Ready-made answers for public GETs whose body depends only on the URL, the origin they
 * are served under, the store's content and today's date. Lists are read far more often
 * than content changes, so most requests then skip SQL, JSON and hashing altogether.
 */
export interface CachedAnswer {
  body: string;
  etag: string;
}

export class ResponseCache {
  private entries = new Map<string, CachedAnswer>();

  constructor(private readonly maxEntries = 1000) {}

  get(key: string): CachedAnswer | undefined {
    return this.entries.get(key);
  }

  set(key: string, answer: CachedAnswer): void {
    // Oldest first out: Map keeps insertion order. Good enough against unbounded growth
    // from arbitrary query strings; the hot keys are re-added as soon as they are missed.
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, answer);
  }
}
