/**
 * Two builds from one source tree:
 *
 * 1. `dist/inno-widgets.js`: the script-tag file. One minified ESM module that registers every
 *    element, all dependencies inside. Lazily imported code (e.g. a map library) lands in
 *    `dist/chunks/` and is fetched only when a widget needs it.
 * 2. `dist/lib/`: the npm build. Unbundled ESM, one file per source module, dependencies left
 *    as bare imports for the consumer's bundler, with `.d.ts` beside each file.
 *
 * Sizes are printed afterwards by scripts/size.ts (`npm run build`).
 */
import { rmSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import type { RollupLog, RollupOptions } from 'rollup';
import { BUNDLE_ENTRY, existingEntries } from './scripts/entries.js';
import { minifyTemplatesRollup } from './scripts/minify-templates.js';
import { trustedTypesRollup } from './scripts/trusted-types.js';
import { trimQuadtreeRollup } from './scripts/trim-quadtree.js';
import { zodLiteRollup } from './scripts/zod-lite.js';

const entries = existingEntries();

/**
 * Source maps that stand alone: each carries its TypeScript source (the package ships no
 * src/), named by its path in this repository. TypeScript writes a source's path relative
 * to the file it emits (dist/lib/api/x.js), and Rollup reads it relative to the source
 * (src/api/x.ts): an absolute sourceRoot makes the two agree for any outDir.
 */
const sourceMapOptions = { inlineSources: true, sourceRoot: resolve('src') };

/** Empties dist/ when the first build starts (not on import: tests import this file to build in memory). */
const cleanDist = { name: 'clean-dist', buildStart: () => void (process.env['ROLLUP_WATCH'] || rmSync('dist', { recursive: true, force: true })) };

/** Bare imports (`lit`, `@lit/context`, `zod/mini`) stay imports in the npm build. */
const isDependency = (id: string): boolean =>
  !id.startsWith('.') && !id.startsWith('\0') && !isAbsolute(id);

/** Warnings about dependencies' own code (zod's comments, its internal cycles) are not ours to fix. */
function onwarn(warning: RollupLog, warn: (warning: RollupLog) => void): void {
  const inDependency = (id: string | undefined): boolean => id?.includes('/node_modules/') ?? false;
  if (warning.code === 'INVALID_ANNOTATION' && inDependency(warning.id)) return;
  if (warning.code === 'CIRCULAR_DEPENDENCY' && warning.ids?.every(inDependency)) return;
  warn(warning);
}

const scriptTag: RollupOptions = {
  input: BUNDLE_ENTRY,
  onwarn,
  // Lazy chunks import shared code straight from inno-widgets.js. Under the default
  // ('strict' for an entry with exports) Rollup would move everything into a shared chunk
  // behind a two-line facade, costing every page a second request.
  preserveEntrySignatures: 'allow-extension',
  output: {
    dir: 'dist',
    format: 'es',
    entryFileNames: 'inno-widgets.js',
    chunkFileNames: 'chunks/[name]-[hash].js',
    sourcemap: true,
  },
  plugins: [
    cleanDist,
    // The browser validates with the compact zod/mini stand-in (src/api/zod-lite.ts).
    zodLiteRollup(),
    nodeResolve({ browser: true }),
    // Leaflet's load-time innerHTML write and lit-html's policy creation, for Trusted Types pages.
    trustedTypesRollup(),
    // d3-quadtree without the methods d3-force never calls.
    trimQuadtreeRollup(),
    typescript({
      tsconfig: 'tsconfig.build.json',
      // `npm run typecheck` checks types; the build only emits.
      noCheck: true,
      outDir: 'dist',
      declaration: false,
      declarationMap: false,
      ...sourceMapOptions,
    }),
    minifyTemplatesRollup(),
    terser({
      ecma: 2020,
      module: true,
      compress: { passes: 2 },
      format: { comments: false },
    }),
  ],
};

const npm: RollupOptions = {
  input: entries.map((entry) => entry.source),
  external: isDependency,
  onwarn,
  output: {
    dir: 'dist/lib',
    format: 'es',
    preserveModules: true,
    preserveModulesRoot: 'src',
    entryFileNames: '[name].js',
    sourcemap: true,
  },
  plugins: [
    typescript({
      tsconfig: 'tsconfig.build.json',
      noCheck: true,
      outDir: 'dist/lib',
      declaration: true,
      declarationDir: 'dist/lib',
      // They would point "go to definition" at src/, which the package does not ship; without
      // them it lands in the .d.ts, with the documentation.
      declarationMap: false,
      ...sourceMapOptions,
      // The plugin always imports the decorator helpers from tslib (it forces importHelpers),
      // so tslib is a dependency of the package, shared with the consumer's other code.
    }),
    minifyTemplatesRollup(),
  ],
};

export default [scriptTag, npm];
