/**
 * The size budgets, gzip, in kB of 1 024 bytes. `npm test` fails when a size exceeds its
 * limit by more than 5 % (test/build/size.node.test.ts); `npm run bench` prints each against
 * its goal.
 *
 * The limit is the goal. Where the goal is not met yet, the budget names a ceiling (the size
 * measured when the budget was written, a little above it) and why: the test then stops the
 * size from growing while the goal stays in view, and prints that the goal is missed. A ceiling
 * is lowered as the size comes down, and removed when the goal is met.
 */
import type { SizeReport } from './size.js';

export interface SizeBudget {
  /** What is measured, as the report prints it. */
  label: string;
  goal: number;
  ceiling?: { kB: number; why: string };
  /** The measured gzip bytes, or undefined when the report has no such entry. */
  measure(report: SizeReport): number | undefined;
}

/** A size may exceed its limit by this fraction before the check fails. */
const TOLERANCE = 0.05;

const overBase = (widget: string, lazyChunks: readonly string[] = []) => (report: SizeReport): number | undefined => {
  const entry = report.overBase.find((e) => e.name === `${widget} over the base`);
  if (!entry) return undefined;
  return entry.gzip + lazyChunks.reduce((sum, chunk) => sum + (entry.lazyChunks?.[chunk]?.gzip ?? 0), 0);
};

export const SIZE_BUDGETS: readonly SizeBudget[] = [
  {
    label: 'dist/inno-widgets.js',
    goal: 60,
    measure: (report) => report.scriptTag?.gzip,
  },
  {
    label: 'shared base (lit, @lit/context, the response shapes, client, core)',
    goal: 18,
    measure: (report) => report.sharedBase.gzip,
  },
  { label: 'idea form over the base', goal: 12, measure: overBase('idea-form') },
  { label: 'gallery over the base', goal: 12, measure: overBase('gallery') },
  { label: 'event calendar over the base', goal: 12, measure: overBase('event-calendar') },
  {
    // The network view is a lazy chunk, but the default view loads it at once, so it counts;
    // the geographic view (Leaflet) does not.
    label: 'stakeholder map over the base, with its network view',
    goal: 12,
    ceiling: {
      kB: 14,
      why: 'the network view is a 6.6 kB chunk, d3-force and the trimmed d3-quadtree about 2.3 kB of it; the map itself is 7.2 kB: its list, legend, search, detail panel and geo-view switch',
    },
    measure: overBase('stakeholder-map', ['network']),
  },
];

export const limitOf = (budget: SizeBudget): number => budget.ceiling?.kB ?? budget.goal;

export interface BudgetCheck {
  /** One line per budget: the size, and whether the goal is met. */
  lines: string[];
  /** One line per budget exceeded by more than the tolerance, or whose ceiling is stale. */
  over: string[];
}

/** Checks every budget (by default the project's) against a size report. */
export function checkBudgets(report: SizeReport, budgets: readonly SizeBudget[] = SIZE_BUDGETS): BudgetCheck {
  const kB = (bytes: number): string => (bytes / 1024).toFixed(1);
  const lines: string[] = [];
  const over: string[] = [];
  for (const budget of budgets) {
    const bytes = budget.measure(report);
    if (bytes === undefined || bytes <= 0) {
      over.push(`${budget.label}: not measured`);
      continue;
    }
    const limit = limitOf(budget);
    const met = bytes <= budget.goal * 1024;
    lines.push(`${budget.label}: ${kB(bytes)} kB gzip; ${met ? 'goal met' : `goal of ${budget.goal} kB NOT met: ${budget.ceiling?.why ?? 'no ceiling'}`}`);
    if (bytes > limit * 1024 * (1 + TOLERANCE)) over.push(`${budget.label}: ${kB(bytes)} kB > ${limit} kB + ${TOLERANCE * 100} %`);
    if (budget.ceiling && met) over.push(`${budget.label}: ${kB(bytes)} kB meets its goal; remove its ceiling in scripts/budgets.ts`);
  }
  return { lines, over };
}
