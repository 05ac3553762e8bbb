import type { StorybookConfig } from '@storybook/web-components-vite';
import { fileURLToPath } from 'node:url';
import { mergeConfig } from 'vite';
import { storybookGlobs } from '../scripts/story-index.js';
import { trimQuadtreeRollup } from '../scripts/trim-quadtree.js';
import { ZOD_LITE } from '../scripts/zod-lite.js';

/**
 * Stories live in stories/ (and may sit beside a widget as src/**\/*.stories.ts); the story-render
 * test (test/stories/) finds the same files through scripts/story-index.ts.
 * The reference API is mounted at /api/v1 by ./middleware.js in `storybook dev`.
 */
const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  // Only the globs that match a file (stories/**/*.mdx, stories/**/*.stories.ts,
  // src/**/*.stories.ts), so that Storybook does not warn about the empty ones.
  stories: storybookGlobs(fileURLToPath(new URL('../', import.meta.url))),
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  core: { disableTelemetry: true },
  // Storybook's own "Get started" checklist (sidebar and menu) is about Storybook, not these widgets.
  features: { sidebarOnboardingChecklist: false, menuOnboardingChecklist: false },
  viteFinal: (config) =>
    mergeConfig(config, {
      // Storybook's web-components renderer imports lit/directive-helpers.js; pre-bundle it with
      // the rest of lit so the preview holds one copy of lit-html, not two.
      optimizeDeps: { include: ['lit', 'lit/directive-helpers.js', 'lit/decorators.js'] },
      // The browser validates with the compact zod/mini stand-in, as the script-tag build does…
      resolve: { alias: { 'zod/mini': ZOD_LITE } },
      // …and, in `storybook build`, d3-quadtree without the methods d3-force never calls
      // (scripts/trim-quadtree.ts; the dev server pre-bundles dependencies without it).
      plugins: [trimQuadtreeRollup()],
      // Storybook's own manager and docs chunks are large; our code is measured by `npm run build`.
      build: { chunkSizeWarningLimit: 1500 },
    }),
};

export default config;
