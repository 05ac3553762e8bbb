#!/usr/bin/env node
/**
 * Runs Node's test runner (with tsx for TypeScript) over the files matching the glob patterns
 * given as arguments, e.g. `node scripts/test-node.mjs 'test/**\/*.node.test.ts'`.
 *
 * Node 20 does not expand globs in `node --test` (Node 21+ does), and a shell expands `**`
 * only with globstar and leaves unmatched patterns in place. A pattern that matches nothing
 * (say, test/server/ before the server has tests) is fine; no files at all is a failure, so
 * a broken pattern cannot pass silently. Arguments starting with `--` go to `node --test`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

const args = process.argv.slice(2);
const patterns = args.filter((a) => !a.startsWith('--'));
const passThrough = args.filter((a) => a.startsWith('--'));

/** `**` any number of folders, `*` any characters but `/`. */
function toRegExp(pattern) {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*' && pattern[i + 1] === '*') {
      i++;
      if (pattern[i + 1] === '/') i++;
      source += '(?:.*/)?';
    } else if (c === '*') source += '[^/]*';
    else source += c.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

function walk(dir, out = []) {
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, out);
    else out.push(relative('.', path).split('\\').join('/'));
  }
  return out;
}

const files = new Set();
for (const pattern of patterns) {
  // The static folder prefix up to the first wildcard.
  const prefix = [];
  for (const part of pattern.split('/')) {
    if (part.includes('*') || part === pattern.split('/').at(-1)) break;
    prefix.push(part);
  }
  const re = toRegExp(pattern);
  for (const file of walk(prefix.length > 0 ? prefix.join('/') : '.')) if (re.test(file)) files.add(file);
}

if (files.size === 0) {
  console.error(`test-node: no test files match ${patterns.join(' ')}`);
  process.exit(1);
}

const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', ...passThrough, ...[...files].sort()], {
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
