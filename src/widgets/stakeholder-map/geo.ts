/**
 * The geographic view: Leaflet with marker clustering. This module is only ever loaded by a
 * dynamic `import()` when the map view first opens, so Leaflet stays out of the main bundle.
 *
 * Pages may enforce Trusted Types with only lit's policy (`trusted-types lit-html`), where
 * any string written to innerHTML throws. Leaflet writes such strings in its zoom and
 * attribution controls, string icons, popups and tooltips, so this view uses none of them:
 * icons and the two controls below are built as elements. (Leaflet's one write as it loads is
 * rewritten at build time: scripts/trusted-types.ts.)
 *
 * Nothing here comes from lit: a module that both this chunk and the element import becomes a
 * chunk of its own in a bundler's output, which would split lit off the element's file.
 */
import * as Leaflet from 'leaflet/dist/leaflet-src.esm.js';
import type { Helix, Stakeholder } from '../../api/shapes.js';
import { leafletCss } from './leaflet.styles.js';
import type { StakeholderMapStrings } from './strings.js';

export interface GeoOptions {
  tileUrl: string;
  /** The widget's strings and helix names in its current language. */
  strings: () => [StakeholderMapStrings, Record<Helix, string>];
  /** Opens a stakeholder's profile; `from`, the marker, gets the focus back when it closes. */
  open: (id: string, from?: HTMLElement) => void;
  /** The helix shapes as SVG paths in a 16×16 box, the same as the widget's legend. */
  shapes: Record<Helix, string>;
}

export interface GeoHandle {
  /** The markers of the stakeholders of the `shown` helixes; nothing is redone for the same two again. */
  update(stakeholders: readonly Stakeholder[], shown: ReadonlySet<Helix>): void;
  /** Brings a stakeholder's marker into view, opening its cluster if needed. */
  focus(id: string): void;
  destroy(): void;
}

interface ClusterGroup extends Leaflet.FeatureGroup {
  zoomToShowLayer(layer: Leaflet.Layer, done?: () => void): void;
}
type LeafletNS = typeof Leaflet & { markerClusterGroup: (options?: object) => ClusterGroup };

/** The widget's look on Leaflet's controls and markers (a constant, never data). */
const geoCss = `
  .geo-container {
    width: 100%;
    height: 100%;
  }
  .leaflet-container {
    background: var(--_surface);
    font: inherit;
  }
  .leaflet-container a {
    color: var(--_primary);
  }
  /* As specific as Leaflet's own rule (a translucent white), which would win otherwise and
     leave the dark theme's light text on white. */
  .leaflet-container .leaflet-control-attribution {
    background: var(--_bg);
    color: var(--_text);
  }
  /* Height and pointer come from the widget's rule for every button. */
  .leaflet-bar button {
    display: block;
    box-sizing: border-box;
    width: 30px;
    margin: 0;
    padding: 0;
    border: none;
    border-bottom: 1px solid var(--_border-subtle);
    background: var(--_bg);
    color: var(--_text);
    font-family: inherit;
    font-size: 18px;
    font-weight: 700;
    line-height: 1;
  }
  .leaflet-bar button:first-child {
    border-radius: 4px 4px 0 0;
  }
  .leaflet-bar button:last-child {
    border-bottom: none;
    border-radius: 0 0 4px 4px;
  }
  .leaflet-bar button:hover {
    background: var(--_surface);
  }
  .leaflet-bar button[aria-disabled='true'] {
    cursor: default;
    color: var(--_text-muted);
  }
  .leaflet-bar button:focus-visible {
    outline: var(--_focus-width) solid var(--_focus);
    outline-offset: 1px;
  }
  .pin {
    display: block;
    width: 20px;
    height: 20px;
  }
  .pin svg {
    width: 100%;
    height: 100%;
    stroke: var(--_bg);
    stroke-width: 1.5;
  }
  .cluster {
    display: grid;
    place-items: center;
    border-radius: 50%;
    background: var(--_primary);
    color: var(--_on-primary);
    border: 2px solid var(--_bg);
    font-weight: 700;
  }
  .leaflet-marker-icon:focus-visible {
    outline: var(--_focus-width) solid var(--_focus);
  }
`;

let sheets: CSSStyleSheet[] | undefined;

/** Leaflet's styles and ours as constructed stylesheets: one pair for every map on the page. */
function styleSheets(): CSSStyleSheet[] {
  sheets ??= [leafletCss, geoCss].map((text) => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(text);
    return sheet;
  });
  return sheets;
}

let markerCluster: Promise<unknown> | undefined;

/**
 * Leaflet.markercluster extends a global `L`. Give it ours (a mutable copy of the ES module)
 * unless the page already has a Leaflet of its own, which it then extends instead.
 */
async function withClusters(): Promise<LeafletNS> {
  const holder = globalThis as unknown as { L?: LeafletNS };
  holder.L ??= { ...Leaflet } as LeafletNS;
  markerCluster ??= import('leaflet.markercluster/src/index.js');
  await markerCluster;
  return holder.L;
}

function pinElement(helix: Helix, d: string): HTMLElement {
  const ns = 'http://www.w3.org/2000/svg';
  const span = document.createElement('span');
  span.className = 'pin';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('class', `shape ${helix}`);
  const path = document.createElementNS(ns, 'path');
  path.setAttribute('d', d);
  svg.append(path);
  span.append(svg);
  return span;
}

function zoomButton(className: string, label: string, sign: string, onClick: (event: MouseEvent) => void): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = className;
  button.title = label;
  button.setAttribute('aria-label', label);
  const visible = document.createElement('span');
  visible.setAttribute('aria-hidden', 'true');
  visible.textContent = sign;
  button.append(visible);
  button.addEventListener('click', onClick);
  return button;
}

/**
 * Zoom buttons in place of Leaflet's (which are links filled through innerHTML): real buttons
 * named in the widget's language, `aria-disabled` at the zoom limits so they keep focus.
 */
function zoomControl(L: LeafletNS, options: GeoOptions): Leaflet.Control {
  const control = new L.Control({ position: 'topleft' });
  let draw: (() => void) | undefined;
  control.onAdd = (map) => {
    const container = L.DomUtil.create('div', 'leaflet-control-zoom leaflet-bar');
    L.DomEvent.disableClickPropagation(container);
    // Shift zooms three steps at a time, as Leaflet's own buttons do.
    const step = (event: MouseEvent) => (map.options.zoomDelta ?? 1) * (event.shiftKey ? 3 : 1);
    const zoomIn = (event: MouseEvent) => {
      if (map.getZoom() < map.getMaxZoom()) map.zoomIn(step(event));
    };
    const zoomOut = (event: MouseEvent) => {
      if (map.getZoom() > map.getMinZoom()) map.zoomOut(step(event));
    };
    const [t] = options.strings();
    const inButton = zoomButton('leaflet-control-zoom-in', t.zoomIn, '+', zoomIn);
    const outButton = zoomButton('leaflet-control-zoom-out', t.zoomOut, '−', zoomOut);
    container.append(inButton, outButton);
    draw = () => {
      const zoom = map.getZoom();
      inButton.setAttribute('aria-disabled', String(zoom >= map.getMaxZoom()));
      outButton.setAttribute('aria-disabled', String(zoom <= map.getMinZoom()));
    };
    draw();
    map.on('zoomend zoomlevelschange', draw);
    return container;
  };
  control.onRemove = (map) => {
    if (draw) map.off('zoomend zoomlevelschange', draw);
  };
  return control;
}

/**
 * The attribution in place of Leaflet's (which joins strings into innerHTML): Leaflet, and
 * OpenStreetMap's required credit, linked, when the tiles are OpenStreetMap's.
 */
function attributionControl(L: LeafletNS, osm: boolean): Leaflet.Control {
  const control = new L.Control({ position: 'bottomright' });
  control.onAdd = () => {
    const container = L.DomUtil.create('div', 'leaflet-control-attribution');
    L.DomEvent.disableClickPropagation(container);
    const link = (href: string, text: string) => {
      const a = document.createElement('a');
      a.href = href;
      a.textContent = text;
      return a;
    };
    container.append(link('https://leafletjs.com', 'Leaflet'));
    if (osm) {
      const bar = document.createElement('span');
      bar.setAttribute('aria-hidden', 'true');
      bar.textContent = '|';
      container.append(' ', bar, ' © ', link('https://www.openstreetmap.org/copyright', 'OpenStreetMap'), ' contributors');
    }
    return container;
  };
  return control;
}

export async function mountGeo(host: HTMLElement, root: ShadowRoot, options: GeoOptions): Promise<GeoHandle> {
  for (const sheet of styleSheets()) {
    if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  }
  const L = await withClusters();
  // A container of the map's own: a map closed mid-zoom holds on to its container until the
  // zoom is over, and the next one (after a move in the page, a change of language) must not
  // find it taken.
  const container = host.appendChild(document.createElement('div'));
  container.className = 'geo-container';
  const map = L.map(container, { zoomControl: false, attributionControl: false, worldCopyJump: true }).setView([-2.5, 118], 4);
  zoomControl(L, options).addTo(map);
  attributionControl(L, /(^|\.)openstreetmap\.org\//.test(options.tileUrl)).addTo(map);
  // Without internet (or with a blocked tile server) the tiles fail quietly and the markers
  // stay on the container's plain background.
  L.tileLayer(options.tileUrl, { maxZoom: 19 }).addTo(map);
  const clusters = L.markerClusterGroup({
    showCoverageOnHover: false,
    iconCreateFunction: (cluster: { getChildCount(): number }) => {
      const count = cluster.getChildCount();
      const size = count < 10 ? 32 : count < 100 ? 40 : 48;
      const div = document.createElement('div');
      div.className = 'cluster';
      const visible = document.createElement('span');
      visible.setAttribute('aria-hidden', 'true');
      visible.textContent = String(count);
      const name = document.createElement('span');
      name.className = 'visually-hidden';
      name.textContent = options.strings()[0].cluster(count);
      div.append(visible, name);
      div.style.width = div.style.height = `${size}px`;
      return L.divIcon({ html: div, className: '', iconSize: L.point(size, size) });
    },
  });
  map.addLayer(clusters);
  const resize = new ResizeObserver(() => map.invalidateSize());
  resize.observe(host);

  const byId = new Map<string, Leaflet.Marker>();
  let last: [(readonly Stakeholder[])?, ReadonlySet<Helix>?] = [];
  // A zoom animation that ends after a new fit would put its own zoom back: wait for it.
  let zooming = false;
  map.on('zoomanim', () => (zooming = true));
  map.on('zoomend', () => (zooming = false));
  return {
    update(stakeholders, shown) {
      // Only new data or a new filter moves the markers and the view; typing in the search does not.
      if (stakeholders === last[0] && shown === last[1]) return;
      last = [stakeholders, shown];
      const helix = options.strings()[1];
      clusters.clearLayers();
      byId.clear();
      const markers: Leaflet.Marker[] = [];
      for (const s of stakeholders) {
        if (!s.location || !shown.has(s.helix)) continue;
        const label = `${s.name} (${helix[s.helix]})`;
        const marker = L.marker([s.location.lat, s.location.lng], {
          icon: L.divIcon({ html: pinElement(s.helix, options.shapes[s.helix]), className: 'geo-marker', iconSize: L.point(20, 20) }),
          title: label,
          keyboard: true,
        });
        marker.on('add', () => {
          const element = marker.getElement();
          if (!element || element.dataset['id']) return;
          element.setAttribute('aria-label', label);
          element.setAttribute('data-id', s.id);
          // Leaflet makes the marker a focusable role=button, but here only a click opened it:
          // answer Enter and Space as a button does.
          element.addEventListener('keydown', (event) => {
            if (event.key !== 'Enter' && event.key !== ' ') return;
            event.preventDefault();
            options.open(s.id, element);
          });
        });
        marker.on('click', () => options.open(s.id, marker.getElement()));
        markers.push(marker);
        byId.set(s.id, marker);
      }
      for (const marker of markers) clusters.addLayer(marker);
      if (markers.length > 0) {
        const bounds = L.latLngBounds(markers.map((m) => m.getLatLng()));
        const fit = () => map.fitBounds(bounds, { padding: [24, 24], maxZoom: 15, animate: false });
        if (zooming) map.once('zoomend', fit);
        else fit();
      }
    },
    focus(id) {
      const marker = byId.get(id);
      if (marker) clusters.zoomToShowLayer(marker, () => undefined);
    },
    destroy() {
      resize.disconnect();
      // Leaflet ends a zoom animation on a timer that moves the panes remove() takes away:
      // a map closed mid-zoom is removed once the zoom is over, out of sight meanwhile.
      const remove = () => {
        map.remove();
        container.remove();
      };
      container.hidden = true;
      if (zooming) map.once('zoomend', remove);
      else remove();
    },
  };
}
