import { forceLink, forceManyBody, forceX, forceY, type SimulationLinkDatum, type SimulationNodeDatum } from 'd3-force';
import type { Helix } from '../../api/shapes.js';
import type { EcosystemGraph } from './graph.js';
import { Layout } from './layout.js';

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

/**
 * Layout work per task, and the picture's work per frame: well under a 50 ms long task. Parts
 * of a tick are added to a task only while they are expected to fit (each takes about as long
 * as it did the last time); a part never measured, such as the first many-body step, runs alone.
 */
const SLICE_MS = 12;
const MIN_K = 0.05;
const MAX_K = 8;
/** About 150 ticks from alpha 1 to alphaMin 0.001: settled within a few seconds even at 2 000 nodes. */
const ALPHA_DECAY = 0.045;
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

/** Arrow keys as directions on the screen. */
const ARROWS: Record<string, readonly [number, number]> = {
  ArrowRight: [1, 0],
  ArrowLeft: [-1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};
const ZOOM_KEYS: Record<string, number> = { '+': 1.25, '=': 1.25, '-': 0.8 };

/** The layout's forces, all d3-force's; a big graph is drawn tighter and pushes less. */
function layoutOf(nodes: LayoutNode[], links: LayoutLink[]): Layout<LayoutNode, LayoutLink> {
  const big = nodes.length > 500;
  return new Layout<LayoutNode, LayoutLink>(
    nodes,
    [
      forceLink<LayoutNode, LayoutLink>(links).distance(big ? 30 : 60).strength(0.2),
      forceManyBody<LayoutNode>().strength(big ? -25 : -150).theta(0.95).distanceMax(400),
      forceX<LayoutNode>(0).strength(0.04),
      forceY<LayoutNode>(0).strength(0.04),
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
    if (s < low) [found, low] = [item, s];
  }
  return found;
}

/** Clears a whole canvas; its transform is then the identity. */
function clear(ctx: CanvasRenderingContext2D): void {
  ctx.setTransform(1, 0, 0, 1, 0, 0);
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
const WARM_TICKS = 20;

function warmUp(): void {
  // Built like the view's own nodes (see setData), so that the compiled code fits them.
  const nodes = Array.from({ length: 150 }, (_, i): LayoutNode => Object.assign({ id: String(i) }, { helix: 'media' as const, name: '', r: 4, fx: null, fy: null }));
  const layout = layoutOf(nodes, nodes.map((source, i) => ({ source, target: nodes[(i * 7 + 1) % nodes.length]! })));
  let ticks = 0;
  inTasks(() => {
    const start = performance.now();
    while (ticks < WARM_TICKS && performance.now() - start < SLICE_MS / 2) if (layout.step()) ticks++;
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

/**
 * The network view: a d3-force layout computed in short tasks between the frames (so the page
 * never freezes), drawn on a canvas. The static picture is cached in an offscreen canvas and
 * only blitted while panning; highlights of the hovered or focused stakeholder and its
 * neighbours are drawn on top each frame.
 */
export class NetworkView {
  readonly #canvas: HTMLCanvasElement;
  readonly #ctx: CanvasRenderingContext2D;
  readonly #cb: NetworkCallbacks;
  readonly #cache = document.createElement('canvas').getContext('2d')!;
  readonly #flush = document.createElement('canvas').getContext('2d')!;
  readonly #resize = new ResizeObserver(() => this.#measure());
  /** Positions by id, kept across data and filter changes. */
  readonly #nodes = new Map<string, LayoutNode>();
  #graph: EcosystemGraph | undefined;
  #visible: LayoutNode[] = [];
  #links: LayoutLink[] = [];
  #layout: Layout<LayoutNode, LayoutLink> | undefined;
  /** How long each part of the layout took the last time it ran (see Layout.next). */
  readonly #costs = new Map<number, number>();
  #working = false;
  #t: Transform = { k: 1, x: 0, y: 0 };
  /** The transform of the complete cached picture. */
  #cacheT: Transform | undefined;
  /** The cached picture being built: its transform and the first link not yet painted. */
  #building: { t: Transform; next: number } | undefined;
  #lastDraw = 0;
  #sliceLinks = FIRST_SLICE_LINKS;
  readonly #still = matchMedia('(prefers-reduced-motion: reduce)');
  #width = 0;
  #height = 0;
  #dpr = 1;
  #frame = 0;
  #idle = 0;
  #userMoved = false;
  #centre: string | undefined;
  #focus: LayoutNode | undefined;
  #hover: LayoutNode | undefined;
  #colors: Record<string, string> = {};
  #active = false;
  readonly #pointers = new Map<number, Point>();
  #drag: { node?: LayoutNode | undefined; moved: boolean; pinch?: number } | undefined;

  constructor(canvas: HTMLCanvasElement, callbacks: NetworkCallbacks) {
    this.#canvas = canvas;
    this.#ctx = canvas.getContext('2d')!;
    this.#cb = callbacks;
    this.#resize.observe(canvas);
    const listeners: Record<string, (e: never) => void> = {
      pointerdown: this.#onDown,
      pointermove: this.#onMove,
      pointerup: this.#onUp,
      pointercancel: this.#onUp,
      pointerleave: this.#onLeave,
      wheel: this.#onWheel,
      keydown: this.#onKey,
    };
    // Not passive: the wheel zooms the picture instead of scrolling the page.
    for (const type in listeners) canvas.addEventListener(type, listeners[type] as EventListener, { passive: false });
    this.readColors();
  }

  destroy(): void {
    cancelAnimationFrame(this.#frame);
    clearTimeout(this.#idle);
    this.#resize.disconnect();
    // Ends the layout's tasks.
    this.#layout = undefined;
  }

  /** Starts or pauses work: nothing is computed while the network view is hidden. */
  set active(value: boolean) {
    this.#active = value;
    if (value) {
      this.#schedule();
      this.#kick();
    } else cancelAnimationFrame(this.#frame);
  }

  get focusedId(): string | undefined {
    return this.#focus?.id;
  }

  /** Theme colours from the widget's private tokens; call again when the theme changes. */
  readColors(): void {
    const style = getComputedStyle(this.#canvas);
    for (const name of ['bg', 'text', 'border', 'focus', ...HELIXES.map((h) => `helix-${h}`)]) {
      this.#colors[name] = style.getPropertyValue(`--_${name}`).trim() || '#767f8f';
    }
    this.#invalidate();
  }

  /**
   * New data or a new filter: only `shown` stakeholders take part. Known ones keep their
   * place; the `centre` one (the `around` stakeholder) is pinned to the middle.
   */
  setData(graph: EcosystemGraph, shown: (id: string) => boolean, centre: string | undefined): void {
    this.#graph = graph;
    this.#centre = centre;
    const nodes = this.#nodes;
    const seen = new Set<string>();
    this.#visible = [];
    for (const { id, helix, name } of graph.nodes) {
      if (!shown(id)) continue;
      seen.add(id);
      const pin = id === centre ? 0 : null;
      const node = Object.assign(nodes.get(id) ?? { id }, { helix, name, r: 4 + 2.2 * Math.sqrt(graph.degree.get(id) ?? 0), fx: pin, fy: pin });
      nodes.set(id, node);
      this.#visible.push(node);
    }
    this.#links = graph.links
      .filter((l) => seen.has(l.source) && seen.has(l.target))
      .map((l) => ({ source: nodes.get(l.source)!, target: nodes.get(l.target)! }));
    if (!seen.has(this.#focus?.id as string)) this.#focus = undefined;
    if (!seen.has(this.#hover?.id as string)) this.#hover = undefined;

    this.#layout = layoutOf(this.#visible, this.#links);
    this.#costs.clear();
    this.#lastDraw = 0;
    this.#invalidate();
    this.#kick();
  }

  /** Centres the view on a stakeholder and gives it the keyboard focus. */
  focusNode(id: string | undefined, centre = true): void {
    const node = (this.#focus = this.#shown(id));
    if (node && centre && this.#width) {
      this.#userMoved = true;
      this.#place(node as Point, this.#t.k);
    }
    this.#cb.focus(node?.id);
    this.#schedule();
  }

  /** Where a shown stakeholder is drawn, in CSS pixels from the canvas' top-left corner. */
  pointOf(id: string): Point | undefined {
    const n = this.#shown(id);
    const t = this.#t;
    return n && { x: n.x! * t.k + t.x, y: n.y! * t.k + t.y };
  }

  /** Zoom by a factor about the middle (buttons, + and − keys). */
  zoomBy(factor: number): void {
    this.#zoomAt(factor, { x: this.#width / 2, y: this.#height / 2 });
  }

  /** Fits every shown stakeholder into the view. */
  reset(): void {
    this.#userMoved = false;
    this.#fit();
    this.#invalidate();
  }

  /** The stakeholder with this id, if it is shown. */
  #shown(id: string | undefined): LayoutNode | undefined {
    const n = this.#nodes.get(id!);
    return n && this.#visible.includes(n) ? n : undefined;
  }

  // --- layout and drawing ---------------------------------------------------------------

  #schedule(): void {
    if (!this.#active || this.#frame) return;
    this.#frame = requestAnimationFrame(() => {
      this.#frame = 0;
      this.#step();
    });
  }

  /** Starts the layout's tasks, unless they run already or there is nothing to do. */
  #kick(): void {
    if (!this.#layout?.settling) return;
    // Exposed for tests and for pages that wait for a stable picture; see #step.
    this.#markLayout('settling');
    if (this.#working || !this.#active) return;
    this.#working = true;
    inTasks(() => (this.#working = this.#work()));
  }

  /** One layout task; whether another one is needed. */
  #work(): boolean {
    const layout = this.#layout;
    if (!layout || !this.#active) return false;
    const start = performance.now();
    while (layout.settling) {
      const part = layout.next;
      const begun = performance.now();
      layout.step();
      const now = performance.now();
      this.#costs.set(part, now - begun);
      if (now - start + (this.#costs.get(layout.next) ?? SLICE_MS) >= SLICE_MS) break;
    }
    this.#schedule();
    return layout.settling;
  }

  #step(): void {
    const settling = this.#layout?.settling;
    // With reduced motion the layout is shown once at the start and once settled, never moving.
    const gap = this.#drag?.node ? 0 : this.#still.matches ? Infinity : this.#links.length > BIG_LINKS ? REPAINT_MS : 0;
    // The first frame shows the starting positions.
    if (!settling || !this.#lastDraw || performance.now() - this.#lastDraw >= gap) {
      if (!this.#userMoved) this.#fit();
      if (settling) this.#lastDraw = performance.now();
      this.#draw();
    }
    if (this.#layout && !settling) this.#markLayout('settled');
  }

  /** `data-layout` on the canvas, written when it changes (it is read by tests and pages). */
  #markLayout(state: 'settling' | 'settled'): void {
    if (this.#canvas.dataset['layout'] !== state) this.#canvas.dataset['layout'] = state;
  }

  #measure(): void {
    const { width, height } = this.#canvas.getBoundingClientRect();
    if (!width || !height) return;
    const dpr = (this.#dpr = window.devicePixelRatio || 1);
    const fit = !this.#width || !this.#userMoved;
    if (!fit) {
      // Moved by the user: what was in the middle stays there.
      this.#t.x += (width - this.#width) / 2;
      this.#t.y += (height - this.#height) / 2;
    }
    this.#width = width;
    this.#height = height;
    this.#canvas.width = this.#cache.canvas.width = Math.round(width * dpr);
    this.#canvas.height = this.#cache.canvas.height = Math.round(height * dpr);
    if (fit) this.#fit();
    this.#invalidate();
  }

  /** Puts the graph point `p` at (x, y) on the screen, the middle unless given, at scale k. */
  #place(p: Point, k: number, x = this.#width / 2, y = this.#height / 2): void {
    this.#t = { k, x: x - p.x * k, y: y - p.y * k };
  }

  #fit(): void {
    if (!this.#width || !this.#visible.length) return;
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (const { x, y, r } of this.#visible) {
      x0 = Math.min(x0, x! - r);
      y0 = Math.min(y0, y! - r);
      x1 = Math.max(x1, x! + r);
      y1 = Math.max(y1, y! + r);
    }
    const pad = 48; // both sides
    const k = Math.max(MIN_K, Math.min(1.5, (this.#width - pad) / (x1 - x0 || 1), (this.#height - pad) / (y1 - y0 || 1)));
    // A pinned `around` stakeholder sits in the middle.
    this.#place(this.#centre ? { x: 0, y: 0 } : { x: (x0 + x1) / 2, y: (y0 + y1) / 2 }, k);
  }

  #invalidate(): void {
    this.#cacheT = undefined;
    this.#schedule();
  }

  /**
   * Links (every `stride`th), then stakeholders with the view's transform `t`; with `labels`,
   * their names, the stakeholder `first` winning a crowded spot.
   */
  #paint(ctx: CanvasRenderingContext2D, t: Transform, nodes: LayoutNode[], links: LayoutLink[], labels: boolean, stride = 1, first?: LayoutNode): void {
    const colors = this.#colors;
    const dpr = this.#dpr;
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
      ctx.font = `${12 / t.k}px system-ui, sans-serif`;
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

  #draw(): void {
    if (!this.#width) return;
    const ctx = this.#ctx;
    const cache = this.#cache;
    const t = this.#t;
    const links = this.#links;
    const labels = t.k >= 1.6 && this.#visible.length <= 300;
    if (this.#layout?.settling) {
      // While the layout moves, paint directly (a cache would only add a copy), and only a
      // sample of a big graph's links: the shape of the picture, not every line, each frame.
      clear(ctx);
      this.#paint(ctx, t, this.#visible, links, labels, Math.ceil(links.length / LIVE_LINKS));
      this.#cacheT = this.#building = undefined;
    } else {
      if (this.#cacheT?.k !== t.k) {
        if (this.#cacheT) {
          // Zooming: stretch the cached picture now, redraw it sharply once the wheel rests.
          clearTimeout(this.#idle);
          this.#idle = window.setTimeout(() => this.#invalidate(), 120);
        } else {
          // The full picture is built in slices of links, one slice per frame, so that even
          // 10 000 links never hold the main thread for long; the live picture stays meanwhile.
          let b = this.#building;
          if (b?.t.k !== t.k) {
            b = this.#building = { t: { ...t }, next: 0 };
            clear(cache);
          }
          const start = performance.now();
          const slice = links.slice(b.next, b.next + this.#sliceLinks);
          this.#paint(cache, b.t, [], slice, false);
          b.next += slice.length;
          if (b.next < links.length) {
            // Copying one pixel makes the browser rasterise this slice now, not all at the end
            // (a copy, unlike getImageData, needs no read back from the GPU).
            this.#flush.drawImage(cache.canvas, 0, 0, 1, 1, 0, 0, 1, 1);
            // The next slice is sized to take about SLICE_MS here: rasterising in software (no
            // GPU) costs several times what a GPU does.
            const ms = Math.max(1, performance.now() - start);
            this.#sliceLinks = Math.round(Math.min(MAX_SLICE_LINKS, Math.max(MIN_SLICE_LINKS, (slice.length * SLICE_MS) / ms)));
            this.#schedule();
            return;
          }
          this.#paint(cache, b.t, this.#visible, [], labels);
          this.#cacheT = b.t;
          this.#building = undefined;
        }
      }
      clear(ctx);
      const c = this.#cacheT;
      const scale = t.k / c.k;
      const { width, height } = cache.canvas;
      ctx.drawImage(cache.canvas, this.#dpr * (t.x - c.x * scale), this.#dpr * (t.y - c.y * scale), width * scale, height * scale);
    }
    this.#overlay();
  }

  /** The hovered or focused stakeholder with its neighbours, over a dimmed picture; the focus ring. */
  #overlay(): void {
    const ctx = this.#ctx;
    const t = this.#t;
    const dpr = this.#dpr;
    const node = this.#hover ?? this.#focus;
    if (node) {
      // Dim everything, then draw the stakeholder, its links and its neighbours on top.
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.globalAlpha = 0.7;
      ctx.fillStyle = this.#colors['bg']!;
      ctx.fillRect(0, 0, ctx.canvas.width, ctx.canvas.height);
      ctx.globalAlpha = 1;
      const near = this.#graph!.neighbours.get(node.id);
      const nodes = this.#visible.filter((n) => n === node || near?.has(n.id));
      const links = this.#links.filter((l) => l.source === node || l.target === node);
      this.#paint(ctx, t, nodes, links, true, 1, node);
    }
    const focus = this.#focus;
    if (focus && document.activeElement !== null && this.#canvas.matches(':focus-visible')) {
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      ctx.beginPath();
      ctx.arc(focus.x! * t.k + t.x, focus.y! * t.k + t.y, focus.r * 1.3 * t.k + 5, 0, Math.PI * 2);
      ctx.lineWidth = 3;
      ctx.strokeStyle = this.#colors['focus']!;
      ctx.stroke();
    }
  }

  // --- interaction ----------------------------------------------------------------------

  #toGraph({ x, y }: Point): Point {
    const t = this.#t;
    return { x: (x - t.x) / t.k, y: (y - t.y) / t.k };
  }

  #local(e: MouseEvent): Point {
    const rect = this.#canvas.getBoundingClientRect();
    return { x: e.clientX - rect.left, y: e.clientY - rect.top };
  }

  /** The stakeholder under a point on the screen (within 4 px), the closest one if several. */
  #hit(at: Point): LayoutNode | undefined {
    const p = this.#toGraph(at);
    const slack = 4 / this.#t.k;
    return lowest(this.#visible, (n) => {
      const d = Math.hypot(n.x! - p.x, n.y! - p.y);
      return d <= n.r * 1.2 + slack ? d : Infinity;
    });
  }

  #zoomAt(factor: number, at: Point): void {
    this.#place(this.#toGraph(at), Math.max(MIN_K, Math.min(MAX_K, this.#t.k * factor)), at.x, at.y);
    this.#userMoved = true;
    this.#schedule();
  }

  /** Two pointers: how far apart they are, and the point between them. */
  #pinch(): [number, Point] {
    const [a, b] = [...this.#pointers.values()] as [Point, Point];
    return [Math.hypot(a.x - b.x, a.y - b.y), { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 }];
  }

  readonly #onDown = (e: PointerEvent) => {
    const at = this.#local(e);
    this.#pointers.set(e.pointerId, at);
    try {
      this.#canvas.setPointerCapture(e.pointerId);
    } catch {
      // A synthetic pointer (scripts, automation) cannot be captured; the drag still works.
    }
    this.#drag = this.#pointers.size === 2 ? { moved: true, pinch: this.#pinch()[0] } : { node: this.#hit(at), moved: false };
  };

  readonly #onMove = (e: PointerEvent) => {
    const at = this.#local(e);
    const previous = this.#pointers.get(e.pointerId);
    const drag = this.#drag;
    if (!previous || !drag) {
      const hover = this.#hit(at);
      if (hover !== this.#hover) {
        this.#hover = hover;
        this.#canvas.style.cursor = hover ? 'pointer' : 'grab';
        this.#schedule();
      }
      return;
    }
    this.#pointers.set(e.pointerId, at);
    if (drag.pinch !== undefined && this.#pointers.size > 1) {
      const [distance, centre] = this.#pinch();
      if (drag.pinch > 0) this.#zoomAt(distance / drag.pinch, centre);
      drag.pinch = distance;
      return;
    }
    const dx = at.x - previous.x;
    const dy = at.y - previous.y;
    if (!drag.moved && Math.hypot(dx, dy) < 3) {
      this.#pointers.set(e.pointerId, previous);
      return;
    }
    drag.moved = this.#userMoved = true;
    const { node } = drag;
    if (node) {
      const p = this.#toGraph(at);
      node.fx = p.x;
      node.fy = p.y;
      const layout = this.#layout;
      if (layout) {
        layout.alphaTarget = 0.1;
        layout.alpha = Math.max(layout.alpha, 0.1);
      }
      this.#kick();
    } else {
      this.#t.x += dx;
      this.#t.y += dy;
    }
    this.#schedule();
  };

  readonly #onUp = (e: PointerEvent) => {
    this.#pointers.delete(e.pointerId);
    const drag = this.#drag;
    if (this.#pointers.size) return;
    this.#drag = undefined;
    if (!drag) return;
    const { node } = drag;
    if (node) {
      if (node.id !== this.#centre) node.fx = node.fy = null;
      if (this.#layout) this.#layout.alphaTarget = 0;
      if (!drag.moved && e.type === 'pointerup') {
        this.#focus = node;
        this.#cb.open(node.id);
      }
    }
    this.#invalidate();
  };

  readonly #onLeave = () => {
    if (this.#hover && !this.#drag) {
      this.#hover = undefined;
      this.#schedule();
    }
  };

  readonly #onWheel = (e: WheelEvent) => {
    e.preventDefault();
    this.#zoomAt(Math.exp(-e.deltaY * (e.deltaMode === 1 ? 0.05 : 0.002)), this.#local(e));
  };

  readonly #onKey = (e: KeyboardEvent) => {
    const { key } = e;
    const focus = this.#focus;
    const zoom = ZOOM_KEYS[key];
    const arrow = ARROWS[key];
    if (zoom) return this.zoomBy(zoom);
    if (key === 'Escape') return this.focusNode(undefined, false);
    if (arrow) this.#walk(arrow);
    else if (key === 'PageDown' || key === 'PageUp') this.#byName(key === 'PageDown' ? 1 : -1);
    else if ((key === 'Enter' || key === ' ') && focus) this.#cb.open(focus.id);
    else return;
    e.preventDefault();
  };

  /** The next or previous stakeholder in name order, also those without partners that arrows cannot reach. */
  #byName(step: 1 | -1): void {
    const sorted = [...this.#visible].sort((a, b) => a.name.localeCompare(b.name));
    // Nothing focused: PageDown starts at the first, PageUp at the last.
    const from = Math.max(sorted.indexOf(this.#focus!), step > 0 ? -1 : 0);
    const next = sorted.at((from + step) % sorted.length);
    if (next) this.#focusOn(next);
  }

  /** Moves the focus to the connected stakeholder that lies best in the direction (dx, dy). */
  #walk([dx, dy]: readonly [number, number]): void {
    const from = this.#focus;
    if (!from) {
      // First arrow press: start at the centre of a neighbourhood, else the best connected (the biggest).
      const start = this.#shown(this.#centre) ?? lowest(this.#visible, (n) => -n.r);
      if (start) this.#focusOn(start);
      return;
    }
    const near = this.#graph!.neighbours.get(from.id);
    const best = lowest(this.#visible, (n) => {
      const vx = n.x! - from.x!;
      const vy = n.y! - from.y!;
      const distance = Math.hypot(vx, vy) || 1e-6;
      const cos = (vx * dx + vy * dy) / distance;
      // Partners within about 70° of the arrow, the closest and most in line first.
      return near?.has(n.id) && cos >= 0.35 ? distance * (2 - cos) : Infinity;
    });
    if (best) this.#focusOn(best);
    else this.#cb.dead();
  }

  /** Focuses a stakeholder, moving the picture only when it is not well inside it. */
  #focusOn(n: LayoutNode): void {
    const { x, y } = this.pointOf(n.id)!;
    this.focusNode(n.id, !(x > 20 && y > 20 && x < this.#width - 20 && y < this.#height - 20));
  }
}
