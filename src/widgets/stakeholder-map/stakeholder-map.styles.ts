import { css, unsafeCSS, type CSSResultGroup } from 'lit';

/**
 * Layout by the widget's own width, not the page's: a widget in a narrow CMS column must
 * stack like on a phone. A constant of our own through unsafeCSS only because lit-analyzer
 * does not know container queries yet.
 */
const containerRules = unsafeCSS(
  ':host{container-type:inline-size}' +
    '@container (min-width:48rem){.layout.with-detail{grid-template-columns:minmax(0,1fr) minmax(16rem,22rem);align-items:start}}' +
    '@container (max-width:30rem){.col-kind{display:none}th{overflow-wrap:anywhere}' +
    '.helix-name{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}}',
);

const rules = css`
  :host {
    --_view-height: var(--inno-stakeholder-map-height, min(28rem, 70vh));
  }
  /* Every button of the widget: its font, its colour, a pointer, and at least a finger's height. */
  button {
    min-height: 2.75rem;
    font: inherit;
    color: var(--_text);
    cursor: pointer;
  }
  ul {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .root,
  .layout {
    display: grid;
    gap: calc(var(--_space) * 1.5);
    min-width: 0;
  }
  .root {
    background: var(--_bg);
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space) calc(var(--_space) * 2);
    align-items: end;
  }
  /* Framed boxes: the bordered ones in the theme's colour, the rest in its subtle one. */
  .views,
  .zoom button,
  .close {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .matches,
  .network,
  .geo,
  .skeleton,
  .key-help,
  .table-wrap,
  .detail {
    border: 1px solid var(--_border-subtle);
    border-radius: var(--_radius);
  }
  .views {
    display: inline-flex;
    overflow: hidden;
  }
  .views button {
    padding: 0 calc(var(--_space) * 1.5);
    border: 0;
    background: transparent;
  }
  .views button + button {
    border-inline-start: 1px solid var(--_border);
  }
  .views button[aria-pressed='true'] {
    background: var(--_primary);
    color: var(--_on-primary);
    font-weight: 600;
  }
  .views button:focus-visible {
    outline-offset: -4px;
  }
  .search {
    display: grid;
    gap: 0.25rem;
    flex: 1 1 12rem;
    min-width: 0;
    position: relative;
  }
  .search input {
    width: 100%;
  }
  .matches {
    background: var(--_bg);
  }
  .matches button,
  .link-button {
    display: flex;
    gap: var(--_space);
    align-items: center;
    width: 100%;
    padding: 0.25rem var(--_space);
    border: 0;
    background: transparent;
    color: var(--_primary);
    text-align: start;
  }
  /* Only the name is underlined, not the helix shape or label beside it. */
  .matches button > span,
  .link-button > span {
    text-decoration: underline;
  }
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2);
    margin: 0;
    padding: 0;
    border: 0;
    min-width: 0;
  }
  .legend legend {
    padding: 0;
    margin-bottom: 0.25rem;
  }
  .legend legend,
  .count,
  th {
    font-weight: 600;
  }
  .legend button {
    display: inline-flex;
    align-items: center;
    gap: 0.4rem;
    padding: 0 var(--_space);
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: var(--_bg);
  }
  .legend button[aria-pressed='false'] {
    color: var(--_text-muted);
    text-decoration: line-through;
    border-style: dashed;
  }
  .legend button[aria-pressed='false'] svg {
    opacity: 0.35;
  }
  .count,
  .num {
    font-variant-numeric: tabular-nums;
  }
  svg.shape {
    width: 1rem;
    height: 1rem;
    flex: none;
  }
  .government {
    fill: var(--_helix-government);
  }
  .academia {
    fill: var(--_helix-academia);
  }
  .business {
    fill: var(--_helix-business);
  }
  .community {
    fill: var(--_helix-community);
  }
  .media {
    fill: var(--_helix-media);
  }
  .stage {
    min-width: 0;
  }
  .network,
  .geo,
  .skeleton {
    height: var(--_view-height);
    background: var(--_surface);
    overflow: hidden;
  }
  .network {
    position: relative;
    background: var(--_bg);
  }
  canvas {
    display: block;
    width: 100%;
    height: 100%;
    /* One finger moving up or down still scrolls the page (a phone is never trapped in the
       picture); sideways drags pan, two fingers zoom. */
    touch-action: pan-y;
    cursor: grab;
    border-radius: var(--_radius);
  }
  canvas:focus-visible {
    outline-offset: -3px;
  }
  /* The keys, shown when the network gets keyboard focus and hidden once a key is used, so that
     they do not cover the picture being walked (screen readers get them as its description). */
  .key-help {
    position: absolute;
    inset-inline-start: var(--_space);
    inset-block-end: var(--_space);
    max-width: calc(100% - 4.5rem);
    margin: 0;
    padding: calc(var(--_space) / 2) var(--_space);
    background: var(--_surface);
    font-size: 0.875em;
    opacity: 0;
    pointer-events: none;
  }
  canvas:focus-visible:not([data-keys-used]) ~ .key-help {
    opacity: 1;
  }
  .zoom {
    position: absolute;
    inset-block-start: var(--_space);
    inset-inline-end: var(--_space);
    display: grid;
    gap: 0.25rem;
  }
  .zoom button,
  .close {
    flex: none;
    width: 2.75rem;
    background: var(--_surface);
    font-size: 1.25rem;
    line-height: 1;
  }
  .zoom svg {
    width: 1.1rem;
    height: 1.1rem;
    fill: none;
    stroke: currentColor;
    stroke-width: 2;
  }
  .geo-map {
    width: 100%;
    height: 100%;
  }
  .note {
    margin: 0.25rem 0 0;
    font-size: 0.9em;
  }
  .table-wrap {
    overflow-x: auto;
  }
  table {
    width: 100%;
    border-collapse: collapse;
  }
  caption {
    text-align: start;
    padding: var(--_space);
  }
  th,
  td {
    padding: 0.25rem var(--_space);
    border-top: 1px solid var(--_border-subtle);
    text-align: start;
    overflow-wrap: break-word;
  }
  th {
    hyphens: auto;
  }
  th button {
    display: inline-flex;
    align-items: center;
    gap: 0.25rem;
    padding: 0;
    border: 0;
    background: none;
    color: inherit;
    text-align: start;
  }
  th .arrow {
    display: inline-block;
    width: 1em;
  }
  .num {
    text-align: end;
  }
  th.num button {
    justify-content: flex-end;
  }
  td .link-button {
    padding-inline: 0;
    min-height: 2.5rem;
  }
  tr[aria-current='true'] {
    background: var(--_surface);
  }
  .helix-cell {
    white-space: nowrap;
  }
  .helix-cell,
  .meta {
    display: inline-flex;
    align-items: center;
    gap: 0.35rem;
  }
  .meta {
    display: flex;
  }
  .detail {
    /* Names and descriptions come from the API: a word longer than the panel breaks. */
    overflow-wrap: anywhere;
    min-width: 0;
    background: var(--_surface);
    padding: calc(var(--_space) * 2);
  }
  .detail header {
    display: flex;
    gap: var(--_space);
    align-items: start;
    justify-content: space-between;
  }
  .detail h3 {
    margin: 0;
    font-size: 1.2em;
  }
  .detail h4 {
    margin: calc(var(--_space) * 2) 0 0.25rem;
    font-size: 1em;
  }
  .detail p {
    margin: 0.5rem 0;
  }
  .detail a {
    color: var(--_primary);
  }
  .close {
    background: var(--_bg);
  }
  .innovation {
    border-top: 1px solid var(--_border-subtle);
  }
  .innovation .link-button {
    flex-direction: column;
    align-items: start;
    gap: 0;
    padding-inline: 0;
  }
  .skeleton-line {
    height: 1rem;
    margin: 0.5rem 0;
    border-radius: 0.25rem;
    background: var(--_border-subtle);
  }
  .skeleton-toolbar {
    height: 5.5rem;
  }
  .notice {
    margin: 0;
  }
  @media (prefers-reduced-motion: no-preference) {
    .skeleton,
    .skeleton-line {
      animation: pulse 1.4s ease-in-out infinite;
    }
  }
  @keyframes pulse {
    50% {
      opacity: 0.55;
    }
  }
  .table-more {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
    margin: var(--_space) 0 0;
  }
  /* Secondary text. */
  .matches small,
  .innovation small,
  .note,
  caption,
  th .arrow,
  .meta,
  .notice,
  .table-more {
    color: var(--_text-muted);
  }
`;

/**
 * The container rules come last, as a sheet of their own: a template without `${…}` is what
 * the build's CSS minifier takes whole (scripts/minify-templates.ts).
 */
export const stakeholderMapStyles: CSSResultGroup = [rules, containerRules];
