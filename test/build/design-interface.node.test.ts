/**
 * docs/DESIGN.md's table of the public interface says what each element takes and sends;
 * pages and other code are written against it. This holds the table and the elements to each
 * other both ways: every attribute and event the elements have (as the analyzer reads them
 * into custom-elements.json) is in the table, and every name in the table is still there.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

interface Interface {
  attributes: Set<string>;
  events: Set<string>;
}

/** `| \`<inno-x>\` | \`a\`, \`b\` (\`one\`\|\`two\`) | \`inno-y\` \`{ id }\` |` rows, by tag. */
export function designTable(markdown: string): Map<string, Interface> {
  const table = new Map<string, Interface>();
  for (const line of markdown.split('\n')) {
    const cells = line.split(/(?<!\\)\|/).map((cell) => cell.trim());
    const tag = /^`<(inno-[a-z-]+)>`$/.exec(cells[1] ?? '')?.[1];
    if (!tag) continue;
    // Values and notes in parentheses (`grid`|`list`, else the page URL's `inno-program`) are not attributes.
    const withoutValues = (cells[2] ?? '').replace(/\([^()]*\)/g, '');
    const names = (text: string) => new Set([...text.matchAll(/`([a-z][a-z-]*)`/g)].map((m) => m[1]!));
    table.set(tag, { attributes: names(withoutValues), events: new Set([...(cells[3] ?? '').matchAll(/`(inno-[a-z-]+)`/g)].map((m) => m[1]!)) });
  }
  return table;
}

interface Manifest {
  modules: { declarations?: { tagName?: string; attributes?: { name: string }[]; events?: { name?: string }[] }[] }[];
}

describe('docs/DESIGN.md and the elements', () => {
  let out: string;
  let elements: Map<string, Interface>;

  before(() => {
    out = mkdtempSync(join(tmpdir(), 'inno-manifest-'));
    execFileSync(
      process.execPath,
      [join(root, 'node_modules/@custom-elements-manifest/analyzer/cem.js'), 'analyze', '--litelement', '--config', 'custom-elements-manifest.config.mjs', '--outdir', relative(root, out)],
      // The analyzer writes --outdir relative to the working directory, even when absolute.
      { cwd: root, stdio: 'pipe' },
    );
    const manifest = JSON.parse(readFileSync(join(out, 'custom-elements.json'), 'utf8')) as Manifest;
    elements = new Map();
    for (const mod of manifest.modules) {
      for (const d of mod.declarations ?? []) {
        if (!d.tagName) continue;
        elements.set(d.tagName, {
          attributes: new Set((d.attributes ?? []).map((a) => a.name)),
          events: new Set((d.events ?? []).flatMap((e) => (e.name ? [e.name] : []))),
        });
      }
    }
  });

  after(() => rmSync(out, { recursive: true, force: true }));

  test('the table is read as it is written', () => {
    const table = designTable(
      '| `<inno-x>` | `api-base`, `view` (`grid`\\|`list`), `program` (else the URL\'s `inno-program` parameter) | `inno-x-select` `{ id }` |',
    );
    assert.deepEqual(table.get('inno-x'), { attributes: new Set(['api-base', 'view', 'program']), events: new Set(['inno-x-select']) });
  });

  test('names every element, attribute and event the elements have, and nothing they lack', () => {
    const table = designTable(readFileSync(join(root, 'docs/DESIGN.md'), 'utf8'));
    assert.deepEqual([...table.keys()].sort(), [...elements.keys()].sort(), 'the same elements');
    for (const [tag, element] of elements) {
      const documented = table.get(tag)!;
      assert.deepEqual([...documented.attributes].sort(), [...element.attributes].sort(), `${tag}: attributes`);
      assert.deepEqual([...documented.events].sort(), [...element.events].sort(), `${tag}: events`);
    }
  });
});
