/**
 * The Docs rows that .storybook/manifest-arg-types.ts makes from custom-elements.json. The
 * manifest below holds attributes as the analyzer writes them for our elements (the type
 * texts are copied from its output): optional attributes as `… | undefined`, the gallery's
 * `audience` by its alias, `Helix | undefined`, the map's `helix` with `(string & {})`.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { InputType } from 'storybook/internal/types';
import { argTypesFromManifest, sbType, typeText } from '../../.storybook/manifest-arg-types.js';
import { HELIXES } from '../../src/api/shapes.js';

const attribute = (name: string, type: string, fieldName = name) => ({ name, fieldName, type: { text: type } });

const manifest = {
  modules: [
    {
      declarations: [
        {
          tagName: 'inno-gallery',
          attributes: [
            attribute('collection', "'innovations' | 'programs'"),
            attribute('page-size', 'number', 'pageSize'),
            attribute('sector', 'string | undefined'),
            attribute('stage', "'initiative' | 'trial' | 'implemented' | undefined"),
            attribute('audience', 'Helix | undefined'),
            attribute('locale', "'id' | 'en' | undefined"),
          ],
          members: [{ kind: 'field', name: 'audience', attribute: 'audience', type: { text: 'Helix | undefined' } }],
        },
        {
          tagName: 'inno-stakeholder-map',
          attributes: [attribute('helix', 'Helix | (string & {}) | undefined'), attribute('depth', '1 | 2 | 3 | undefined')],
        },
      ],
    },
  ],
};

const summary = (row: InputType | undefined): string | undefined => row?.table?.type?.summary;
const quoted = HELIXES.map((helix) => `'${helix}'`).join(' | ');

describe('the Docs rows from the manifest', () => {
  const gallery = argTypesFromManifest(manifest, 'inno-gallery');
  const map = argTypesFromManifest(manifest, 'inno-stakeholder-map');

  test('an optional attribute shows its type without "undefined"', () => {
    assert.equal(summary(gallery['sector']), 'string');
    assert.equal(summary(gallery['stage']), "'initiative' | 'trial' | 'implemented'");
    assert.equal(summary(gallery['locale']), "'id' | 'en'");
    assert.equal(summary(map['depth']), '1 | 2 | 3');
    for (const [key, row] of Object.entries({ ...gallery, ...map })) {
      assert.doesNotMatch(summary(row) ?? '', /\bundefined\b/, `${key}: ${summary(row)}`);
    }
    assert.deepEqual(gallery['sector']?.type, { name: 'string' });
    assert.deepEqual(gallery['locale']?.type, { name: 'enum', value: ['id', 'en'] });
  });

  test('a required attribute keeps its type as written', () => {
    assert.equal(summary(gallery['collection']), "'innovations' | 'programs'");
    assert.equal(summary(gallery['pageSize']), 'number');
    assert.equal(gallery['pageSize']?.name, 'page-size');
  });

  test('the gallery\'s audience shows the helixes, not the alias, and is a choice of them', () => {
    assert.equal(summary(gallery['audience']), quoted);
    assert.deepEqual(gallery['audience']?.type, { name: 'enum', value: [...HELIXES] });
  });

  test("the map's helix shows the helixes and that any string is taken", () => {
    assert.equal(summary(map['helix']), `${quoted} | string`);
    assert.deepEqual(map['helix']?.type, { name: 'other', value: 'Helix | (string & {}) | undefined' }, 'not a closed choice');
  });
});

describe('typeText and sbType', () => {
  test('split unions at the top level only', () => {
    assert.equal(typeText("Array<'a' | 'b'> | undefined"), "Array<'a' | 'b'>");
    assert.equal(typeText("{ kind: 'a' | 'b' } | null"), "{ kind: 'a' | 'b' }");
    assert.equal(sbType("Array<'a' | 'b'> | undefined").name, 'other');
  });

  test('leave a type that is only undefined, or none, as it is', () => {
    assert.equal(typeText('undefined'), 'undefined');
    assert.equal(typeText(undefined), undefined);
    assert.deepEqual(sbType(undefined), { name: 'other', value: '' });
  });

  test('turn literal unions into an enum and single primitives into their type', () => {
    assert.deepEqual(sbType("'grid' | 'list'"), { name: 'enum', value: ['grid', 'list'] });
    assert.deepEqual(sbType('boolean'), { name: 'boolean' });
    assert.deepEqual(sbType('Helix'), { name: 'enum', value: [...HELIXES] });
  });
});
