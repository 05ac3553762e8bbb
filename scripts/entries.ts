/**
 * The package's public entry points, shared by rollup.config.ts and scripts/size.ts.
 *
 * Each entry is a source module and the subpath it is published under. Widgets that do not
 * exist yet are skipped with a note, and any `src/widgets/<name>/index.ts` not listed here is
 * picked up by its folder name, so a new widget builds without touching this file.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export interface Entry {
  /** Short name used in size reports, e.g. `gallery`. */
  name: string;
  /** Source module, relative to the repository root. */
  source: string;
  /** Subpath in the package's exports map, e.g. `./gallery`. */
  subpath: string;
}

const PLANNED: readonly Entry[] = [
  { name: 'index', source: 'src/index.ts', subpath: '.' },
  { name: 'api', source: 'src/api/index.ts', subpath: './api' },
  { name: 'provider', source: 'src/core/provider/index.ts', subpath: './provider' },
  { name: 'idea-form', source: 'src/widgets/idea-form/index.ts', subpath: './idea-form' },
  { name: 'gallery', source: 'src/widgets/gallery/index.ts', subpath: './gallery' },
  { name: 'event-calendar', source: 'src/widgets/event-calendar/index.ts', subpath: './event-calendar' },
  { name: 'stakeholder-map', source: 'src/widgets/stakeholder-map/index.ts', subpath: './stakeholder-map' },
];

/** The script-tag bundle's entry: registers every element. */
export const BUNDLE_ENTRY = 'src/index.ts';

/**
 * Modules that together form the base every widget pays for once: lit, @lit/context, the
 * provider, src/core, and the client with the response shapes it validates. (The whole
 * `inno-widgets/api` entry is more: it adds the request, moderation and query schemas that
 * only the idea form or a server need.)
 */
export const SHARED_BASE: readonly string[] = ['src/core/provider/index.ts', 'src/core/index.ts', 'src/api/client.ts'];

/** Widget entries, measured on top of the shared base. */
export const WIDGETS: readonly string[] = ['idea-form', 'gallery', 'event-calendar', 'stakeholder-map'];

function widgetFolders(root: string): string[] {
  const dir = join(root, 'src/widgets');
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'index.ts')))
    .map((d) => d.name)
    .sort();
}

/**
 * The entries whose source exists, in a stable order.
 * @param log receives one line per planned entry that is missing (default: console.warn).
 */
export function existingEntries(
  root = process.cwd(),
  log: (line: string) => void = (line) => console.warn(line),
): Entry[] {
  const entries: Entry[] = [];
  for (const entry of PLANNED) {
    if (existsSync(join(root, entry.source))) entries.push(entry);
    else log(`entries: skipping ${entry.subpath} (${entry.source} does not exist yet)`);
  }
  for (const name of widgetFolders(root)) {
    if (!entries.some((e) => e.name === name)) {
      entries.push({ name, source: `src/widgets/${name}/index.ts`, subpath: `./${name}` });
    }
  }
  return entries;
}
