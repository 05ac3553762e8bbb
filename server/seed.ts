/**
 * Filling a database with the demo ecosystem, and keeping its dates current.
 */
import { buildDemoData, CITY_TIME_ZONE } from './demo-data.js';
import type { SqliteStore } from './sqlite-store.js';
import { todayIn } from './time.js';

export type SeedOutcome = 'created' | 'refreshed' | 'kept';

/**
 * Seeds an empty database with the demo data. A database seeded on an earlier day gets
 * its demo content rebuilt for today (ideas, uploads and keys are kept), so that its
 * events and programs stay "current" however long the file lives. A database whose
 * content did not come from here (the city's own, imported) is never touched.
 */
export function seedDemo(store: SqliteStore, nowMs = Date.now(), zone = CITY_TIME_ZONE): SeedOutcome {
  const today = todayIn(zone, nowMs);
  // Loaded with `npm run content -- import`: the city's, even when it is empty.
  if (store.getMeta('content') === 'city') return 'kept';
  if (store.isEmpty()) {
    const demo = buildDemoData(today);
    store.db.transaction(() => {
      store.replaceContent(demo.content);
      for (const idea of demo.ideas) store.insertIdea(idea);
      store.setMeta('content', 'demo');
      store.setMeta('demoAnchor', today);
    }).immediate();
    return 'created';
  }
  if (store.getMeta('content') === 'demo' && store.getMeta('demoAnchor') !== today) {
    store.db.transaction(() => {
      store.replaceContent(buildDemoData(today).content);
      store.setMeta('demoAnchor', today);
    }).immediate();
    return 'refreshed';
  }
  return 'kept';
}
