/**
 * package.json's `sideEffects` names exactly the modules that define elements when imported,
 * in the npm build (dist/lib), the script-tag build (dist/) and the sources (src/, which
 * Storybook's Vite build bundles). A module left out is dropped by a bundler when nothing
 * uses its exports, so its `import '…/gallery'` would define nothing (the blank static
 * Storybook); a module listed without need would be kept in consumers' bundles.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { existingEntries } from '../../scripts/entries.js';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { sideEffects: string[] };

/** A `sideEffects` glob as bundlers read it: relative to the package root, `*` within one folder. */
const toRegExp = (glob: string): RegExp =>
  new RegExp(`^${glob.replace(/^\.\//, '').replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}$`);
const patterns = pkg.sideEffects.map(toRegExp);
const hasSideEffects = (file: string): boolean => patterns.some((pattern) => pattern.test(file));

/** src/widgets/gallery/index.ts → dist/lib/widgets/gallery/index.js */
const libFile = (source: string): string => source.replace(/^src\//, 'dist/lib/').replace(/\.ts$/, '.js');

/** The entries whose module defines elements on import: all but the API client's. */
const defining = existingEntries().filter((entry) => entry.name !== 'api');

describe('package.json sideEffects', () => {
  test('keeps every module that defines elements, in src/ and in dist/lib/', () => {
    assert.ok(defining.length >= 5, 'the index, the provider and the widgets');
    for (const entry of defining) {
      assert.ok(hasSideEffects(entry.source), `${entry.source} is listed`);
      assert.ok(hasSideEffects(libFile(entry.source)), `${libFile(entry.source)} is listed`);
    }
    assert.ok(hasSideEffects('dist/inno-widgets.js'), 'the script-tag file is listed');
  });

  test('lets bundlers drop the modules that only export', () => {
    const exportOnly = [
      'src/api/index.ts',
      'src/api/client.ts',
      'src/core/index.ts',
      'src/core/base-element.ts',
      'src/core/provider/provider.element.ts',
      'src/widgets/gallery/gallery.element.ts',
      'src/widgets/idea-form/strings.ts',
    ];
    for (const source of exportOnly) {
      assert.equal(hasSideEffects(source), false, `${source} is not listed`);
      assert.equal(hasSideEffects(libFile(source)), false, `${libFile(source)} is not listed`);
    }
  });
});
