/**
 * Build-time rewrites of two dependencies, so that pages enforcing Trusted Types
 * (`require-trusted-types-for 'script'; trusted-types lit-html`) can run the widgets. Shared by
 * rollup.config.ts (the script-tag file) and the esbuild bundles the tests build from src
 * (test/hostile/support/server.ts).
 *
 * - Leaflet 1.9 sets `L.Browser.inlineSvg`, as its module loads, by assigning the string
 *   `'<svg/>'` to a div's innerHTML; under Trusted Types the module throws before any map
 *   exists. The rewrite makes the same `<svg>` child with `createElementNS`: the test still
 *   reads the child's namespace, and in every browser the widgets support (all parse inline SVG
 *   in HTML) `inlineSvg` keeps the value it had. Leaflet's other innerHTML writes run only when
 *   its own controls, popups or string icons are used; the geo view (geo.ts) uses none of them.
 * - lit-html creates its `lit-html` policy as its module loads. A second copy of the library on
 *   the page (two script tags, two versions) then throws, unless the page's policy says
 *   `'allow-duplicates'`. The rewrite skips the policy when this library's elements are
 *   already defined: the copy that loads second defines no element (the first copy's
 *   definitions stand, see defineElement), so it never renders and needs no policy. Nothing is
 *   loosened: without a policy, any innerHTML write that lit would make is still refused.
 *
 * If an upgrade changes either line, the build fails here rather than shipping code that
 * breaks only on Trusted Types pages.
 */
import { readFile } from 'node:fs/promises';
import type { Plugin as EsbuildPlugin } from 'esbuild';
import type { Plugin as RollupPlugin } from 'rollup';
import { rewriteOnce, type Rewrite } from './rewrite.js';

/** Leaflet's bundled builds (leaflet-src.esm.js, which geo.ts imports, and its siblings). */
export const LEAFLET_BUILD = /[\\/]node_modules[\\/]leaflet[\\/]dist[\\/][^\\/]+\.js$/;

const REWRITES: readonly Rewrite[] = [
  {
    what: "Leaflet's inline-SVG feature test",
    file: LEAFLET_BUILD,
    find: /div\.innerHTML = '<svg\/>';/g,
    replace: "div.appendChild(document.createElementNS('http://www.w3.org/2000/svg', 'svg'));",
  },
  {
    what: "lit-html's policy creation",
    // The production build the widgets bundle (not development/ or node/).
    file: /[\\/]node_modules[\\/]lit-html[\\/]lit-html\.js$/,
    find: /(\w+)\?\1\.createPolicy\("lit-html",(\{createHTML:(\w+)=>\3\})\):void 0/g,
    // A copy of this library that loads second skips the policy: asking for it anyway would
    // throw, or file a violation report where the page allows duplicates only in reports.
    replace: '$1&&!customElements.get("inno-provider")?$1.createPolicy("lit-html",$2):void 0',
  },
];

const rewrite = (r: Rewrite, code: string, file: string): string =>
  rewriteOnce(r, code, file, 'The dependency has changed: update scripts/trusted-types.ts so the widgets still load under Trusted Types.');

/** Leaflet's source with its inline-SVG feature test written with DOM calls. */
export const rewriteLeaflet = (code: string, file: string): string => rewrite(REWRITES[0]!, code, file);
/** lit-html's source with its policy creation allowed to fail. */
export const rewriteLit = (code: string, file: string): string => rewrite(REWRITES[1]!, code, file);

const notSeen = (missing: readonly Rewrite[]): string =>
  `${missing.map((r) => r.what).join(' and ')} not rewritten: the file was not bundled from where scripts/trusted-types.ts expects it, ` +
  'and the widgets would fail under Trusted Types.';

/** The rewrites as a Rollup plugin; the build fails if a rewrite never applied. */
export function trustedTypesRollup(): RollupPlugin {
  const seen = new Set<Rewrite>();
  return {
    name: 'trusted-types',
    buildStart() {
      seen.clear();
    },
    transform(code, id) {
      const r = REWRITES.find((candidate) => candidate.file.test(id));
      if (!r) return null;
      seen.add(r);
      return { code: rewrite(r, code, id), map: null };
    },
    buildEnd(error) {
      const missing = REWRITES.filter((r) => !seen.has(r));
      if (!error && missing.length > 0) this.error(notSeen(missing));
    },
  };
}

/**
 * The same rewrites as an esbuild plugin; the build fails if a rewrite never applied, unless
 * `everyFile: false` (a bundle of part of the library, e.g. the shared base without Leaflet).
 */
export function trustedTypesEsbuild({ everyFile = true }: { everyFile?: boolean } = {}): EsbuildPlugin {
  return {
    name: 'trusted-types',
    setup(build) {
      const seen = new Set<Rewrite>();
      build.onStart(() => {
        seen.clear();
      });
      for (const r of REWRITES) {
        build.onLoad({ filter: r.file }, async (args) => {
          seen.add(r);
          return { contents: rewrite(r, await readFile(args.path, 'utf8'), args.path), loader: 'js' };
        });
      }
      build.onEnd((result) => {
        const missing = REWRITES.filter((r) => !seen.has(r));
        return everyFile && result.errors.length === 0 && missing.length > 0 ? { errors: [{ text: notSeen(missing) }] } : null;
      });
    },
  };
}
