import type { Force, ForceManyBody, SimulationLinkDatum, SimulationNodeDatum } from 'd3-force';

// The plain numbers come first: the bundler writes a constant's value in place only while no
// computed one precedes it.
/** Below this the layout has settled (d3's alphaMin). */
const ALPHA_MIN = 0.001;
/** Share of its velocity a node keeps per tick (d3's velocityDecay of 0.4). */
const VELOCITY_KEEP = 0.6;
/** d3's starting spiral for nodes without a position. */
const INITIAL_RADIUS = 10;
const INITIAL_ANGLE = Math.PI * (3 - Math.sqrt(5));

/**
 * d3-force's forces driven without d3's simulation (whose timer and event modules the widget
 * does not need): the same starting spiral, random source, cooling and moves as
 * `forceSimulation(nodes).force(…)` with `tick()`, so positions are identical. The work is
 * done in parts — setting up each force, then per tick each force and the move — so that the
 * caller can spread a tick of a big graph over several tasks.
 */
export interface Layout {
  /** d3's alpha: how much the stakeholders still move; raise it (and the target) to move them again. */
  alpha: number;
  alphaTarget: number;
  readonly settling: boolean;
  /**
   * Which part runs next, a key for what it costs: first each force's setup
   * (-forces.length … -1), then in every tick each force (0, 1, …) and the move (forces.length).
   */
  readonly next: number;
  /** Runs the next part; true when that completed a tick. */
  step(): boolean;
  /** Runs the parts up to the end of the current tick. */
  tick(): void;
}

/** A function rather than a class: its state lives in the closure (see createNetworkView). */
export function createLayout<N extends SimulationNodeDatum, L extends SimulationLinkDatum<N>>(nodes: N[], forces: Force<N, L>[], alphaDecay: number): Layout {
  let part = -forces.length;
  nodes.forEach((node, i) => {
    node.index = i;
    if (node.fx != null) node.x = node.fx;
    if (node.fy != null) node.y = node.fy;
    if (isNaN(node.x!) || isNaN(node.y!)) {
      const radius = INITIAL_RADIUS * Math.sqrt(0.5 + i);
      node.x = radius * Math.cos(i * INITIAL_ANGLE);
      node.y = radius * Math.sin(i * INITIAL_ANGLE);
    }
    if (isNaN(node.vx!) || isNaN(node.vy!)) node.vx = node.vy = 0;
  });
  // d3's linear congruential generator, seeded alike.
  let seed = 1;
  const random = () => (seed = (1664525 * seed + 1013904223) % 4294967296) / 4294967296;

  const layout: Layout = {
    alpha: 1,
    alphaTarget: 0,
    get settling() {
      return layout.alpha > ALPHA_MIN;
    },
    get next() {
      return part;
    },
    step() {
      const current = part++;
      if (current < 0) forces[forces.length + current]!.initialize?.(nodes, random);
      else if (current < forces.length) {
        if (!current) layout.alpha += (layout.alphaTarget - layout.alpha) * alphaDecay;
        forces[current]!(layout.alpha);
      } else {
        part = 0;
        for (const node of nodes) {
          if (node.fx == null) node.x! += node.vx! *= VELOCITY_KEEP;
          else {
            node.x = node.fx;
            node.vx = 0;
          }
          if (node.fy == null) node.y! += node.vy! *= VELOCITY_KEEP;
          else {
            node.y = node.fy;
            node.vy = 0;
          }
        }
      }
      return current === forces.length;
    },
    tick() {
      while (!layout.step());
    },
  };
  return layout;
}

/**
 * d3-force's `forceX(0).strength(s)` and `forceY(0).strength(s)` as one force, with the same
 * arithmetic: each stakeholder is pulled toward the middle by `s` of its distance, times alpha.
 * d3's pair is two near-copies of one another that cost the network chunk 0.2 kB gzip.
 */
export function forceCentre<N extends SimulationNodeDatum>(strength: number): Force<N, never> {
  let nodes: N[] = [];
  return Object.assign(
    (alpha: number) => {
      for (const n of nodes) {
        n.vx! += (0 - n.x!) * strength * alpha;
        n.vy! += (0 - n.y!) * strength * alpha;
      }
    },
    { initialize: (all: N[]) => void (nodes = all) },
  );
}

/**
 * d3's many-body `force` with a coarser Barnes–Hut approximation (theta 1.5) while the layout is
 * hot: alpha above a half, its first 15 ticks, when everything still moves a lot. With 2 000
 * stakeholders still packed in the starting spiral, those steps were the longest tasks of all
 * (25–45 ms on a 2-core machine); this about halves them, and the finer steps after them settle
 * the same picture (network.test.ts).
 */
export function coarseWhileHot<N extends SimulationNodeDatum>(force: ForceManyBody<N>): Force<N, never> {
  const fine = force.theta();
  return Object.assign((alpha: number) => force.theta(alpha > 0.5 ? 1.5 : fine)(alpha), {
    initialize: (nodes: N[], random: () => number) => force.initialize(nodes, random),
  });
}
