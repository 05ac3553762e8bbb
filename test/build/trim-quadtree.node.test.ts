/**
 * scripts/trim-quadtree.ts: d3-force lays out exactly the same on the trimmed d3-quadtree, and
 * an upgrade that changes what the trim expects fails the build instead of shipping a quadtree
 * without a method d3-force needs.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { build } from 'esbuild';
import * as d3 from 'd3-force';
import { KEPT, trimQuadtree, trimQuadtreeEsbuild } from '../../scripts/trim-quadtree.js';

type Node = { index?: number; x?: number; y?: number; vx?: number; vy?: number };

const require = createRequire(import.meta.url);
const quadtreeFile = require.resolve('d3-quadtree');

/** 600 nodes on a ring of clusters, 1 500 links: enough for a deep quadtree. */
function graph(): { nodes: Node[]; links: { source: number; target: number }[] } {
  const nodes: Node[] = Array.from({ length: 600 }, () => ({}));
  const links = Array.from({ length: 1500 }, (_, i) => ({ source: i % 600, target: (i * 7 + Math.floor(i / 600) * 13 + 1) % 600 }));
  return { nodes, links };
}

function layout(force: typeof d3): number[] {
  const { nodes, links } = graph();
  force
    .forceSimulation(nodes)
    .force('charge', force.forceManyBody().strength(-30))
    .force('link', force.forceLink(links))
    .force('x', force.forceX())
    .force('y', force.forceY())
    .stop()
    .tick(40);
  return nodes.flatMap((n) => [n.x!, n.y!, n.vx!, n.vy!]);
}

test('d3-force gives the same layout, number for number, on the trimmed quadtree', async () => {
  const result = await build({
    stdin: { contents: "export * from 'd3-force';", resolveDir: process.cwd(), loader: 'js' },
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
    metafile: true,
    plugins: [trimQuadtreeEsbuild],
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]!.text;
  assert.ok(!code.includes('treeProto.find'), 'find is left out');
  assert.ok(code.includes('treeProto.visitAfter'), 'visitAfter is kept');
  const trimmed = (await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`)) as typeof d3;
  const expected = layout(d3);
  assert.ok(expected.every(Number.isFinite) && new Set(expected).size > 1000, 'a real layout');
  assert.deepEqual(layout(trimmed), expected);
});

test('the trim takes out every method but those d3-force calls', () => {
  const trimmed = trimQuadtree(readFileSync(quadtreeFile, 'utf8'), quadtreeFile);
  const methods = [...trimmed.matchAll(/^treeProto\.(\w+) = /gm)].map((m) => m[1]);
  assert.deepEqual(methods.sort(), [...KEPT].sort());
});

test('a d3-quadtree that no longer looks as expected fails the build', () => {
  const source = readFileSync(quadtreeFile, 'utf8');
  assert.throws(() => trimQuadtree(source.replace('treeProto.find = tree_find;\n', ''), 'x.mjs'), /treeProto\.find once, found it 0 times/);
  assert.throws(() => trimQuadtree(source.replace('treeProto.visit = tree_visit;', ''), 'x.mjs'), /treeProto\.visit, which d3-force needs, is missing/);
});
