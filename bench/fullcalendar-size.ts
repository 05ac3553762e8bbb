import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { sizeOf, type Size } from '../scripts/size.js';

/**
 * FullCalendar 6, for the size comparison, three ways:
 * - `monthAndList`: core + daygrid + list bundled as a bundler ships them (the plugins the
 *   speed comparison loads): the smallest FullCalendar with a month grid and a list;
 * - `matched`: the same with timegrid, for a week with hours: the views our calendar has;
 * - `scriptTag`: fullcalendar/index.global.min.js, the one file its documentation has a page
 *   load from a script tag (every view, preact inside): what a CMS page would paste instead.
 * A plugin is its default export: the bundle must use it, or the bundler drops the plugin.
 */
export async function fullCalendarSizes(root = process.cwd()): Promise<{ monthAndList: Size; matched: Size; scriptTag: Size }> {
  return {
    monthAndList: await fullCalendarBundle(['daygrid', 'list'], root),
    matched: await fullCalendarBundle(['daygrid', 'timegrid', 'list'], root),
    scriptTag: sizeOf(readFileSync(join(root, 'node_modules/fullcalendar/index.global.min.js'))),
  };
}

/** FullCalendar's core with these plugins (`daygrid`, …), bundled and minified as a page uses them. */
export async function fullCalendarBundle(plugins: readonly string[], root = process.cwd()): Promise<Size> {
  const imports = plugins.map((p, i) => `import plugin${i} from '@fullcalendar/${p}';`).join('\n');
  const result = await build({
    stdin: {
      contents: `export { Calendar } from '@fullcalendar/core';\n${imports}\nexport const plugins = [${plugins.map((_, i) => `plugin${i}`).join(', ')}];`,
      resolveDir: root,
      loader: 'js',
    },
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    logLevel: 'silent',
  });
  return sizeOf(result.outputFiles[0]!.contents);
}
