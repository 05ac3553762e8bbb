import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { coreStrings, toLocale } from '../../src/core/i18n/index.js';

/** Every key path of a table, with the kind of value at the leaf. */
function shape(value: unknown, prefix = ''): string[] {
  if (typeof value === 'function') return [`${prefix}:function/${value.length}`];
  if (value && typeof value === 'object') {
    return Object.keys(value)
      .sort()
      .flatMap((key) => shape((value as Record<string, unknown>)[key], prefix ? `${prefix}.${key}` : key));
  }
  return [`${prefix}:${typeof value}`];
}

describe('translations', () => {
  it('have the same keys and shapes in Indonesian and English', () => {
    assert.deepEqual(shape(coreStrings.id), shape(coreStrings.en));
  });

  it('leave no string empty or untranslated by accident', () => {
    const leaves = (t: unknown): string[] =>
      t && typeof t === 'object' ? Object.values(t).flatMap(leaves) : typeof t === 'string' ? [t] : [];
    for (const text of [...leaves(coreStrings.id), ...leaves(coreStrings.en)]) assert.ok(text.trim().length > 0);
    assert.notEqual(coreStrings.id.retry, coreStrings.en.retry);
    assert.equal(coreStrings.id.errorServer(503).includes('503'), true);
  });

  it('say when the server is busy or under maintenance (502–504)', () => {
    for (const t of [coreStrings.id, coreStrings.en]) {
      assert.ok(t.errorBusy(503).includes('(503)'));
      assert.notEqual(t.errorBusy(503).replace('503', '500'), t.errorServer(500));
    }
  });

  it('map language tags to the two locales', () => {
    assert.equal(toLocale('id-ID'), 'id');
    assert.equal(toLocale('in'), 'id');
    assert.equal(toLocale('EN_gb'), 'en');
    assert.equal(toLocale('fr'), undefined);
    assert.equal(toLocale(''), undefined);
  });
});
