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

type LayoutLink = SimulationLinkDatum<LayoutNode>;

interface Transform {
  k: number;
  x: number;
  y: number;
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
 * As soon as this chunk loads (usually while the data is still on its way), a throwaway layout
 * of 150 stakeholders runs WARM_TICKS ticks in tasks of a few milliseconds, so that the engine
 * has compiled d3's forces (in the background, which takes a while on a busy machine) before a
 * big graph needs them. Measured with 2 000 stakeholders on a loaded 2-core machine: without
 * it the first four many-body steps took 50-150 ms each; after it, the first about 35 ms and
 * the next ones 15-20. It costs about 50 ms of work, once per page.
 */
const WARM_TICKS = 20;

function warmUp(): void {
  const nodes = Array.from({ length: 150 }, (_, i): LayoutNode => ({ id: String(i), helix: 'media', name: '', r: 4 }));
  // Built like the view's own nodes (see setData), so that the compiled code fits them.
  for (const node of nodes) node.fx = node.fy = null;
  const layout = layoutOf(nodes, nodes.map((source, i) => ({ source, target: nodes[(i * 7 + 1) % nodes.length]! })));
  const tasks = new MessageChannel();
  let ticks = 0;
  tasks.port1.onmessage = () => {
    const start = performance.now();
    while (ticks < WARM_TICKS && performance.now() - start < SLICE_MS / 2) if (layout.step()) ticks++;
    if (ticks < WARM_TICKS) tasks.port2.postMessage(null);
    else tasks.port1.close();
  };
  tasks.port2.postMessage(null);
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

/** Adds one helix's shape, centred on x, y, to the current path. */
function shape(ctx: CanvasRenderingContext2D, helix: Helix, x: number, y: number, r: number): void {
  const corners = OUTLINES[helix];
  if (!corners) {
    ctx.moveTo(x + r, y);
    ctx.arc(x, y, r, 0, Math.PI * 2);
    return;
  }
  ctx.moveTo(x + corners[0]! * r, y + corners[1]! * r);
  for (let i = 2; i < corners.length; i += 2) ctx.lineTo(x + corners[i]! * r, y + corners[i + 1]! * r);
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
  readonly #cache = document.createElement('canvas');
  readonly #flush = document.createElement('canvas').getContext('2d')!;
  readonly #resize: ResizeObserver;
  /** Positions by id, kept across data and filter changes. */
  readonly #nodes = new Map<string, LayoutNode>();
  #graph: EcosystemGraph | undefined;
  #visible: LayoutNode[] = [];
  #links: LayoutLink[] = [];
  #layout: Layout<LayoutNode, LayoutLink> | undefined;
  /** How long each part of the layout took the last time it ran (see Layout.next). */
  readonly #costs = new Map<number, number>();
  /** Layout tasks are queued as messages: unlike frames, they fill the time between frames. */
  readonly #tasks = new MessageChannel();
  #working = false;
  #t: Transform = { k: 1, x: 0, y: 0 };
  #cacheT: Transform | undefined;
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
  #focusId: string | undefined;
  #hoverId: string | undefined;
  #colors: Record<string, string> = {};
  #active = false;
  readonly #pointers = new Map<number, { x: number; y: number }>();
  #drag: { node?: LayoutNode; moved: boolean; pinch?: number } | undefined;

  constructor(canvas: HTMLCanvasElement, callbacks: NetworkCallbacks) {
    this.#canvas = canvas;
    this.#ctx = canvas.getContext('2d')!;
    this.#cb = callbacks;
    this.#resize = new ResizeObserver(() => this.#measure());
    this.#resize.observe(canvas);
    canvas.addEventListener('pointerdown', this.#onDown);
    canvas.addEventListener('pointermove', this.#onMove);
    canvas.addEventListener('pointerup', this.#onUp);
    canvas.addEventListener('pointercancel', this.#onUp);
    canvas.addEventListener('pointerleave', this.#onLeave);
    canvas.addEventListener('wheel', this.#onWheel, { passive: false });
    canvas.addEventListener('keydown', this.#onKey);
    this.#tasks.port1.onmessage = this.#work;
    this.readColors();
  }

  destroy(): void {
    cancelAnimationFrame(this.#frame);
    clearTimeout(this.#idle);
    this.#resize.disconnect();
    this.#tasks.port1.close();
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
    return this.#focusId;
  }

  /** Whether the layout is still moving. */
  get settling(): boolean {
    return !!this.#layout?.settling;
  }

  /** Theme colours from the widget's private tokens; call again when the theme changes. */
  readColors(): void {
    const style = getComputedStyle(this.#canvas);
    const read = (name: string) => style.getPropertyValue(`--_${name}`).trim() || '#767f8f';
    for (const name of ['bg', 'text', 'border', 'focus', ...HELIXES.map((h) => `helix-${h}`)]) {
      this.#colors[name] = read(name);
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
    const seen = new Set<string>();
    this.#visible = [];
    for (const s of graph.nodes) {
      if (!shown(s.id)) continue;
      seen.add(s.id);
      let node = this.#nodes.get(s.id);
      const r = 4 + 2.2 * Math.sqrt(graph.degree.get(s.id) ?? 0);
      if (!node) {
        node = { id: s.id, helix: s.helix, name: s.name, r };
        this.#nodes.set(s.id, node);
      } else Object.assign(node, { helix: s.helix, name: s.name, r });
      node.fx = node.fy = s.id === centre ? 0 : null;
      this.#visible.push(node);
    }
    this.#links = graph.links
      .filter((l) => seen.has(l.source) && seen.has(l.target))
      .map((l) => ({ source: this.#nodes.get(l.source)!, target: this.#nodes.get(l.target)! }));
    if (this.#focusId && !seen.has(this.#focusId)) this.#focusId = undefined;
    if (this.#hoverId && !seen.has(this.#hoverId)) this.#hoverId = undefined;

    this.#layout = layoutOf(this.#visible, this.#links);
    this.#costs.clear();
    this.#lastDraw = 0;
    this.#invalidate();
    this.#kick();
  }

  /** Centres the view on a stakeholder and gives it the keyboard focus. */
  focusNode(id: string | undefined, centre = true): void {
    const node = id ? this.#visible.find((n) => n.id === id) : undefined;
    this.#focusId = node?.id;
    if (node && centre && this.#width) {
      this.#userMoved = true;
      this.#t = { ...this.#t, x: this.#width / 2 - (node.x ?? 0) * this.#t.k, y: this.#height / 2 - (node.y ?? 0) * this.#t.k };
    }
    this.#cb.focus(node ? id : undefined);
    this.#schedule();
  }

  /** Where a shown stakeholder is drawn, in CSS pixels from the canvas' top-left corner. */
  pointOf(id: string): { x: number; y: number } | undefined {
    const n = this.#nodes.get(id);
    return n && this.#visible.includes(n) ? { x: n.x! * this.#t.k + this.#t.x, y: n.y! * this.#t.k + this.#t.y } : undefined;
  }

  /** Zoom by a factor about the middle (buttons, + and − keys). */
  zoomBy(factor: number): void {
    this.#zoomAt(factor, this.#width / 2, this.#height / 2);
  }

  /** Fits every shown stakeholder into the view. */
  reset(): void {
    this.#userMoved = false;
    this.#fit();
    this.#invalidate();
    this.#schedule();
  }

  // --- layout and drawing ---------------------------------------------------------------

  #schedule(): void {
    if (!this.#active || this.#frame) return;
    this.#frame = requestAnimationFrame(() => {
      this.#frame = 0;
      this.#step();
    });
  }

  /** Queues the next layout task, unless one is queued or there is nothing to do. */
  #kick(): void {
    if (!this.settling) return;
    // Exposed for tests and for pages that wait for a stable picture; see #step.
    this.#markLayout('settling');
    if (this.#working || !this.#active) return;
    this.#working = true;
    this.#tasks.port2.postMessage(null);
  }

  readonly #work = (): void => {
    this.#working = false;
    const layout = this.#layout;
    if (!layout || !this.#active) return;
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
    this.#kick();
  };

  #step(): void {
    const settling = this.settling;
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
    const rect = this.#canvas.getBoundingClientRect();
    if (!rect.width || !rect.height) return;
    const first = !this.#width;
    this.#dpr = window.devicePixelRatio || 1;
    const dx = (rect.width - this.#width) / 2;
    const dy = (rect.height - this.#height) / 2;
    this.#width = rect.width;
    this.#height = rect.height;
    this.#canvas.width = this.#cache.width = Math.round(rect.width * this.#dpr);
    this.#canvas.height = this.#cache.height = Math.round(rect.height * this.#dpr);
    if (first || !this.#userMoved) this.#fit();
    else this.#t = { ...this.#t, x: this.#t.x + dx, y: this.#t.y + dy };
    this.#invalidate();
    this.#schedule();
  }

  #fit(): void {
    if (!this.#width || this.#visible.length === 0) return;
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (const n of this.#visible) {
      x0 = Math.min(x0, (n.x ?? 0) - n.r);
      y0 = Math.min(y0, (n.y ?? 0) - n.r);
      x1 = Math.max(x1, (n.x ?? 0) + n.r);
      y1 = Math.max(y1, (n.y ?? 0) + n.r);
    }
    const pad = 24;
    const k = Math.max(MIN_K, Math.min(1.5, (this.#width - pad * 2) / (x1 - x0 || 1), (this.#height - pad * 2) / (y1 - y0 || 1)));
    const cx = this.#centre ? 0 : (x0 + x1) / 2;
    const cy = this.#centre ? 0 : (y0 + y1) / 2;
    this.#t = { k, x: this.#width / 2 - cx * k, y: this.#height / 2 - cy * k };
  }

  #invalidate(): void {
    this.#cacheT = undefined;
    this.#schedule();
  }

  #color(helix: Helix): string {
    return this.#colors[`helix-${helix}`]!;
  }

  /**
   * Links and stakeholders, optionally only a subset (the highlight), with the view's
   * transform; `first` is the stakeholder whose label wins a crowded spot.
   */
  #paint(ctx: CanvasRenderingContext2D, t: Transform, nodes: LayoutNode[], links: LayoutLink[], labels: boolean, stride = 1, first?: LayoutNode): void {
    this.#paintLinks(ctx, t, links, 0, links.length, stride);
    this.#paintNodes(ctx, t, nodes, labels, first);
  }

  #paintLinks(ctx: CanvasRenderingContext2D, t: Transform, links: LayoutLink[], from: number, to: number, stride = 1): void {
    ctx.setTransform(this.#dpr * t.k, 0, 0, this.#dpr * t.k, this.#dpr * t.x, this.#dpr * t.y);
    ctx.lineWidth = 1 / t.k;
    ctx.strokeStyle = this.#colors['border']!;
    ctx.beginPath();
    for (let i = from; i < to; i += stride) {
      const s = links[i]!.source as LayoutNode;
      const d = links[i]!.target as LayoutNode;
      ctx.moveTo(s.x!, s.y!);
      ctx.lineTo(d.x!, d.y!);
    }
    ctx.stroke();
  }

  #paintNodes(ctx: CanvasRenderingContext2D, t: Transform, nodes: LayoutNode[], labels: boolean, first?: LayoutNode): void {
    ctx.setTransform(this.#dpr * t.k, 0, 0, this.#dpr * t.k, this.#dpr * t.x, this.#dpr * t.y);
    // One path per helix: 5 fills instead of 2 000.
    for (const helix of HELIXES) {
      ctx.beginPath();
      for (const n of nodes) if (n.helix === helix) shape(ctx, helix, n.x!, n.y!, n.r);
      ctx.fillStyle = this.#color(helix);
      ctx.fill();
    }
    if (nodes.length <= 500) {
      // Outlines separate touching shapes; for big pictures they cost more than they tell.
      ctx.strokeStyle = this.#colors['bg']!;
      ctx.lineWidth = 1.5 / t.k;
      ctx.beginPath();
      for (const n of nodes) shape(ctx, n.helix, n.x!, n.y!, n.r);
      ctx.stroke();
    }
    if (labels) {
      ctx.font = `${12 / t.k}px system-ui, sans-serif`;
      ctx.textAlign = 'center';
      ctx.textBaseline = 'top';
      ctx.lineWidth = 3 / t.k;
      ctx.strokeStyle = this.#colors['bg']!;
      ctx.fillStyle = this.#colors['text']!;
      // `first`, then the best connected (the biggest), get their label.
      const order = [...nodes].sort((a, b) => Number(b === first) - Number(a === first) || b.r - a.r);
      const names = order.map((n) => (n.name.length > 32 ? `${n.name.slice(0, 31)}…` : n.name));
      const boxes = order.map((n, i) => ({ x: n.x!, y: n.y! + n.r * 1.3 + 2 / t.k, w: ctx.measureText(names[i]!).width, h: 14 / t.k }));
      labelsToDraw(boxes).forEach((draw, i) => {
        if (!draw) return;
        const { x, y } = boxes[i]!;
        ctx.strokeText(names[i]!, x, y);
        ctx.fillText(names[i]!, x, y);
      });
    }
  }

  #draw(): void {
    if (!this.#width) return;
    const ctx = this.#ctx;
    const t = this.#t;
    const cacheCtx = this.#cache.getContext('2d')!;
    const labelsAll = t.k >= 1.6 && this.#visible.length <= 300;
    if (this.settling) {
      // While the layout moves, paint directly (a cache would only add a copy), and only a
      // sample of a big graph's links: the shape of the picture, not every line, each frame.
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, this.#canvas.width, this.#canvas.height);
      this.#paint(ctx, t, this.#visible, this.#links, labelsAll, Math.ceil(this.#links.length / LIVE_LINKS));
      this.#cacheT = this.#building = undefined;
      this.#overlay();
      return;
    }
    if (!this.#cacheT || this.#cacheT.k !== t.k) {
      if (this.#cacheT) {
        // Zooming: stretch the cached picture now, redraw it sharply once the wheel rests.
        clearTimeout(this.#idle);
        this.#idle = window.setTimeout(() => this.#invalidate(), 120);
      } else {
        // The full picture is built in slices of links, one slice per frame, so that even
        // 10 000 links never hold the main thread for long; the live picture stays meanwhile.
        let b = this.#building;
        if (!b || b.t.k !== t.k) {
          b = this.#building = { t: { ...t }, next: 0 };
          cacheCtx.setTransform(1, 0, 0, 1, 0, 0);
          cacheCtx.clearRect(0, 0, this.#cache.width, this.#cache.height);
        }
        const start = performance.now();
        const end = Math.min(this.#links.length, b.next + this.#sliceLinks);
        this.#paintLinks(cacheCtx, b.t, this.#links, b.next, end);
        const count = end - b.next;
        b.next = end;
        if (end < this.#links.length) {
          // Copying one pixel makes the browser rasterise this slice now, not all at the end
          // (a copy, unlike getImageData, needs no read back from the GPU).
          this.#flush.drawImage(this.#cache, 0, 0, 1, 1, 0, 0, 1, 1);
          // The next slice is sized to take about SLICE_MS here: rasterising in software (no
          // GPU) costs several times what a GPU does.
          const ms = Math.max(1, performance.now() - start);
          this.#sliceLinks = Math.round(Math.min(MAX_SLICE_LINKS, Math.max(MIN_SLICE_LINKS, (count * SLICE_MS) / ms)));
          this.#schedule();
          return;
        }
        this.#paintNodes(cacheCtx, b.t, this.#visible, labelsAll);
        this.#cacheT = b.t;
        this.#building = undefined;
      }
    }
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, this.#canvas.width, this.#canvas.height);
    const c = this.#cacheT;
    const scale = t.k / c.k;
    ctx.drawImage(this.#cache, this.#dpr * (t.x - c.x * scale), this.#dpr * (t.y - c.y * scale), this.#cache.width * scale, this.#cache.height * scale);
    this.#overlay();
  }

  /** The hovered or focused stakeholder with its neighbours, over a dimmed picture; the focus ring. */
  #overlay(): void {
    const ctx = this.#ctx;
    const t = this.#t;
    const lit = this.#hoverId ?? this.#focusId;
    const node = lit ? this.#nodes.get(lit) : undefined;
    if (node && this.#graph) {
      // Dim everything, then draw the stakeholder, its links and its neighbours on top.
      ctx.globalAlpha = 0.7;
      ctx.fillStyle = this.#colors['bg']!;
      ctx.fillRect(0, 0, this.#canvas.width, this.#canvas.height);
      ctx.globalAlpha = 1;
      const near = this.#graph.neighbours.get(node.id) ?? new Set<string>();
      const nodes = this.#visible.filter((n) => n === node || near.has(n.id));
      const links = this.#links.filter((l) => l.source === node || l.target === node);
      this.#paint(ctx, t, nodes, links, true, 1, node);
    }
    const focus = this.#focusId ? this.#nodes.get(this.#focusId) : undefined;
    if (focus && document.activeElement !== null && this.#canvas.matches(':focus-visible')) {
      ctx.setTransform(this.#dpr, 0, 0, this.#dpr, 0, 0);
      ctx.beginPath();
      ctx.arc(focus.x! * t.k + t.x, focus.y! * t.k + t.y, focus.r * 1.3 * t.k + 5, 0, Math.PI * 2);
      ctx.lineWidth = 3;
      ctx.strokeStyle = this.#colors['focus']!;
      ctx.stroke();
    }
  }

  // --- interaction ----------------------------------------------------------------------

  #toGraph(x: number, y: number): { x: number; y: number } {
    return { x: (x - this.#t.x) / this.#t.k, y: (y - this.#t.y) / this.#t.k };
  }

  #local(e: PointerEvent | WheelEvent): { x: number; y: number } {
    const rect = this.#canvas.getBoundingClientRect();
    return { x: e.clientX - rect.left, y: e.clientY - rect.top };
  }

  #hit(x: number, y: number): LayoutNode | undefined {
    const p = this.#toGraph(x, y);
    const slack = 4 / this.#t.k;
    let best: LayoutNode | undefined;
    let bestD = Infinity;
    for (const n of this.#visible) {
      const d = Math.hypot(n.x! - p.x, n.y! - p.y);
      if (d <= n.r * 1.2 + slack && d < bestD) {
        best = n;
        bestD = d;
      }
    }
    return best;
  }

  #zoomAt(factor: number, x: number, y: number): void {
    const k = Math.max(MIN_K, Math.min(MAX_K, this.#t.k * factor));
    const p = this.#toGraph(x, y);
    this.#t = { k, x: x - p.x * k, y: y - p.y * k };
    this.#userMoved = true;
    this.#schedule();
  }

  readonly #onDown = (e: PointerEvent) => {
    const at = this.#local(e);
    this.#pointers.set(e.pointerId, at);
    try {
      this.#canvas.setPointerCapture(e.pointerId);
    } catch {
      // A synthetic pointer (scripts, automation) cannot be captured; the drag still works.
    }
    if (this.#pointers.size === 2) {
      const [a, b] = [...this.#pointers.values()] as [{ x: number; y: number }, { x: number; y: number }];
      this.#drag = { moved: true, pinch: Math.hypot(a.x - b.x, a.y - b.y) };
      return;
    }
    const node = this.#hit(at.x, at.y);
    this.#drag = node ? { node, moved: false } : { moved: false };
  };

  readonly #onMove = (e: PointerEvent) => {
    const at = this.#local(e);
    const previous = this.#pointers.get(e.pointerId);
    if (!previous || !this.#drag) {
      const hover = this.#hit(at.x, at.y)?.id;
      if (hover !== this.#hoverId) {
        this.#hoverId = hover;
        this.#canvas.style.cursor = hover ? 'pointer' : 'grab';
        this.#schedule();
      }
      return;
    }
    this.#pointers.set(e.pointerId, at);
    const drag = this.#drag;
    if (drag.pinch !== undefined && this.#pointers.size >= 2) {
      const [a, b] = [...this.#pointers.values()] as [{ x: number; y: number }, { x: number; y: number }];
      const distance = Math.hypot(a.x - b.x, a.y - b.y);
      if (drag.pinch > 0) this.#zoomAt(distance / drag.pinch, (a.x + b.x) / 2, (a.y + b.y) / 2);
      drag.pinch = distance;
      return;
    }
    const dx = at.x - previous.x;
    const dy = at.y - previous.y;
    if (!drag.moved && Math.hypot(dx, dy) < 3) {
      this.#pointers.set(e.pointerId, previous);
      return;
    }
    drag.moved = true;
    if (drag.node) {
      const p = this.#toGraph(at.x, at.y);
      drag.node.fx = p.x;
      drag.node.fy = p.y;
      const layout = this.#layout;
      if (layout) {
        layout.alphaTarget = 0.1;
        layout.alpha = Math.max(layout.alpha, 0.1);
      }
      this.#userMoved = true;
      this.#kick();
      this.#schedule();
    } else {
      this.#t = { ...this.#t, x: this.#t.x + dx, y: this.#t.y + dy };
      this.#userMoved = true;
      this.#schedule();
    }
  };

  readonly #onUp = (e: PointerEvent) => {
    this.#pointers.delete(e.pointerId);
    const drag = this.#drag;
    if (this.#pointers.size > 0) return;
    this.#drag = undefined;
    if (!drag) return;
    if (drag.node) {
      if (drag.node.id !== this.#centre) drag.node.fx = drag.node.fy = null;
      if (this.#layout) this.#layout.alphaTarget = 0;
      if (!drag.moved && e.type === 'pointerup') {
        this.#focusId = drag.node.id;
        this.#cb.open(drag.node.id);
      }
    }
    this.#invalidate();
  };

  readonly #onLeave = () => {
    if (this.#hoverId && !this.#drag) {
      this.#hoverId = undefined;
      this.#schedule();
    }
  };

  readonly #onWheel = (e: WheelEvent) => {
    e.preventDefault();
    const at = this.#local(e);
    this.#zoomAt(Math.exp(-e.deltaY * (e.deltaMode === 1 ? 0.05 : 0.002)), at.x, at.y);
  };

  readonly #onKey = (e: KeyboardEvent) => {
    const directions: Record<string, [number, number]> = {
      ArrowRight: [1, 0], ArrowLeft: [-1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1],
    };
    const dir = directions[e.key];
    if (dir) {
      e.preventDefault();
      this.#walk(dir[0], dir[1]);
    } else if (e.key === 'PageDown' || e.key === 'PageUp') {
      // Every stakeholder in name order, also those without partners that arrows cannot reach.
      e.preventDefault();
      const sorted = [...this.#visible].sort((a, b) => a.name.localeCompare(b.name));
      if (sorted.length === 0) return;
      const index = sorted.findIndex((n) => n.id === this.#focusId);
      const step = e.key === 'PageDown' ? 1 : -1;
      const from = index < 0 ? (step > 0 ? -1 : 0) : index;
      const next = sorted[(from + step + sorted.length) % sorted.length]!;
      this.focusNode(next.id, !this.#isOnScreen(next));
    } else if ((e.key === 'Enter' || e.key === ' ') && this.#focusId) {
      e.preventDefault();
      this.#cb.open(this.#focusId);
    } else if (e.key === '+' || e.key === '=') {
      this.zoomBy(1.25);
    } else if (e.key === '-') {
      this.zoomBy(0.8);
    } else if (e.key === 'Escape' && this.#focusId) {
      this.focusNode(undefined, false);
    }
  };

  /** Moves the focus to the connected stakeholder that lies best in the direction (dx, dy). */
  #walk(dx: number, dy: number): void {
    const graph = this.#graph;
    if (!graph || this.#visible.length === 0) return;
    const from = this.#focusId ? this.#nodes.get(this.#focusId) : undefined;
    if (!from) {
      // First arrow press: start at the centre of a neighbourhood, else the best connected.
      const start = (this.#centre && this.#nodes.get(this.#centre)) ||
        this.#visible.reduce((a, b) => ((graph.degree.get(b.id) ?? 0) > (graph.degree.get(a.id) ?? 0) ? b : a));
      this.focusNode(start.id, !this.#isOnScreen(start));
      return;
    }
    let best: LayoutNode | undefined;
    let bestScore = Infinity;
    for (const id of graph.neighbours.get(from.id) ?? []) {
      const n = this.#nodes.get(id);
      if (!n || !this.#visible.includes(n)) continue;
      const vx = n.x! - from.x!;
      const vy = n.y! - from.y!;
      const distance = Math.hypot(vx, vy) || 1e-6;
      const cos = (vx * dx + vy * dy) / distance;
      if (cos < 0.35) continue; // within about 70° of the arrow
      const score = distance * (2 - cos);
      if (score < bestScore) {
        best = n;
        bestScore = score;
      }
    }
    if (best) this.focusNode(best.id, !this.#isOnScreen(best));
    else this.#cb.dead();
  }

  #isOnScreen(n: LayoutNode): boolean {
    const { x, y } = this.pointOf(n.id)!;
    return x > 20 && y > 20 && x < this.#width - 20 && y < this.#height - 20;
  }
}
