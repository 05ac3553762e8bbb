/**
 * One build-time rewrite of Leaflet's source, shared by rollup.config.ts (the script-tag file)
 * and the esbuild bundles the tests build from src (test/hostile/support/server.ts).
 *
 * As its module loads, Leaflet 1.9 sets `L.Browser.inlineSvg` by assigning the string
 * `'<svg/>'` to a div's innerHTML. A page that enforces Trusted Types
 * (`require-trusted-types-for 'script'`) refuses a string there, so the module throws before
 * any map exists. The rewrite makes the same `<svg>` child with `createElementNS`: the test
 * still reads the child's namespace, and in every browser the widgets support (all parse
 * inline SVG in HTML) `inlineSvg` keeps the value it had.
 *
 * If a Leaflet upgrade changes that line, the build fails here rather than shipping a map view
 * that breaks only on Trusted Types pages. Leaflet's other innerHTML writes run only when its
 * own controls, popups or string icons are used; the geo view (geo.ts) uses none of them.
 */
import { readFile } from 'node:fs/promises';
import type { Plugin as EsbuildPlugin } from 'esbuild';
import type { Plugin as RollupPlugin } from 'rollup';

/** Leaflet's bundled builds (leaflet-src.esm.js, which geo.ts imports, and its siblings). */
export const LEAFLET_BUILD = /[\\/]node_modules[\\/]leaflet[\\/]dist[\\/][^\\/]+\.js$/;

const FEATURE_TEST = "div.innerHTML = '<svg/>';";
const REPLACEMENT = "div.appendChild(document.createElementNS('http://www.w3.org/2000/svg', 'svg'));";

/** Leaflet's source with its inline-SVG feature test written with DOM calls; throws if the test is not there exactly once. */
export function rewriteLeaflet(code: string, file: string): string {
  const found = code.split(FEATURE_TEST).length - 1;
  if (found !== 1) {
    throw new Error(
      `${file}: expected Leaflet's inline-SVG feature test \`${FEATURE_TEST}\` once, found it ${found} times. ` +
        'Leaflet has changed: update scripts/leaflet-trusted-types.ts so the map view still loads under Trusted Types.',
    );
  }
  return code.replace(FEATURE_TEST, REPLACEMENT);
}

const NOT_SEEN =
  'Leaflet was not bundled from node_modules/leaflet/dist/, so its inline-SVG feature test was not rewritten ' +
  'and the map view would fail under Trusted Types (see scripts/leaflet-trusted-types.ts).';

/** The rewrite as a Rollup plugin; the build fails if Leaflet is never seen. */
export function leafletTrustedTypesRollup(): RollupPlugin {
  let rewritten = 0;
  return {
    name: 'leaflet-trusted-types',
    buildStart() {
      rewritten = 0;
    },
    transform(code, id) {
      if (!LEAFLET_BUILD.test(id)) return null;
      rewritten++;
      return { code: rewriteLeaflet(code, id), map: null };
    },
    buildEnd(error) {
      if (!error && rewritten === 0) this.error(NOT_SEEN);
    },
  };
}

/** The same rewrite as an esbuild plugin; the build fails if Leaflet is never seen. */
export function leafletTrustedTypesEsbuild(): EsbuildPlugin {
  return {
    name: 'leaflet-trusted-types',
    setup(build) {
      let rewritten = 0;
      build.onStart(() => {
        rewritten = 0;
      });
      build.onLoad({ filter: LEAFLET_BUILD }, async (args) => {
        rewritten++;
        return { contents: rewriteLeaflet(await readFile(args.path, 'utf8'), args.path), loader: 'js' };
      });
      build.onEnd((result) => (result.errors.length === 0 && rewritten === 0 ? { errors: [{ text: NOT_SEEN }] } : null));
    },
  };
}
