/**
 * Prints what each entry costs a page, gzipped and brotli-compressed.
 *
 *   tsx scripts/size.ts            table on stdout (run by `npm run build`)
 *   tsx scripts/size.ts --json     the same numbers as JSON, for benchmarks
 *
 * Three kinds of numbers:
 * - `dist/inno-widgets.js` and its lazy chunks exactly as the build wrote them;
 * - every package entry bundled on its own from src with esbuild (minified, all dependencies
 *   in, as the npm build imports them: real zod), which is what a bundler user pays for
 *   that one import. Code behind a dynamic `import()` is counted apart as "lazy";
 * - the shared base: lit + @lit/context + client + schemas + core (provider and api entries
 *   bundled together), which every widget page pays once, and each widget over it, both as
 *   the script-tag file builds them (scripts/zod-lite.ts, scripts/trim-quadtree.ts).
 *
 * Other scripts may import `measureEntry`, `measureFiles` and `sizeOf`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build, type Metafile, type Plugin as EsbuildPlugin } from 'esbuild';
import { SHARED_BASE, WIDGETS, existingEntries } from './entries.js';
import { minifyTemplatesEsbuild } from './minify-templates.js';
import { trimQuadtreeEsbuild } from './trim-quadtree.js';
import { trustedTypesEsbuild } from './trusted-types.js';
import { zodLiteEsbuild } from './zod-lite.js';

export interface Size {
  /** Minified bytes. */
  raw: number;
  gzip: number;
  brotli: number;
}

export interface EntrySize extends Size {
  name: string;
  /** Code loaded only through dynamic `import()`, not counted above. */
  lazy?: Size;
  /** The same, chunk by chunk, by the chunk's name without its hash (e.g. `network`). */
  lazyChunks?: Record<string, Size>;
}

const ZERO: Size = { raw: 0, gzip: 0, brotli: 0 };

/**
 * What the script-tag build (rollup.config.ts) does to the source, as esbuild plugins: the
 * zod/mini stand-in, the trimmed d3-quadtree, the minified templates and the Trusted Types
 * rewrites. For bundles that must match dist/ (this report, the hostile suite's page). A
 * bundle of the whole library fails when a rewrite was not applied, as the rollup build does;
 * `everyFile: false` is for bundles of a part (the base has lit but no Leaflet).
 */
export function scriptTagEsbuild({ everyFile = true }: { everyFile?: boolean } = {}): EsbuildPlugin[] {
  return [zodLiteEsbuild, trimQuadtreeEsbuild, minifyTemplatesEsbuild, trustedTypesEsbuild({ everyFile })];
}

export function sizeOf(contents: Uint8Array | string): Size {
  const bytes = typeof contents === 'string' ? Buffer.from(contents) : contents;
  return {
    raw: bytes.byteLength,
    gzip: gzipSync(bytes, { level: 9 }).byteLength,
    brotli: brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
    }).byteLength,
  };
}

function add(a: Size, b: Size): Size {
  return { raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli };
}

/**
 * Bundles `sources` together as one page would load them (minified, dependencies inside) and
 * measures it. Chunks reached only through dynamic `import()` are reported as `lazy`.
 * `build: 'npm'` bundles the dependencies as the npm build imports them (real zod, all of
 * d3-quadtree) instead of the script-tag build's stand-in and trim.
 */
export async function measureEntry(
  name: string,
  sources: readonly string[],
  root = process.cwd(),
  options: { build: 'script-tag' | 'npm' } = { build: 'script-tag' },
): Promise<EntrySize> {
  const stdin = sources.map((s) => `export * from ${JSON.stringify('./' + s)};\nimport ${JSON.stringify('./' + s)};`).join('\n');
  const result = await build({
    stdin: { contents: stdin, resolveDir: root, sourcefile: `${name}.size-entry.js`, loader: 'js' },
    bundle: true,
    splitting: true,
    format: 'esm',
    minify: true,
    target: 'es2022',
    outdir: join(root, '.size-out'),
    write: false,
    metafile: true,
    logLevel: 'silent',
    legalComments: 'none',
    // The build's template minification (rollup.config.ts), so sizes here match dist/; the
    // script-tag build's zod/mini stand-in and trimmed d3-quadtree unless measuring the npm build.
    plugins: options.build === 'script-tag' ? scriptTagEsbuild({ everyFile: false }) : [minifyTemplatesEsbuild],
  });
  const files = new Map(result.outputFiles.map((f) => [relative(root, f.path), f.contents]));
  const outputs: Metafile['outputs'] = result.metafile.outputs;
  const entryOut = Object.keys(outputs).find((key) => outputs[key]?.entryPoint !== undefined);
  if (!entryOut) throw new Error(`size: esbuild produced no entry for ${name}`);

  // The entry plus every chunk it imports statically, transitively.
  const eager = new Set<string>();
  const visit = (key: string): void => {
    if (eager.has(key)) return;
    eager.add(key);
    for (const imp of outputs[key]?.imports ?? []) {
      if (imp.kind === 'import-statement' && !imp.external) visit(imp.path);
    }
  };
  visit(entryOut);

  let eagerSize = ZERO;
  let lazySize = ZERO;
  const lazyChunks: Record<string, Size> = {};
  for (const key of Object.keys(outputs)) {
    if (key.endsWith('.map')) continue;
    const contents = files.get(key);
    if (!contents) continue;
    const size = sizeOf(contents);
    if (eager.has(key)) {
      eagerSize = add(eagerSize, size);
    } else {
      lazySize = add(lazySize, size);
      const chunk = basename(key).replace(/-[A-Z0-9]{8}\.js$/, '');
      lazyChunks[chunk] = add(lazyChunks[chunk] ?? ZERO, size);
    }
  }
  return { name, ...eagerSize, ...(lazySize.raw > 0 ? { lazy: lazySize, lazyChunks } : {}) };
}

/** Measures built files, e.g. `dist/inno-widgets.js`; each file compressed on its own. */
export function measureFiles(name: string, paths: readonly string[]): EntrySize {
  let total = ZERO;
  for (const path of paths) total = add(total, sizeOf(readFileSync(path)));
  return { name, ...total };
}

/** Relative modules a built ES module imports statically (`import … from "./x.js"`, `import "./x.js"`). */
function staticImports(file: string): string[] {
  const code = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const match of code.matchAll(/(?:^|[;}\s])(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["'](\.{1,2}\/[^"']+)["']/g)) {
    found.push(join(dirname(file), match[1]!));
  }
  return found;
}

/**
 * Measures the script-tag file as a page loads it: the file and every chunk it imports
 * statically count; chunks reached only through `import()` are reported as lazy.
 */
export function measureScriptTag(entryFile: string, chunkDir: string): EntrySize {
  const eager = new Set<string>();
  const visit = (file: string): void => {
    if (eager.has(file) || !existsSync(file)) return;
    eager.add(file);
    staticImports(file).forEach(visit);
  };
  visit(entryFile);
  const chunks = existsSync(chunkDir)
    ? readdirSync(chunkDir)
        .filter((f) => f.endsWith('.js'))
        .map((f) => join(chunkDir, f))
    : [];
  const lazy = chunks.filter((f) => !eager.has(f));
  return {
    ...measureFiles(relative(process.cwd(), entryFile), [...eager]),
    ...(lazy.length > 0 ? { lazy: measureFiles('lazy chunks', lazy) } : {}),
  };
}

export interface SizeReport {
  scriptTag?: EntrySize;
  entries: EntrySize[];
  sharedBase: EntrySize;
  /** Each widget bundled together with the base, minus the base alone: what the widget adds. */
  overBase: EntrySize[];
}

/** The shared base and each widget over it, as the script-tag build bundles them (what the budgets check). */
export async function measureWidgets(root = process.cwd()): Promise<Pick<SizeReport, 'sharedBase' | 'overBase'>> {
  const base = await measureEntry('shared base (lit, context, client, shapes, core)', SHARED_BASE.filter((s) => existsSync(join(root, s))), root);
  const overBase: EntrySize[] = [];
  for (const widget of WIDGETS) {
    const source = `src/widgets/${widget}/index.ts`;
    if (!existsSync(join(root, source))) continue;
    const together = await measureEntry(widget, [...SHARED_BASE, source], root);
    overBase.push({
      name: `${widget} over the base`,
      raw: together.raw - base.raw,
      gzip: together.gzip - base.gzip,
      brotli: together.brotli - base.brotli,
      ...(together.lazy ? { lazy: together.lazy, lazyChunks: together.lazyChunks } : {}),
    });
  }
  return { sharedBase: base, overBase };
}

export async function measureAll(root = process.cwd()): Promise<SizeReport> {
  const report: SizeReport = { entries: [], ...(await measureWidgets(root)) };
  const bundle = join(root, 'dist/inno-widgets.js');
  if (existsSync(bundle)) report.scriptTag = measureScriptTag(bundle, join(root, 'dist/chunks'));
  for (const entry of existingEntries(root, () => {})) {
    report.entries.push(await measureEntry(entry.subpath === '.' ? 'inno-widgets' : `inno-widgets/${entry.subpath.slice(2)}`, [entry.source], root, { build: 'npm' }));
  }
  return report;
}

const kB = (n: number): string => `${(n / 1024).toFixed(1)} kB`;

export function formatReport(report: SizeReport): string {
  const rows: string[][] = [['', 'minified', 'gzip', 'brotli', 'lazy (gzip)']];
  const row = (s: EntrySize): string[] => [s.name, kB(s.raw), kB(s.gzip), kB(s.brotli), s.lazy ? kB(s.lazy.gzip) : ''];
  if (report.scriptTag) rows.push(row(report.scriptTag));
  for (const e of report.entries) rows.push(row(e));
  rows.push(row(report.sharedBase));
  for (const e of report.overBase) rows.push(row(e));
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows
    .map((r) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ').trimEnd())
    .join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const report = await measureAll();
  if (process.argv.includes('--json')) console.log(JSON.stringify(report, null, 2));
  else console.log(`\nSizes (each entry bundled alone with its dependencies; gzip -9, brotli -q 11)\n${formatReport(report)}`);
}
