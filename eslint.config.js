// ESLint flat config. `npm run lint` runs it with --max-warnings 0, then lit-analyzer --strict.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import lit from 'eslint-plugin-lit';
import litA11y from 'eslint-plugin-lit-a11y';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Code that runs in the browser: the components, their stories and browser tests. */
const BROWSER = ['src/**/*.ts', 'stories/**/*.ts', 'test/**/*.ts', '.storybook/**/*.ts', 'demo/**/*.{js,ts}'];
/** Code that runs under Node: the server, tests of it, scripts, benchmarks, configs. */
const NODE = [
  'server/**/*.{js,mjs,ts}',
  'test/**/*.node.test.ts',
  'test/server/**/*.ts',
  'scripts/**/*.{js,mjs,ts}',
  'bench/**/*.{js,mjs,ts}',
  '.storybook/middleware.js',
  '*.{js,mjs,cjs,ts}',
];

export default defineConfig(
  globalIgnores([
    'dist/',
    'storybook-static/',
    'coverage/',
    'data/',
    'custom-elements.json',
    // Written by scripts/story-index.ts before the browser tests run.
    'test/stories/all-stories.ts',
  ]),

  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        // Each file is checked with its nearest tsconfig.json (scripts/ has its own).
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      // `interface DocumentEventMap extends InnoEventMap {}` adds to a global interface; a type alias cannot.
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
    },
  },
  // Plain JavaScript (configs, the Storybook middleware) is outside the TypeScript project.
  { files: ['**/*.{js,mjs,cjs}'], extends: [tseslint.configs.disableTypeChecked] },

  {
    files: BROWSER,
    languageOptions: { globals: { ...globals.browser } },
    extends: [lit.configs['flat/recommended'], wc.configs['flat/best-practice'], litA11y.configs.recommended],
    rules: {
      // LitElement defines every lifecycle callback, so calling super unguarded is correct.
      'wc/guard-super-call': 'off',
    },
  },
  {
    files: NODE,
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['test/**/*.ts', 'src/**/*.test.ts', 'bench/**/*.ts'],
    rules: {
      // chai's property assertions (`expect(x).to.be.true`) are expressions by design.
      '@typescript-eslint/no-unused-expressions': 'off',
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [
            // node:test's test() and describe() return promises the runner itself awaits.
            { from: 'package', package: 'node:test', name: ['test', 'it', 'describe', 'suite', 'before', 'after', 'beforeEach', 'afterEach'] },
            // @open-wc/semantic-dom-diff types every chai equal() as a promise (it is one only after .dom).
            { from: 'package', package: 'chai', name: 'Equal' },
          ],
        },
      ],
    },
  },
);
