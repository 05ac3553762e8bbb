import type { StorybookConfig } from '@storybook/web-components-vite';

/**
 * Stories live in stories/ (and may sit beside a widget as src/**\/*.stories.ts); the story-render
 * test (test/stories/) finds the same files through scripts/story-index.ts.
 * The reference API is mounted at /api/v1 by ./middleware.js in `storybook dev`.
 */
const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts', '../src/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  core: { disableTelemetry: true },
};

export default config;
