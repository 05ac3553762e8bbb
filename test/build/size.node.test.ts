/**
 * Size budgets (scripts/budgets.ts): fails when a size exceeds its limit by more than 5 %.
 *
 * The script-tag file is built here with the project's own rollup configuration, in memory
 * (dist/ is left alone); the base and each widget over it are bundled with esbuild exactly as
 * `npm run build` reports them (scripts/size.ts).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rollup, type OutputOptions, type Plugin } from 'rollup';
import { SIZE_BUDGETS, checkBudgets, limitOf, type SizeBudget } from '../../scripts/budgets.js';
import { measureWidgets, sizeOf, type EntrySize, type SizeReport } from '../../scripts/size.js';
import configs from '../../rollup.config.js';

/** Builds the script-tag file in memory and measures it. */
async function scriptTagSize(): Promise<EntrySize> {
  const config = configs[0]!;
  const plugins = (config.plugins as Plugin[]).filter((p) => p.name !== 'clean-dist');
  const bundle = await rollup({ ...config, plugins });
  try {
    const { output } = await bundle.generate(config.output as OutputOptions);
    const entry = output.find((o) => o.type === 'chunk' && o.fileName === 'inno-widgets.js');
    assert.ok(entry?.type === 'chunk');
    // Each file is compressed on its own in transit; with one eager file this is exact.
    assert.deepEqual(entry.imports, [], 'the script-tag file loads no other file before it runs');
    return { name: 'dist/inno-widgets.js', ...sizeOf(entry.code) };
  } finally {
    await bundle.close();
  }
}

test('every size is within its budget (5 % tolerance)', { timeout: 180_000 }, async (t) => {
  const [widgets, scriptTag] = await Promise.all([measureWidgets(), scriptTagSize()]);
  const report: SizeReport = { entries: [], ...widgets, scriptTag };
  const { lines, over } = checkBudgets(report);
  lines.forEach((line) => t.diagnostic(line));
  assert.deepEqual(over, [], 'sizes over budget');
});

test('the check fails past the tolerance, and on a stale ceiling', () => {
  const size = (kB: number) => ({ raw: kB * 3072, gzip: Math.round(kB * 1024), brotli: Math.round(kB * 900) });
  const report = (scriptTag: number, base: number, widget: number, network: number): SizeReport => ({
    scriptTag: { name: 'dist/inno-widgets.js', ...size(scriptTag) },
    entries: [],
    sharedBase: { name: 'base', ...size(base) },
    overBase: ['idea-form', 'gallery', 'event-calendar', 'stakeholder-map'].map((w) => ({
      name: `${w} over the base`,
      ...size(widget),
      ...(w === 'stakeholder-map' ? { lazy: size(network + 40), lazyChunks: { network: size(network), geo: size(40) } } : {}),
    })),
  });
  const limit = (label: string) => limitOf(SIZE_BUDGETS.find((b) => b.label.startsWith(label))!);
  const file = limit('dist/inno-widgets.js');
  const base = limit('shared base');
  const map = limit('stakeholder map');

  // Everything at its limit, the map's network view included in its measure.
  assert.deepEqual(checkBudgets(report(file, base, 12, map - 12)).over, []);
  // 4 % over is within the tolerance; 6 % over is not.
  assert.deepEqual(checkBudgets(report(file * 1.04, base, 12, map - 12)).over, []);
  assert.match(checkBudgets(report(file * 1.06, base, 12, map - 12)).over.join('\n'), /dist\/inno-widgets\.js: .* > /);
  assert.match(checkBudgets(report(file, base, 12.8, map - 12)).over.join('\n'), /idea form over the base/);
  // The geo view is not counted; the network view is.
  assert.match(checkBudgets(report(file, base, 12, map)).over.join('\n'), /stakeholder map/);
  // A ceiling whose goal is met must go.
  const withCeiling: SizeBudget = { label: 'shared base', goal: 18, ceiling: { kB: 20, why: 'test' }, measure: (r) => r.sharedBase.gzip };
  assert.deepEqual(checkBudgets(report(file, 19, 12, map - 12), [withCeiling]).over, []);
  assert.match(checkBudgets(report(file, 17, 12, map - 12), [withCeiling]).over.join('\n'), /meets its goal; remove its ceiling/);
});
