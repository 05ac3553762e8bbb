/**
 * Leaves out the d3-quadtree methods that d3-force never calls.
 *
 * The stakeholder map's network view lays out with d3-force, whose many-body force builds a
 * quadtree (`quadtree(nodes, x, y)`, which runs `addAll` and `cover`) and walks it (`visit`,
 * `visitAfter`). d3-quadtree attaches all of its methods to one prototype, so a bundler keeps
 * every one of them: `find`, `remove`, `copy`, `extent` and the rest were 0.8 kB gzip of the
 * network chunk that no code reaches. This rewrite deletes their assignments; the functions
 * behind them are then unused and the minifier drops them.
 *
 * Used by every build a browser runs: rollup.config.ts, scripts/size.ts, the browser tests
 * (web-test-runner.config.mjs), the hostile suite's bundle and Storybook. Each removal must
 * match exactly once, so an upgrade that changes the file fails the build here;
 * test/build/trim-quadtree.node.test.ts checks that d3-force lays out the same with it.
 */
import { readFile } from 'node:fs/promises';
import type { Plugin as EsbuildPlugin } from 'esbuild';
import type { Plugin as RollupPlugin } from 'rollup';
import { rewriteOnce, type Rewrite } from './rewrite.js';

/** d3-quadtree's ES module build, which d3-force imports. */
export const QUADTREE_BUILD = /[\\/]node_modules[\\/]d3-quadtree[\\/]dist[\\/]d3-quadtree\.mjs$/;

/** The prototype methods d3-force calls; every other one goes. */
export const KEPT = ['addAll', 'cover', 'visit', 'visitAfter'] as const;
const REMOVED = ['add', 'data', 'extent', 'find', 'remove', 'removeAll', 'root', 'size', 'x', 'y'] as const;

const REMOVALS: readonly Rewrite[] = [
  { what: 'the assignment of treeProto.copy', file: QUADTREE_BUILD, find: /^treeProto\.copy = function\(\) \{\n[\s\S]*?\n\};\n/gm, replace: '' },
  ...REMOVED.map((name) => ({ what: `the assignment of treeProto.${name}`, file: QUADTREE_BUILD, find: new RegExp(`^treeProto\\.${name} = \\w+;\\n`, 'gm'), replace: '' })),
];

export function trimQuadtree(code: string, file: string): string {
  let out = code;
  for (const r of REMOVALS) out = rewriteOnce(r, out, file, 'd3-quadtree has changed: update scripts/trim-quadtree.ts.');
  for (const name of KEPT) {
    if (!new RegExp(`^treeProto\\.${name} = `, 'm').test(out)) throw new Error(`${file}: treeProto.${name}, which d3-force needs, is missing.`);
  }
  return out;
}

export function trimQuadtreeRollup(): RollupPlugin {
  return {
    name: 'trim-quadtree',
    transform: (code, id) => (QUADTREE_BUILD.test(id) ? { code: trimQuadtree(code, id), map: null } : null),
  };
}

export const trimQuadtreeEsbuild: EsbuildPlugin = {
  name: 'trim-quadtree',
  setup(build) {
    build.onLoad({ filter: QUADTREE_BUILD }, async (args) => ({
      contents: trimQuadtree(await readFile(args.path, 'utf8'), args.path),
      loader: 'js',
    }));
  },
};

/** For the browser tests' dev server (web-test-runner). */
export const trimQuadtreeDevServer = {
  name: 'trim-quadtree',
  transform: ({ path, body }: { path: string; body: unknown }): { body: string } | undefined =>
    QUADTREE_BUILD.test(path) && typeof body === 'string' ? { body: trimQuadtree(body, path) } : undefined,
};
