/**
 * The npm package as a campus portal's developer receives it: `npm pack` on a clean copy of
 * this repository (its files as a fresh clone has them: no dist/, no custom-elements.json),
 * the tarball unpacked into a consumer project's node_modules/inno-widgets, and that project
 * type-checked with tsc, bundled with esbuild and Vite, and run in Chromium against the reference API.
 *
 * Offline: the package's `dependencies` are linked from this repository's node_modules, and
 * nothing else is, so an import of a package it does not declare fails here as it would
 * under a strict installer (pnpm) or once npm stops hoisting it by chance.
 */
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize, posix, relative, sep } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { build, type Metafile } from 'esbuild';
import { chromium, type Browser } from 'playwright-core';
import { build as viteBuild, type Rolldown } from 'vite';
import { CHROME_ARGS, findChrome } from '../../scripts/find-chrome.mjs';
import { createTestApi, type TestApi } from '../../server/testing.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const TSC = join(root, 'node_modules/typescript/bin/tsc');

/** The package.json fields this test reads. */
interface PackageJson {
  name: string;
  main?: string;
  module?: string;
  types?: string;
  unpkg?: string;
  jsdelivr?: string;
  customElements?: string;
  exports: Record<string, string | Record<string, string>>;
  sideEffects: string[];
  dependencies: Record<string, string>;
  scripts: Record<string, string>;
}

/** Runs a command; resolves with its output, rejects with it (and the exit code) on failure. */
function run(command: string, args: string[], cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { cwd, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, CI: 'true' } }, (error, stdout, stderr) => {
      const output = `${stdout}${stderr}`;
      if (error) reject(new Error(`${command} ${args.join(' ')} failed (${error.code ?? error.signal}):\n${output}`));
      else resolve(output);
    });
  });
}

/** The repository as a clone of it holds it: tracked and new files, not what .gitignore names. */
function copyCleanClone(dest: string): void {
  const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' });
  for (const file of listed.split('\0')) {
    // A file deleted in the working tree is still in the index.
    if (!file || !existsSync(join(root, file))) continue;
    mkdirSync(dirname(join(dest, file)), { recursive: true });
    copyFileSync(join(root, file), join(dest, file));
  }
  symlinkSync(realpathSync(join(root, 'node_modules')), join(dest, 'node_modules'), 'dir');
}

/** Links `name` (e.g. `@lit/context`) from this repository's node_modules into `nodeModules`. */
function linkDependency(nodeModules: string, name: string): void {
  const from = join(root, 'node_modules', name);
  assert.ok(existsSync(from), `dependency ${name} is installed in this repository`);
  mkdirSync(dirname(join(nodeModules, name)), { recursive: true });
  symlinkSync(realpathSync(from), join(nodeModules, name), 'dir');
}

/** Every string in an `exports` value (conditions nest). */
const targetsOf = (value: unknown): string[] =>
  typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.values(value).flatMap(targetsOf) : [];

/** `lit/decorators.js` → `lit`, `@lit/context` → `@lit/context`. */
const packageOf = (specifier: string): string => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');

/** The module specifiers a JavaScript or declaration file imports, statically or dynamically. */
function specifiersIn(code: string): string[] {
  const found: string[] = [];
  for (const re of [/\bfrom\s*['"]([^'"]+)['"]/g, /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g, /^\s*import\s*['"]([^'"]+)['"]/gm]) {
    for (const match of code.matchAll(re)) found.push(match[1]!);
  }
  return found;
}

let work: string;
/** Paths inside the tarball, relative to its `package/` folder. */
let packed: Set<string>;
/** The unpacked package, as node_modules/inno-widgets of the consumer. */
let installed: string;
let manifest: PackageJson;
/** The consumer project. */
let app: string;
let api: TestApi;
let browser: Browser;

before(async () => {
  work = mkdtempSync(join(tmpdir(), 'inno-package-'));
  const clone = join(work, 'clone');
  copyCleanClone(clone);
  api = createTestApi();
  const [, launched] = await Promise.all([
    // What `npm publish` uploads is this tarball; npm runs the package's `prepack` first.
    run(NPM, ['pack', '--pack-destination', work, '--offline', '--no-audit', '--no-fund'], clone),
    chromium.launch({ executablePath: findChrome(), args: [...CHROME_ARGS] }),
  ]);
  browser = launched;
  const tarballs = readdirSync(work).filter((file) => file.endsWith('.tgz'));
  assert.equal(tarballs.length, 1, `npm pack wrote one tarball: ${tarballs.join(', ')}`);
  const tarball = join(work, tarballs[0]!);
  packed = new Set(
    execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' })
      .split('\n')
      .filter((line) => line && !line.endsWith('/'))
      .map((line) => line.replace(/^package\//, '')),
  );

  app = join(work, 'campus-portal');
  installed = join(app, 'node_modules/inno-widgets');
  mkdirSync(installed, { recursive: true });
  execFileSync('tar', ['-xzf', tarball, '-C', installed, '--strip-components=1']);
  manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as PackageJson;
  for (const name of Object.keys(manifest.dependencies)) linkDependency(join(app, 'node_modules'), name);
  // An ES module project, as node16 resolution needs to import an ES-only package.
  writeFileSync(
    join(app, 'package.json'),
    JSON.stringify({ name: 'campus-portal', private: true, type: 'module', dependencies: { 'inno-widgets': `file:${tarball}` } }, null, 2),
  );
}, { timeout: 300_000 });

after(async () => {
  await browser?.close();
  api?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the tarball', () => {
  test('holds every file package.json points at', () => {
    const pointers = [
      ...targetsOf(manifest.exports),
      manifest.main,
      manifest.module,
      manifest.types,
      manifest.unpkg,
      manifest.jsdelivr,
      manifest.customElements,
    ].filter((path): path is string => typeof path === 'string');
    assert.ok(pointers.length >= 20, `the exports map and the entry fields: ${pointers.length}`);
    for (const pointer of pointers) assert.ok(packed.has(posix.normalize(pointer)), `${pointer} is in the tarball`);
    // Each `sideEffects` pattern for the built files matches files that ship.
    for (const pattern of manifest.sideEffects.filter((glob) => glob.startsWith('./dist/'))) {
      const re = new RegExp(`^${pattern.slice(2).replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}$`);
      assert.ok([...packed].some((file) => re.test(file)), `sideEffects ${pattern} matches a file in the tarball`);
    }
  });

  test('holds the builds, the manifest, the readme, the licence and the documents the readme names, and nothing from the repository beside them', () => {
    const allowed = /^(package\.json|README\.md|LICENSE|custom-elements\.json|docs\/(API|DESIGN)\.md|dist\/.+)$/;
    const stray = [...packed].filter((file) => !allowed.test(file));
    assert.deepEqual(stray, [], 'files outside dist/ (no src/, test/, server/, data/, stories/)');
    for (const file of ['LICENSE', 'README.md', 'docs/API.md', 'docs/DESIGN.md']) assert.ok(packed.has(file), `${file} is in the tarball`);
    assert.match(readFileSync(join(installed, 'LICENSE'), 'utf8'), /^MIT License\n\nCopyright \(c\) 2026 inno-widgets contributors\n/);
    const tests = [...packed].filter((file) => /\.(test|stories)\.|\/test\//.test(file));
    assert.deepEqual(tests, [], 'no test or story in dist/');
    // Declaration maps would point at src/, which is not shipped: "go to definition" lands
    // in the .d.ts, with its documentation, rather than on a missing file.
    assert.deepEqual([...packed].filter((file) => file.endsWith('.d.ts.map')), [], 'no declaration maps');
    assert.ok([...packed].some((file) => file.startsWith('dist/lib/') && file.endsWith('.d.ts')), 'type declarations');
  });

  test('source maps carry their sources, and name ours by their path in the repository', () => {
    const maps = [...packed].filter((file) => file.endsWith('.js.map'));
    assert.ok(maps.length > 10, `source maps: ${maps.length}`);
    for (const file of maps) {
      const map = JSON.parse(readFileSync(join(installed, file), 'utf8')) as { sources: string[]; sourcesContent?: (string | null)[] };
      const missing = map.sources.filter((_, i) => typeof map.sourcesContent?.[i] !== 'string');
      assert.deepEqual(missing, [], `${file}: every source's content is in the map (the package has no src/ to fetch)`);
      // Dependencies are named where the installer put them; our sources, under src/.
      for (const source of map.sources.filter((name) => !name.includes('node_modules/'))) {
        const resolved = posix.normalize(posix.join(posix.dirname(file), source));
        assert.match(resolved, /^src\/.+\.ts$/, `${file}: ${source} is a path in the repository`);
      }
    }
  });

  test('imports nothing but its own files and its declared dependencies', () => {
    const code = [...packed].filter((file) => file.startsWith('dist/lib/') && (file.endsWith('.js') || file.endsWith('.d.ts')));
    assert.ok(code.length > 50, `modules in dist/lib: ${code.length}`);
    const undeclared = new Set<string>();
    for (const file of code) {
      for (const specifier of specifiersIn(readFileSync(join(installed, file), 'utf8'))) {
        if (specifier.startsWith('.')) {
          const target = posix.normalize(posix.join(posix.dirname(file), specifier));
          const asDeclaration = target.replace(/\.js$/, '.d.ts');
          assert.ok(packed.has(target) || (file.endsWith('.d.ts') && packed.has(asDeclaration)), `${file} imports ${specifier}, which is in the tarball`);
        } else if (!(packageOf(specifier) in manifest.dependencies)) {
          undeclared.add(`${packageOf(specifier)} (in ${file})`);
        }
      }
    }
    assert.deepEqual([...undeclared], [], 'packages imported but not in `dependencies`');
  });

  test('custom-elements.json describes every element, and names modules the package holds', () => {
    const cem = JSON.parse(readFileSync(join(installed, 'custom-elements.json'), 'utf8')) as {
      modules: { path: string; declarations?: { tagName?: string; attributes?: unknown[]; events?: { name: string }[] }[] }[];
    };
    const elementModules = cem.modules.filter((module) => module.declarations?.some((d) => d.tagName));
    const declarations = elementModules.flatMap((module) => module.declarations ?? []).filter((d) => d.tagName);
    const tags = declarations.map((d) => d.tagName).sort();
    assert.deepEqual(tags, ['inno-event-calendar', 'inno-gallery', 'inno-idea-form', 'inno-provider', 'inno-stakeholder-map']);
    const gallery = declarations.find((d) => d.tagName === 'inno-gallery')!;
    assert.ok((gallery.attributes?.length ?? 0) > 5, 'the gallery attributes are listed');
    assert.ok(gallery.events?.some((event) => event.name === 'inno-innovation-select'), 'the gallery events are listed');
    for (const module of elementModules) assert.ok(packed.has(module.path), `${module.path}, which declares an element, is in the tarball`);

    // Every module path and reference (exports, superclasses, definitions) is a path from the
    // package root to a shipped file: the code, or the declarations of a module of types only.
    const named = new Set<string>();
    const collect = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(collect);
      else if (node && typeof node === 'object') {
        for (const [key, value] of Object.entries(node)) {
          if ((key === 'path' || key === 'module') && typeof value === 'string') named.add(value);
          else collect(value);
        }
      }
    };
    collect(cem.modules);
    assert.ok(named.size > 20, `module paths in the manifest: ${named.size}`);
    const missing = [...named].filter((path) => !packed.has(path) && !packed.has(path.replace(/\.js$/, '.d.ts')));
    assert.deepEqual(missing, [], 'modules named by the manifest but not in the tarball');
  });
});

/** A consumer's own TypeScript, strict: each line fails to compile if a type is missing or `any`. */
const CONSUMER_TS = `
import 'inno-widgets/provider';
import 'inno-widgets/gallery';
import 'inno-widgets/stakeholder-map';
import type { InnoProvider } from 'inno-widgets/provider';
import type { InnoGallery, InnoInnovationSelectEvent } from 'inno-widgets/gallery';
import type { InnoStakeholderMap, StakeholderMapView } from 'inno-widgets/stakeholder-map';
import { ApiClient, ApiError, isApiError, type ApiErrorKind, type ListResult } from 'inno-widgets/api';

export const provider: InnoProvider | null = document.querySelector('inno-provider');

const gallery = document.querySelector('inno-gallery');
if (gallery) {
  const typed: InnoGallery = gallery;
  typed.pageSize = 24;
  // @ts-expect-error page-size is a number
  typed.pageSize = '24';
  gallery.addEventListener('inno-innovation-select', (event) => {
    const id: string = event.detail.id;
    // @ts-expect-error the detail holds the id only
    console.log(id, event.detail.trackingCode);
  });
}

export function openInnovation(event: InnoInnovationSelectEvent): string {
  return \`/inovasi#innovation=\${encodeURIComponent(event.detail.id)}\`;
}

const map: HTMLElementTagNameMap['inno-stakeholder-map'] = document.createElement('inno-stakeholder-map');
const sameMap: InnoStakeholderMap = map;
const view: StakeholderMapView = 'geo';
sameMap.view = view;
// @ts-expect-error not a view of the map
sameMap.view = 'satellite';
map.addEventListener('inno-stakeholder-select', (event) => console.log(event.detail.id.toUpperCase()));

// The events bubble out of the shadow roots: a page listens once, on the document.
document.addEventListener('inno-innovation-select', (event) => {
  if (event.target instanceof HTMLElement && event.target.localName === 'inno-gallery') return;
  location.href = openInnovation(event);
});
// And on the window, past the document.
window.addEventListener('inno-innovation-select', (event) => {
  const id: string = event.detail.id;
  // @ts-expect-error the detail holds the id only
  console.log(id, event.detail.view);
});

const client = new ApiClient({ baseUrl: 'https://inovasi.example.go.id/api/v1' });

export async function titles(): Promise<string[]> {
  try {
    const page: ListResult<{ title: string }> = await client.listInnovations({ q: 'air' });
    return page.items.map((item) => item.title);
  } catch (error) {
    if (isApiError(error)) {
      const kind: ApiErrorKind = error.kind;
      const status: number = error.status;
      return [\`\${kind} \${status}\`];
    }
    if (error instanceof ApiError) return [error.message];
    throw error;
  }
}
`;

/** The TypeScript blocks of the README's "In your own app (npm)" section, as the package ships it. */
function readmeSnippets(): string[] {
  const readme = readFileSync(join(installed, 'README.md'), 'utf8');
  const start = readme.indexOf('\n## In your own app (npm)\n');
  assert.ok(start >= 0, 'the README has its "In your own app (npm)" section');
  const end = readme.indexOf('\n## ', start + 1);
  const section = readme.slice(start, end < 0 ? undefined : end);
  return [...section.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]!);
}

/** Type-checks the consumer, and the README's snippets, with the given module settings; rejects with tsc's diagnostics. */
async function typeCheck(name: string, module: string, moduleResolution: string): Promise<void> {
  const dir = join(app, `types-${name}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'main.ts'), CONSUMER_TS);
  const snippets = readmeSnippets();
  assert.ok(snippets.length >= 2, `TypeScript in the README's npm section: ${snippets.length} blocks`);
  // Each snippet is a module of its own, as it would be in the reader's app.
  const snippetFiles = snippets.map((code, i) => {
    writeFileSync(join(dir, `readme-${i + 1}.ts`), `${code}\nexport {};\n`);
    return `readme-${i + 1}.ts`;
  });
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module,
        moduleResolution,
        lib: ['ES2022', 'DOM', 'DOM.Iterable'],
        strict: true,
        noUncheckedIndexedAccess: true,
        noUnusedLocals: true,
        // The package's declarations are checked too: a missing type package would show here.
        skipLibCheck: false,
        noEmit: true,
        types: [],
      },
      files: ['main.ts', ...snippetFiles],
    }),
  );
  await run(process.execPath, [TSC, '-p', join(dir, 'tsconfig.json')], dir);
}

describe('a TypeScript consumer', () => {
  test('type-checks with moduleResolution "bundler"', { timeout: 120_000 }, () => typeCheck('bundler', 'ESNext', 'bundler'));
  test('type-checks with moduleResolution "node16"', { timeout: 120_000 }, () => typeCheck('node16', 'node16', 'node16'));
});

/** Bundles `source` as the consumer's entry with esbuild (code splitting on, as Vite does). */
async function bundle(name: string, source: string): Promise<{ outdir: string; metafile: Metafile; entry: string }> {
  const entryFile = join(app, `${name}.ts`);
  writeFileSync(entryFile, source);
  const outdir = join(app, 'out', name);
  const result = await build({
    absWorkingDir: app,
    entryPoints: [entryFile],
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    outdir,
    metafile: true,
    logLevel: 'silent',
  });
  const [entry] = Object.entries(result.metafile.outputs).find(([, output]) => output.entryPoint) ?? [];
  assert.ok(entry, 'an entry chunk');
  return { outdir, metafile: result.metafile, entry };
}

/** The outputs an output loads before it runs (static imports, transitively). */
function staticClosure(metafile: Metafile, from: string): string[] {
  const seen = new Set([from]);
  for (const file of seen) {
    for (const imported of metafile.outputs[file]!.imports) if (imported.kind === 'import-statement' && !imported.external) seen.add(imported.path);
  }
  return [...seen];
}

const inputsOf = (metafile: Metafile, outputs: string[]): string[] => outputs.flatMap((output) => Object.keys(metafile.outputs[output]!.inputs));
const MAP_LIBRARIES = /node_modules\/(d3-force|d3-quadtree|leaflet|leaflet\.markercluster)\//;

describe('bundled by esbuild', () => {
  test("`import 'inno-widgets/gallery'` defines <inno-gallery> and carries no other widget", async () => {
    const { outdir, metafile } = await bundle('gallery-only', "import 'inno-widgets/gallery';\n");
    const inputs = Object.keys(metafile.inputs);
    assert.ok(inputs.some((input) => input.endsWith('inno-widgets/dist/lib/widgets/gallery/gallery.element.js')), 'the gallery is bundled');
    assert.deepEqual(inputs.filter((input) => MAP_LIBRARIES.test(input)), [], 'no d3-force or Leaflet');
    assert.deepEqual(inputs.filter((input) => /\/widgets\/(event-calendar|stakeholder-map|idea-form)\//.test(input)), [], 'no other widget');
    assert.deepEqual(inputs.filter((input) => /fullcalendar/.test(input)), [], 'no calendar library');
    const code = readdirSync(outdir).filter((file) => file.endsWith('.js')).map((file) => readFileSync(join(outdir, file), 'utf8')).join('\n');
    assert.match(code, /customElements\.define\(/);
    assert.match(code, /["'`]inno-gallery["'`]/);
  });

  test("`import 'inno-widgets/stakeholder-map'` loads d3-force and Leaflet only through dynamic imports", async () => {
    const { metafile, entry } = await bundle('map-only', "import 'inno-widgets/stakeholder-map';\n");
    const eager = staticClosure(metafile, entry);
    assert.deepEqual(inputsOf(metafile, eager).filter((input) => MAP_LIBRARIES.test(input)), [], 'the entry and what it imports statically hold no map library');
    const lazy = Object.keys(metafile.outputs).filter((output) => !eager.includes(output) && output.endsWith('.js'));
    const lazyInputs = inputsOf(metafile, lazy);
    assert.ok(lazyInputs.some((input) => /node_modules\/leaflet\//.test(input)), 'Leaflet is in a lazy chunk');
    assert.ok(lazyInputs.some((input) => /node_modules\/d3-force\//.test(input)), 'd3-force is in a lazy chunk');
    const dynamic = metafile.outputs[entry]!.imports.filter((imported) => imported.kind === 'dynamic-import');
    assert.ok(dynamic.length > 0, 'the entry imports the lazy chunks dynamically');
  });
});

/** Builds `source` as the consumer's entry with Vite (production build, nothing written); returns its chunks. */
async function viteChunks(name: string, source: string): Promise<Rolldown.OutputChunk[]> {
  const entryFile = join(app, `${name}.js`);
  writeFileSync(entryFile, source);
  const result = await viteBuild({
    root: app,
    configFile: false,
    logLevel: 'silent',
    build: { write: false, rolldownOptions: { input: entryFile } },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  return outputs.flatMap((output) => output.output.filter((item): item is Rolldown.OutputChunk => item.type === 'chunk'));
}

describe('bundled by Vite', () => {
  test("`import 'inno-widgets/gallery'` carries no other widget and no map library", async () => {
    const chunks = await viteChunks('vite-gallery', "import 'inno-widgets/gallery';\n");
    const modules = chunks.flatMap((chunk) => chunk.moduleIds);
    assert.ok(modules.some((id) => id.endsWith('/dist/lib/widgets/gallery/index.js')), 'the gallery is bundled');
    assert.deepEqual(modules.filter((id) => MAP_LIBRARIES.test(id) || /\/widgets\/(event-calendar|stakeholder-map|idea-form)\//.test(id)), []);
    assert.match(chunks.map((chunk) => chunk.code).join('\n'), /["'`]inno-gallery["'`]/);
  });

  test("`import 'inno-widgets/stakeholder-map'` puts d3-force and Leaflet in chunks loaded on demand", async () => {
    const chunks = await viteChunks('vite-map', "import 'inno-widgets/stakeholder-map';\n");
    const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
    const eager = new Set(chunks.filter((chunk) => chunk.isEntry).map((chunk) => chunk.fileName));
    for (const file of eager) for (const imported of byName.get(file)?.imports ?? []) eager.add(imported);
    const eagerModules = [...eager].flatMap((file) => byName.get(file)?.moduleIds ?? []);
    assert.deepEqual(eagerModules.filter((id) => MAP_LIBRARIES.test(id)), [], 'no map library loads with the page');
    const lazyModules = chunks.filter((chunk) => !eager.has(chunk.fileName)).flatMap((chunk) => chunk.moduleIds);
    assert.ok(lazyModules.some((id) => /node_modules\/leaflet\//.test(id)), 'Leaflet in a lazy chunk');
    assert.ok(lazyModules.some((id) => /node_modules\/d3-force\//.test(id)), 'd3-force in a lazy chunk');
  });
});

/** Serves the consumer's bundle and a page, with the reference API at /api/v1. */
function serve(dir: string, page: string): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path.startsWith('/api/v1')) {
      api.handler(req, res, () => res.writeHead(404).end());
      return;
    }
    if (path === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
      return;
    }
    const file = normalize(join(dir, path));
    if (!file.startsWith(dir + sep) || !existsSync(file) || extname(file) !== '.js') {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(readFileSync(file));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })),
  );
}

describe('in the browser', () => {
  test('the bundled app shows the gallery from the reference API, and its events reach the page', { timeout: 120_000 }, async () => {
    const { outdir, entry } = await bundle(
      'portal',
      [
        "import 'inno-widgets/provider';",
        "import 'inno-widgets/gallery';",
        "document.addEventListener('inno-innovation-select', (event) => {",
        '  document.body.dataset.selected = event.detail.id;',
        '});',
      ].join('\n'),
    );
    const script = relative(outdir, join(app, entry)).split(sep).join('/');
    const page = `<!doctype html><html lang="en"><head><link rel="icon" href="data:,"><script type="module" src="/${script}"></script></head>
<body><inno-provider api-base="/api/v1" locale="en"><inno-gallery collection="innovations" no-url-state></inno-gallery></inno-provider></body></html>`;
    const { server, origin } = await serve(outdir, page);
    const tab = await browser.newPage();
    const errors: string[] = [];
    tab.on('pageerror', (error) => errors.push(String(error)));
    tab.on('console', (message) => {
      if (message.type() === 'error') errors.push(`${message.text()} (${message.location().url})`);
    });
    try {
      await tab.goto(origin);
      const title = tab.locator('inno-gallery [part~="card-title"]').first();
      await title.waitFor({ timeout: 30_000 });
      assert.ok((await title.textContent())?.trim(), 'a card shows an innovation of the demo city');
      await title.click();
      await tab.waitForFunction(() => Boolean(document.body.dataset['selected']), undefined, { timeout: 10_000 });
      assert.deepEqual(errors, [], 'no error in the page');
    } finally {
      await tab.close();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  test("the README's theming CSS, copied whole or in part, keeps the gallery's titles readable for a visitor whose device prefers dark", { timeout: 120_000 }, async () => {
    const blocks = themingCss();
    assert.ok(blocks.length >= 2, `CSS in the README's Theming section: ${blocks.length} blocks`);
    const { outdir, entry } = await bundle('theming', "import 'inno-widgets/provider';\nimport 'inno-widgets/gallery';\n");
    const script = relative(outdir, join(app, entry)).split(sep).join('/');
    // What a reader may do: the first example alone on a light-only page, or every block
    // (both dark variants included) on a page that then offers dark, or turns dark by a class.
    const cases = [
      { name: 'the first block, on a light-only page', css: blocks[0]!, htmlClass: '', dark: false },
      { name: 'every block', css: blocks.join('\n'), htmlClass: '', dark: true },
      { name: 'every block, <html class="dark">', css: blocks.join('\n'), htmlClass: 'dark', dark: true },
    ];
    const context = await browser.newContext({ colorScheme: 'dark' });
    try {
      for (const { name, css, htmlClass, dark } of cases) {
        const page = `<!doctype html><html lang="en" class="${htmlClass}"><head><link rel="icon" href="data:,"><style>${css}</style>
<script type="module" src="/${script}"></script></head>
<body><inno-provider api-base="/api/v1" locale="en"><inno-gallery collection="innovations" page-size="3" no-url-state></inno-gallery></inno-provider></body></html>`;
        const { server, origin } = await serve(outdir, page);
        const tab = await context.newPage();
        try {
          await tab.goto(origin);
          const title = tab.locator('inno-gallery [part~="card-title"]').first();
          await title.waitFor({ timeout: 30_000 });
          const seen = await title.evaluate((element) => {
            let node: Element | null = element;
            let background = '';
            while (node && !background) {
              const value = getComputedStyle(node).backgroundColor;
              if (value !== 'rgba(0, 0, 0, 0)') background = value;
              const root = node.getRootNode();
              node = node.parentElement ?? (root instanceof ShadowRoot ? root.host : null);
            }
            const dark = document.querySelector('inno-gallery')?.hasAttribute('data-inno-dark-page') ?? false;
            return { color: getComputedStyle(element).color, background, dark };
          });
          const ratio = contrast(seen.color, seen.background);
          assert.ok(ratio >= 4.5, `${name}: the card title ${seen.color} on ${seen.background} is ${ratio.toFixed(2)}:1`);
          assert.equal(seen.dark, dark, `${name}: the gallery is ${seen.dark ? 'dark' : 'light'}`);
        } finally {
          await tab.close();
          await new Promise((resolve) => server.close(resolve));
        }
      }
    } finally {
      await context.close();
    }
  });
});

/** The CSS blocks of the README's "Theming" section, as the package ships it. */
function themingCss(): string[] {
  const readme = readFileSync(join(installed, 'README.md'), 'utf8');
  const start = readme.indexOf('\n### Theming\n');
  assert.ok(start >= 0, 'the README has its "Theming" section');
  const end = readme.indexOf('\n## ', start + 1);
  return [...readme.slice(start, end < 0 ? undefined : end).matchAll(/```css\n([\s\S]*?)```/g)].map((match) => match[1]!);
}

/** WCAG contrast of two opaque `rgb(r, g, b)` colours. */
function contrast(a: string, b: string): number {
  const luminance = (color: string): number => {
    const [r, g, bl] = (color.match(/[\d.]+/g) ?? []).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (high! + 0.05) / (low! + 0.05);
}
