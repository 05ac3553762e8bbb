/**
 * Writes test/stories/all-stories.ts: one lazy import per story file, so that the
 * story-render test (test/stories/stories.test.ts) renders every story without a list kept
 * by hand. `npm run test:browser` runs this first (`pretest:browser`); the output is
 * git-ignored. Story files are the ones Storybook loads (.storybook/main.ts):
 * stories/**\/*.stories.ts and src/**\/*.stories.ts.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

export const STORY_INDEX = 'test/stories/all-stories.ts';
const STORY_ROOTS = ['stories', 'src'];

function walk(dir: string, out: string[], suffix = '.stories.ts'): string[] {
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== 'node_modules') walk(path, out, suffix);
    else if (entry.isFile() && entry.name.endsWith(suffix)) out.push(path);
  }
  return out;
}

/** Story files relative to `root`, with forward slashes, sorted. */
export function findStoryFiles(root = process.cwd()): string[] {
  const files: string[] = [];
  for (const dir of STORY_ROOTS) walk(join(root, dir), files);
  return files.map((f) => relative(root, f).split('\\').join('/')).sort();
}

/**
 * Storybook's `stories` globs (relative to .storybook/) that match at least one file: MDX
 * pages and story files in stories/, story files beside the widgets in src/. A glob that
 * matches nothing only makes Storybook warn "No story files found" on every start; one that
 * gets its first file is picked up when Storybook next starts.
 */
export function storybookGlobs(root = process.cwd()): string[] {
  const globs: [string, string, string][] = [
    ['stories', '.mdx', '../stories/**/*.mdx'],
    ...STORY_ROOTS.map((dir): [string, string, string] => [dir, '.stories.ts', `../${dir}/**/*.stories.ts`]),
  ];
  return globs.filter(([dir, suffix]) => walk(join(root, dir), [], suffix).length > 0).map(([, , glob]) => glob);
}

export function storyIndexSource(files: readonly string[]): string {
  const lines = files.map((file) => {
    const specifier = `../../${file.replace(/\.ts$/, '.js')}`;
    return `  ${JSON.stringify(file)}: () => import(${JSON.stringify(specifier)}),`;
  });
  return [
    '// Written by scripts/story-index.ts before the browser tests; do not edit.',
    'export const storyFiles: Record<string, () => Promise<unknown>> = {',
    ...lines,
    '};',
    '',
  ].join('\n');
}

/** Writes the index when it changed (an unchanged file keeps its time, for watch mode). */
export function writeStoryIndex(root = process.cwd()): string[] {
  const files = findStoryFiles(root);
  const path = join(root, STORY_INDEX);
  const source = storyIndexSource(files);
  if (!existsSync(path) || readFileSync(path, 'utf8') !== source) writeFileSync(path, source);
  return files;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const files = writeStoryIndex();
  console.log(`story-index: ${files.length} story file(s) → ${STORY_INDEX}`);
}
