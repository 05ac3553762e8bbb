/**
 * Resolves `zod/mini` to src/api/zod-lite.ts in every build a browser runs: the script-tag
 * file (rollup.config.ts), the size report (scripts/size.ts), the browser tests
 * (web-test-runner.config.mjs), the hostile suite's bundle and Storybook. What is measured
 * and tested in a browser is then what ships. src/api/zod-lite.ts says why; the npm build
 * (`dist/lib`) and Node (the reference server, the OpenAPI builder) keep real zod.
 */
import { fileURLToPath } from 'node:url';
import type { Plugin as EsbuildPlugin } from 'esbuild';
import type { Plugin as RollupPlugin } from 'rollup';

/** The module that stands in for `zod/mini` in browser builds. */
export const ZOD_LITE = fileURLToPath(new URL('../src/api/zod-lite.ts', import.meta.url));

const ZOD_MINI = /^zod\/mini$/;

export function zodLiteRollup(): RollupPlugin {
  return { name: 'zod-lite', resolveId: (source) => (ZOD_MINI.test(source) ? ZOD_LITE : null) };
}

export const zodLiteEsbuild: EsbuildPlugin = {
  name: 'zod-lite',
  setup(build) {
    build.onResolve({ filter: ZOD_MINI }, () => ({ path: ZOD_LITE }));
  },
};

/** For the browser tests' dev server (web-test-runner), which serves the repository's root. */
export const zodLiteDevServer = {
  name: 'zod-lite',
  resolveImport: ({ source }: { source: string }): string | undefined => (ZOD_MINI.test(source) ? '/src/api/zod-lite.ts' : undefined),
};
