import { forceLink, forceManyBody, type SimulationLinkDatum, type SimulationNodeDatum } from 'd3-force';
import type { Helix } from '../../api/shapes.js';
import type { EcosystemGraph } from './graph.js';
import { coarseWhileHot, createLayout, forceCentre, type Layout } from './layout.js';

/** A stakeholder as the layout sees it. Positions survive filter changes and view switches. */
interface LayoutNode extends SimulationNodeDatum {
  id: string;
  helix: Helix;
  name: string;
  r: number;
}

interface LayoutLink extends SimulationLinkDatum<LayoutNode> {
  source: LayoutNode;
  target: LayoutNode;
}

interface Point {
  x: number;
  y: number;
}

/** Graph to screen: a point p is drawn at p × k + (x, y), in CSS pixels. */
interface Transform extends Point {
  k: number;
}

export interface NetworkCallbacks {
  /** A stakeholder got the keyboard focus (or lost it: undefined). */
  focus(id: string | undefined): void;
  /** Enter or a click on a stakeholder. */
  open(id: string): void;
  /** An arrow key found no connected stakeholder in that direction. */
  dead(): void;
}

/** Arrow keys as directions on the screen. */
const ARROWS: Record<string, readonly [number, number]> = {
  ArrowRight: [1, 0],
  ArrowLeft: [-1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};
const ZOOM_KEYS: Record<string, number> = { '+': 1.25, '=': 1.25, '-': 0.8 };
/** Steps through the stakeholders by name. */
const PAGE_KEYS: Record<string, 1 | -1> = { PageDown: 1, PageUp: -1 };

/** The layout's forces: d3-force's links and many-body, and d3's pull to the middle (forceCentre); a big graph is drawn tighter and pushes less. */
function layoutOf(nodes: LayoutNode[], links: LayoutLink[]): Layout {
  /** About 150 ticks from alpha 1 to alphaMin 0.001: settled within a few seconds even at 2 000 nodes. */
  const ALPHA_DECAY = 0.045;
  const big = nodes.length > 500;
  const manyBody = forceManyBody<LayoutNode>().strength(big ? -25 : -150).theta(0.95).distanceMax(400);
  return createLayout<LayoutNode, LayoutLink>(
    nodes,
    [
      forceLink<LayoutNode, LayoutLink>(links).distance(big ? 30 : 60).strength(0.2),
      // A big graph's first ticks are the longest tasks: coarser while they are hot.
      big ? coarseWhileHot(manyBody) : manyBody,
      forceCentre<LayoutNode>(0.04),
    ],
    ALPHA_DECAY,
  );
}

/**
 * Calls `slice` in tasks of their own until it returns false. Tasks are queued as messages:
 * unlike frames or timers, they follow one another at once and fill the time between frames.
 */
function inTasks(slice: () => boolean): void {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => (slice() ? channel.port2.postMessage(null) : channel.port1.close());
  channel.port2.postMessage(null);
}

/** The item with the lowest finite score, if any. */
function lowest<T>(items: Iterable<T>, score: (item: T) => number): T | undefined {
  let found: T | undefined;
  let low = Infinity;
  for (const item of items) {
    const s = score(item);
    if (s < low) {
      found = item;
      low = s;
    }
  }
  return found;
}

/** Clears a whole canvas; its transform is then the identity. */
function clear(ctx: CanvasRenderingContext2D): void {
  ctx.resetTransform();
  ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
}

/**
 * As soon as this chunk loads (usually while the data is still on its way), a throwaway layout
 * of 150 stakeholders runs WARM_TICKS ticks in tasks of a few milliseconds, so that the engine
 * has compiled d3's forces (in the background, which takes a while on a busy machine) before a
 * big graph needs them. Measured with 2 000 stakeholders on a loaded 2-core machine: without
 * it the first four many-body steps took 50-150 ms each; after it, the first about 35 ms and
 * the next ones 15-20. It costs about 50 ms of work, once per page.
 */
function warmUp(): void {
  const WARM_TICKS = 20;
  /** Each task's work (ms): half the view's SLICE_MS. */
  const WARM_SLICE_MS = 6;
  // Built like the view's own nodes (see setData), so that the compiled code fits them.
  const nodes = Array.from({ length: 150 }, (_, i): LayoutNode => Object.assign({ id: String(i) }, { helix: 'media' as const, name: '', r: 4, fx: null, fy: null }));
  const layout = layoutOf(nodes, nodes.map((source, i) => ({ source, target: nodes[(i * 7 + 1) % nodes.length]! })));
  let ticks = 0;
  inTasks(() => {
    const start = performance.now();
    while (ticks < WARM_TICKS && performance.now() - start < WARM_SLICE_MS) if (layout.step()) ticks++;
    return ticks < WARM_TICKS;
  });
}
warmUp();

/**
 * Each helix's outline (colour is never the only difference): corners as x, y pairs around
 * (0, 0), in units of the stakeholder's radius; none for government's circle.
 */
const OUTLINES: Record<Helix, readonly number[] | null> = {
  government: null,
  academia: [-0.9, -0.9, 0.9, -0.9, 0.9, 0.9, -0.9, 0.9],
  business: [0, -1.2, 1.14, 0.84, -1.14, 0.84],
  community: [0, -1.2, 1.2, 0, 0, 1.2, -1.2, 0],
  // A hexagon: corner i at 60° × i, 1.05 out.
  media: Array.from({ length: 12 }, (_, i) => 1.05 * (i % 2 ? Math.sin : Math.cos)((Math.PI / 3) * (i >> 1))),
};

/**
 * Every helix, in the order of HELIXES. Taken from here rather than from api/shapes.js, which
 * holds the response schemas: importing it would make them (and zod) a chunk shared by the
 * element and this lazy one, which a bundler then splits off the element's file.
 */
const HELIXES = Object.keys(OUTLINES) as Helix[];

/** Adds a stakeholder's shape, centred on its position, to the current path. */
function shape(ctx: CanvasRenderingContext2D, { helix, x, y, r }: LayoutNode): void {
  const corners = OUTLINES[helix];
  if (!corners) {
    ctx.moveTo(x! + r, y!);
    ctx.arc(x!, y!, r, 0, Math.PI * 2);
    return;
  }
  ctx.moveTo(x! + corners[0]! * r, y! + corners[1]! * r);
  for (let i = 2; i < corners.length; i += 2) ctx.lineTo(x! + corners[i]! * r, y! + corners[i + 1]! * r);
  ctx.closePath();
}

/** A label's box: centred on `x`, from `y` down, in the picture's units. */
export interface LabelBox {
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * Which labels to draw, in the order given (most important first): each one that would not
 * overlap one already kept. Dense areas then show their best-connected names, legibly.
 */
export function labelsToDraw(boxes: readonly LabelBox[]): boolean[] {
  const kept: LabelBox[] = [];
  return boxes.map((b) => {
    if (kept.some((k) => Math.abs(k.x - b.x) * 2 < k.w + b.w && b.y < k.y + k.h && k.y < b.y + b.h)) return false;
    kept.push(b);
    return true;
  });
}

/** What the element drives: a NetworkView. */
export interface NetworkView {
  /** Starts or pauses work: nothing is computed while the network view is hidden. */
  active: boolean;
  readonly focusedId: string | undefined;
  destroy(): void;
  /** Theme colours from the widget's private tokens, and the font; call again when the theme changes. */
  readColors(): void;
  /**
   * New data or a new filter: only `shown` stakeholders take part. Known ones keep their
   * place; the `centre` one (the `around` stakeholder) is pinned to the middle.
   */
  setData(graph: EcosystemGraph, shown: (id: string) => boolean, centre: string | undefined): void;
  /** Gives a stakeholder the keyboard focus and, unless `centre` is false, centres the view on it. */
  focusNode(id: string | undefined, centre?: boolean): void;
  /** Where a shown stakeholder is drawn, in CSS pixels from the canvas' top-left corner. */
  pointOf(id: string): Point | undefined;
  /** Zoom by a factor about the middle (buttons, + and − keys). */
  zoomBy(factor: number): void;
  /** Fits every shown stakeholder into the view. */
  reset(): void;
}

/**
 * The network view: a d3-force layout computed in short tasks between the frames (so the page
 * never freezes), drawn on a canvas. The static picture is cached in an offscreen canvas and
 * only blitted while panning; highlights of the hovered or focused stakeholder and its
 * neighbours are drawn on top each frame.
 *
 * A function rather than a class: its state lives in the closure, as in d3's forces, because
 * local names minify to a letter where every private field would stay `this.#x`.
 */
export function createNetworkView(canvas: HTMLCanvasElement, cb: NetworkCallbacks): NetworkView {
  // The view's tuning, declared before any other statement so that the bundler writes the
  // values where they are used.
  /**
   * Layout work per task, and the picture's work per frame: well under a 50 ms long task. Parts
   * of a tick are added to a task only while they are expected to fit (each takes about as long
   * as it did the last time); a part never measured, such as the first many-body step, runs alone.
   */
  const SLICE_MS = 12;
  const MIN_K = 0.05;
  const MAX_K = 8;
  /** Links painted into the cached picture per frame, at first; then sized by the time a slice took. */
  const FIRST_SLICE_LINKS = 1000;
  const MIN_SLICE_LINKS = 500;
  const MAX_SLICE_LINKS = 10_000;
  /** A graph with more links than this is big: it is repainted less often while it settles. */
  const BIG_LINKS = 2500;
  /** Links drawn per repaint while a big graph settles (an even sample). */
  const LIVE_LINKS = 1500;
  /** While a big graph settles, its picture is repainted at most this often (ms); layout tasks fill the time between. */
  const REPAINT_MS = 100;

  const ctx = canvas.getContext('2d')!;
  const cache = document.createElement('canvas').getContext('2d')!;
  const flush = document.createElement('canvas').getContext('2d')!;
  const resize = new ResizeObserver(measure);
  const still = matchMedia('(prefers-reduced-motion: reduce)');
  /** Positions by id, kept across data and filter changes. */
  const known = new Map<string, LayoutNode>();
  /** How long each part of the layout took the last time it ran (see Layout.next). */
  const costs = new Map<number, number>();
  const pointers = new Map<number, Point>();
  const colors: Record<string, string> = {};
  let graph: EcosystemGraph | undefined;
  let visible: LayoutNode[] = [];
  let links: LayoutLink[] = [];
  let layout: Layout | undefined;
  let working = false;
  let active = false;
  let t: Transform = { k: 1, x: 0, y: 0 };
  /** The transform of the complete cached picture. */
  let cacheT: Transform | undefined;
  /** The cached picture being built: its transform and the first link not yet painted. */
  let building: { t: Transform; next: number } | undefined;
  let lastDraw = 0;
  let sliceLinks = FIRST_SLICE_LINKS;
  let width = 0;
  let height = 0;
  let dpr = 1;
  let frame = 0;
  let idle = 0;
  let userMoved = false;
  let centre: string | undefined;
  let focus: LayoutNode | undefined;
  let hover: LayoutNode | undefined;
  let drag: { node?: LayoutNode | undefined; moved: boolean; pinch?: number } | undefined;

  /** The stakeholder with this id, if it is shown. */
  const shown = (id: string | undefined) => {
    const n = known.get(id!);
    return n && visible.includes(n) ? n : undefined;
  };

  // --- layout and drawing ---------------------------------------------------------------

  function schedule(): void {
    if (active && !frame) {
      frame = requestAnimationFrame(() => {
        frame = 0;
        step();
      });
    }
  }

  /** `data-layout` on the canvas, written when it changes (it is read by tests and pages). */
  function markLayout(state: 'settling' | 'settled'): void {
    if (canvas.dataset['layout'] !== state) canvas.dataset['layout'] = state;
  }

  /** Starts the layout's tasks, unless they run already or there is nothing to do. */
  function kick(): void {
    if (!layout?.settling) return;
    // Exposed for tests and for pages that wait for a stable picture; see step.
    markLayout('settling');
    if (working || !active) return;
    working = true;
    inTasks(() => (working = work()));
  }

  /** One layout task; whether another one is needed. */
  function work(): boolean {
    const l = layout;
    if (!l || !active) return false;
    const start = performance.now();
    while (l.settling) {
      const part = l.next;
      const begun = performance.now();
      l.step();
      const now = performance.now();
      costs.set(part, now - begun);
      if (now - start + (costs.get(l.next) ?? SLICE_MS) >= SLICE_MS) break;
    }
    schedule();
    return l.settling;
  }

  function step(): void {
    const settling = layout?.settling;
    // With reduced motion the layout is shown once at the start and once settled, never moving.
    const gap = drag?.node ? 0 : still.matches ? Infinity : links.length > BIG_LINKS ? REPAINT_MS : 0;
    // The first frame shows the starting positions.
    if (!settling || !lastDraw || performance.now() - lastDraw >= gap) {
      if (!userMoved) fit();
      if (settling) lastDraw = performance.now();
      draw();
    }
    if (layout && !settling) markLayout('settled');
  }

  function measure(): void {
    const rect = canvas.getBoundingClientRect();
    if (!rect.width || !rect.height) return;
    dpr = window.devicePixelRatio || 1;
    const refit = !width || !userMoved;
    if (!refit) {
      // Moved by the user: what was in the middle stays there.
      t.x += (rect.width - width) / 2;
      t.y += (rect.height - height) / 2;
    }
    ({ width, height } = rect);
    canvas.width = cache.canvas.width = Math.round(width * dpr);
    canvas.height = cache.canvas.height = Math.round(height * dpr);
    if (refit) fit();
    invalidate();
  }

  /** Puts the graph point `p` at (x, y) on the screen, the middle unless given, at scale k. */
  function place(p: Point, k: number, x = width / 2, y = height / 2): void {
    t = { k, x: x - p.x * k, y: y - p.y * k };
  }

  function fit(): void {
    if (!width || !visible.length) return;
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (const { x, y, r } of visible) {
      x0 = Math.min(x0, x! - r);
      y0 = Math.min(y0, y! - r);
      x1 = Math.max(x1, x! + r);
      y1 = Math.max(y1, y! + r);
    }
    const pad = 48; // both sides
    const k = Math.max(MIN_K, Math.min(1.5, (width - pad) / (x1 - x0 || 1), (height - pad) / (y1 - y0 || 1)));
    // A pinned `around` stakeholder sits in the middle.
    place(centre ? { x: 0, y: 0 } : { x: (x0 + x1) / 2, y: (y0 + y1) / 2 }, k);
  }

  function invalidate(): void {
    cacheT = undefined;
    schedule();
  }

  /**
   * Links (every `stride`th), then stakeholders with the view's transform `t`; with `labels`,
   * their names, the stakeholder `first` winning a crowded spot.
   */
  function paint(ctx: CanvasRenderingContext2D, t: Transform, nodes: LayoutNode[], links: LayoutLink[], labels: boolean, stride = 1, first?: LayoutNode): void {
    ctx.setTransform(dpr * t.k, 0, 0, dpr * t.k, dpr * t.x, dpr * t.y);
    ctx.lineWidth = 1 / t.k;
    ctx.strokeStyle = colors['border']!;
    ctx.beginPath();
    for (let i = 0; i < links.length; i += stride) {
      const { source, target } = links[i]!;
      ctx.moveTo(source.x!, source.y!);
      ctx.lineTo(target.x!, target.y!);
    }
    ctx.stroke();
    // One path per helix: 5 fills instead of 2 000.
    for (const helix of HELIXES) {
      ctx.beginPath();
      for (const n of nodes) if (n.helix === helix) shape(ctx, n);
      ctx.fillStyle = colors[`helix-${helix}`]!;
      ctx.fill();
    }
    ctx.strokeStyle = colors['bg']!;
    if (nodes.length <= 500) {
      // Outlines separate touching shapes; for big pictures they cost more than they tell.
      ctx.lineWidth = 1.5 / t.k;
      ctx.beginPath();
      for (const n of nodes) shape(ctx, n);
      ctx.stroke();
    }
    if (labels) {
      ctx.font = `${12 / t.k}px ${colors['font']}`;
      ctx.textAlign = 'center';
      ctx.textBaseline = 'top';
      ctx.lineWidth = 3 / t.k;
      ctx.fillStyle = colors['text']!;
      // `first`, then the best connected (the biggest), get their label.
      const boxes = [...nodes]
        .sort((a, b) => Number(b === first) - Number(a === first) || b.r - a.r)
        .map((n) => {
          const name = n.name.length > 32 ? `${n.name.slice(0, 31)}…` : n.name;
          return { name, x: n.x!, y: n.y! + n.r * 1.3 + 2 / t.k, w: ctx.measureText(name).width, h: 14 / t.k };
        });
      labelsToDraw(boxes).forEach((draw, i) => {
        const { name, x, y } = boxes[i]!;
        if (!draw) return;
        ctx.strokeText(name, x, y);
        ctx.fillText(name, x, y);
      });
    }
  }

  function draw(): void {
    if (!width) return;
    const labels = t.k >= 1.6 && visible.length <= 300;
    if (layout?.settling) {
      // While the layout moves, paint directly (a cache would only add a copy), and only a
      // sample of a big graph's links: the shape of the picture, not every line, each frame.
      clear(ctx);
      paint(ctx, t, visible, links, labels, Math.ceil(links.length / LIVE_LINKS));
      cacheT = building = undefined;
    } else {
      if (cacheT?.k !== t.k) {
        if (cacheT) {
          // Zooming: stretch the cached picture now, redraw it sharply once the wheel rests.
          clearTimeout(idle);
          idle = window.setTimeout(invalidate, 120);
        } else {
          // The full picture is built in slices of links, one slice per frame, so that even
          // 10 000 links never hold the main thread for long; the live picture stays meanwhile.
          let b = building;
          if (b?.t.k !== t.k) {
            b = building = { t: { ...t }, next: 0 };
            clear(cache);
          }
          const start = performance.now();
          const slice = links.slice(b.next, b.next + sliceLinks);
          paint(cache, b.t, [], slice, false);
          b.next += slice.length;
          if (b.next < links.length) {
            // Copying one pixel makes the browser rasterise this slice now, not all at the end
            // (a copy, unlike getImageData, needs no read back from the GPU).
            flush.drawImage(cache.canvas, 0, 0, 1, 1, 0, 0, 1, 1);
            // The next slice is sized to take about SLICE_MS here: rasterising in software (no
            // GPU) costs several times what a GPU does.
            const ms = Math.max(1, performance.now() - start);
            sliceLinks = Math.round(Math.min(MAX_SLICE_LINKS, Math.max(MIN_SLICE_LINKS, (slice.length * SLICE_MS) / ms)));
            schedule();
            return;
          }
          paint(cache, b.t, visible, [], labels);
          cacheT = b.t;
          building = undefined;
        }
      }
      clear(ctx);
      const c = cacheT;
      const scale = t.k / c.k;
      ctx.drawImage(cache.canvas, dpr * (t.x - c.x * scale), dpr * (t.y - c.y * scale), canvas.width * scale, canvas.height * scale);
    }
    overlay();
  }

  /** The hovered or focused stakeholder with its neighbours, over a dimmed picture; the focus ring. */
  function overlay(): void {
    const node = hover ?? focus;
    if (node) {
      // Dim everything, then draw the stakeholder, its links and its neighbours on top.
      ctx.resetTransform();
      ctx.globalAlpha = 0.7;
      ctx.fillStyle = colors['bg']!;
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      ctx.globalAlpha = 1;
      const near = graph!.neighbours.get(node.id);
      paint(
        ctx,
        t,
        visible.filter((n) => n === node || near?.has(n.id)),
        links.filter((l) => l.source === node || l.target === node),
        true,
        1,
        node,
      );
    }
    if (focus && canvas.matches(':focus-visible')) {
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      ctx.beginPath();
      ctx.arc(focus.x! * t.k + t.x, focus.y! * t.k + t.y, focus.r * 1.3 * t.k + 5, 0, Math.PI * 2);
      ctx.lineWidth = 3;
      ctx.strokeStyle = colors['focus']!;
      ctx.stroke();
    }
  }

  // --- interaction ----------------------------------------------------------------------

  const toGraph = ({ x, y }: Point): Point => ({ x: (x - t.x) / t.k, y: (y - t.y) / t.k });

  function local(e: MouseEvent): Point {
    const rect = canvas.getBoundingClientRect();
    return { x: e.clientX - rect.left, y: e.clientY - rect.top };
  }

  /** The stakeholder under a point on the screen (within 4 px), the closest one if several. */
  function hit(at: Point): LayoutNode | undefined {
    const p = toGraph(at);
    const slack = 4 / t.k;
    return lowest(visible, (n) => {
      const d = Math.hypot(n.x! - p.x, n.y! - p.y);
      return d <= n.r * 1.2 + slack ? d : Infinity;
    });
  }

  function zoomAt(factor: number, at: Point): void {
    place(toGraph(at), Math.max(MIN_K, Math.min(MAX_K, t.k * factor)), at.x, at.y);
    userMoved = true;
    schedule();
  }

  /** Two pointers: how far apart they are, and the point between them. */
  function pinch(): [number, Point] {
    const [a, b] = [...pointers.values()] as [Point, Point];
    return [Math.hypot(a.x - b.x, a.y - b.y), { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 }];
  }

  /** Focuses a stakeholder, moving the picture only when it is not well inside it. */
  function focusOn(n: LayoutNode): void {
    const { x, y } = view.pointOf(n.id)!;
    view.focusNode(n.id, !(x > 20 && y > 20 && x < width - 20 && y < height - 20));
  }

  /** Moves the focus to the connected stakeholder that lies best in the direction (dx, dy). */
  function walk([dx, dy]: readonly [number, number]): void {
    const from = focus;
    if (!from) {
      // First arrow press: start at the centre of a neighbourhood, else the best connected (the biggest).
      const start = shown(centre) ?? lowest(visible, (n) => -n.r);
      if (start) focusOn(start);
      return;
    }
    const near = graph!.neighbours.get(from.id);
    const best = lowest(visible, (n) => {
      const vx = n.x! - from.x!;
      const vy = n.y! - from.y!;
      const distance = Math.hypot(vx, vy) || 1e-6;
      const cos = (vx * dx + vy * dy) / distance;
      // Partners within about 70° of the arrow, the closest and most in line first.
      return near?.has(n.id) && cos >= 0.35 ? distance * (2 - cos) : Infinity;
    });
    if (best) focusOn(best);
    else cb.dead();
  }

  /** The next or previous stakeholder in name order, also those without partners that arrows cannot reach. */
  function byName(step: 1 | -1): void {
    const sorted = [...visible].sort((a, b) => a.name.localeCompare(b.name));
    // Nothing focused: PageDown starts at the first, PageUp at the last.
    const from = Math.max(sorted.indexOf(focus!), step > 0 ? -1 : 0);
    const next = sorted.at((from + step) % sorted.length);
    if (next) focusOn(next);
  }

  const up = (e: PointerEvent) => {
    pointers.delete(e.pointerId);
    const d = drag;
    if (pointers.size) return;
    drag = undefined;
    if (!d) return;
    const { node } = d;
    if (node) {
      if (node.id !== centre) node.fx = node.fy = null;
      if (layout) layout.alphaTarget = 0;
      if (!d.moved && e.type === 'pointerup') {
        focus = node;
        cb.open(node.id);
      }
    }
    invalidate();
  };

  const listeners: { [K in keyof HTMLElementEventMap]?: (e: HTMLElementEventMap[K]) => void } = {
    pointerdown(e) {
      const at = local(e);
      pointers.set(e.pointerId, at);
      try {
        canvas.setPointerCapture(e.pointerId);
      } catch {
        // A synthetic pointer (scripts, automation) cannot be captured; the drag still works.
      }
      drag = pointers.size === 2 ? { moved: true, pinch: pinch()[0] } : { node: hit(at), moved: false };
    },

    pointermove(e) {
      const at = local(e);
      const previous = pointers.get(e.pointerId);
      if (!previous || !drag) {
        const over = hit(at);
        if (over !== hover) {
          hover = over;
          canvas.style.cursor = over ? 'pointer' : 'grab';
          schedule();
        }
        return;
      }
      pointers.set(e.pointerId, at);
      if (drag.pinch !== undefined && pointers.size > 1) {
        const [distance, between] = pinch();
        if (drag.pinch > 0) zoomAt(distance / drag.pinch, between);
        drag.pinch = distance;
        return;
      }
      const dx = at.x - previous.x;
      const dy = at.y - previous.y;
      if (!drag.moved && Math.hypot(dx, dy) < 3) {
        pointers.set(e.pointerId, previous);
        return;
      }
      drag.moved = userMoved = true;
      const { node } = drag;
      if (node) {
        const p = toGraph(at);
        node.fx = p.x;
        node.fy = p.y;
        if (layout) {
          layout.alphaTarget = 0.1;
          layout.alpha = Math.max(layout.alpha, 0.1);
        }
        kick();
      } else {
        t.x += dx;
        t.y += dy;
      }
      schedule();
    },

    pointerup: up,
    pointercancel: up,

    pointerleave() {
      if (hover && !drag) {
        hover = undefined;
        schedule();
      }
    },

    wheel(e) {
      e.preventDefault();
      zoomAt(Math.exp(-e.deltaY * (e.deltaMode === 1 ? 0.05 : 0.002)), local(e));
    },

    keydown(e) {
      const { key } = e;
      const zoom = ZOOM_KEYS[key];
      const arrow = ARROWS[key];
      const page = PAGE_KEYS[key];
      if (zoom) return view.zoomBy(zoom);
      if (key === 'Escape') return view.focusNode(undefined, false);
      if (arrow) walk(arrow);
      else if (page) byName(page);
      else if ((key === 'Enter' || key === ' ') && focus) cb.open(focus.id);
      else return;
      e.preventDefault();
    },
  };

  const view: NetworkView = {
    destroy() {
      cancelAnimationFrame(frame);
      clearTimeout(idle);
      resize.disconnect();
      // Ends the layout's tasks.
      layout = undefined;
    },

    set active(value: boolean) {
      active = value;
      if (value) {
        schedule();
        kick();
      } else cancelAnimationFrame(frame);
    },

    get focusedId() {
      return focus?.id;
    },

    readColors() {
      const style = getComputedStyle(canvas);
      for (const name of ['bg', 'text', 'border', 'focus', ...HELIXES.map((h) => `helix-${h}`)]) {
        colors[name] = style.getPropertyValue(`--_${name}`).trim() || '#767f8f';
      }
      // Labels in the page's font (--inno-font-family), like the rest of the widget.
      colors['font'] = style.fontFamily || 'system-ui, sans-serif';
      invalidate();
    },

    setData(data, isShown, around) {
      graph = data;
      centre = around;
      const seen = new Set<string>();
      visible = [];
      for (const { id, helix, name } of data.nodes) {
        if (!isShown(id)) continue;
        seen.add(id);
        const pin = id === around ? 0 : null;
        const node = Object.assign(known.get(id) ?? { id }, { helix, name, r: 4 + 2.2 * Math.sqrt(data.degree.get(id) ?? 0), fx: pin, fy: pin });
        known.set(id, node);
        visible.push(node);
      }
      links = data.links
        .filter((l) => seen.has(l.source) && seen.has(l.target))
        .map((l) => ({ source: known.get(l.source)!, target: known.get(l.target)! }));
      if (!seen.has(focus?.id as string)) focus = undefined;
      if (!seen.has(hover?.id as string)) hover = undefined;

      layout = layoutOf(visible, links);
      costs.clear();
      lastDraw = 0;
      invalidate();
      kick();
    },

    focusNode(id, centreOn = true) {
      const node = (focus = shown(id));
      if (node && centreOn && width) {
        userMoved = true;
        place(node as Point, t.k);
      }
      cb.focus(node?.id);
      schedule();
    },

    pointOf(id) {
      const n = shown(id);
      return n && { x: n.x! * t.k + t.x, y: n.y! * t.k + t.y };
    },

    zoomBy(factor) {
      zoomAt(factor, { x: width / 2, y: height / 2 });
    },

    reset() {
      userMoved = false;
      fit();
      invalidate();
    },
  };

  resize.observe(canvas);
  // Not passive: the wheel zooms the picture instead of scrolling the page.
  for (const type in listeners) canvas.addEventListener(type, listeners[type as 'wheel'] as EventListener, { passive: false });
  view.readColors();
  return view;
}
